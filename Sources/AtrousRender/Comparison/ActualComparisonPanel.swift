import AtrousCore
import AtrousExplorer

/// The user's output (`:actual`) beside atrous's: the diagnosis's first finding, a map of
/// where the two differ, and the cells that differ most.
public struct ActualComparisonPanel: Widget, Sendable {
    public var comparison: ActualComparison
    /// The shape of atrous's current output, for saying why there is no map; nil when impossible.
    public var outputShape: [Int]?
    public var palette: Palette

    public init(comparison: ActualComparison, outputShape: [Int]?, palette: Palette) {
        self.comparison = comparison
        self.outputShape = outputShape
        self.palette = palette
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        var lines = [PanelLine(text: "Actual: \(comparison.path)", style: palette.header)]
        let verdict = comparison.suggestion == nil ? palette.error : palette.note
        lines += PanelParagraph(comparison.diagnosis, verdict).lines(width: area.width)
        lines.append(PanelLine(text: "", style: palette.label))
        if let map = comparison.difference {
            lines += mapLines(map, width: area.width, height: area.height - lines.count - 2)
        } else {
            let atrous = outputShape.map(shapeText) ?? "none"
            lines += PanelParagraph("No difference map: the actual output is \(shapeText(comparison.actual.shape)), "
                + "atrous's \(atrous).", palette.label).lines(width: area.width)
        }
        buffer.write(lines, in: area)
    }

    /// The map's title, as many rows as fit (saying when some do not), and the largest cells.
    private func mapLines(_ map: Tensor<Double>, width: Int, height: Int) -> [PanelLine] {
        let largest = map.scalars.max() ?? 0
        guard largest > 0 else { return [PanelLine(text: "Actual = atrous in every cell.", style: palette.info)] }
        var lines = PanelParagraph("|actual − atrous|, ' ' none to '@' \(errorText(largest)):", palette.label)
            .lines(width: width)
        let room = max(0, height - lines.count - 1)
        let rows = DifferenceShading.rows(map, maxRows: room, maxColumns: max(0, width - 2))
        lines += rows.map { PanelLine(text: "|\($0)|", style: palette.value) }
        if rows.count < map.shape[0] || map.shape[1] > width - 2 {
            lines.append(PanelLine(text: "(\(rows.count) of \(map.shape[0]) rows, "
                + "\(min(map.shape[1], max(0, width - 2))) of \(map.shape[1]) columns shown)", style: palette.label))
        }
        let cells = comparison.largest.map { "(\($0.row),\($0.column)) \(errorText($0.value))" }
        lines += PanelParagraph("Largest: " + cells.joined(separator: ", "), palette.label).lines(width: width)
        return lines
    }
}

/// The comparison panel while an actual output is loaded and the receptive-field view is hidden.
public func comparisonWidget(for state: ExplorerState, palette: Palette) -> (any Widget & Sendable)? {
    guard let comparison = state.comparison else { return nil }
    return ActualComparisonPanel(comparison: comparison, outputShape: state.output?.shape, palette: palette)
}
