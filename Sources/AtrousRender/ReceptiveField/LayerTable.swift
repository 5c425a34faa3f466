import AtrousCore

/// The layer list of the receptive-field panel: one row per layer with its kernel, rate,
/// stride, padding, output size, the receptive field after it and its jump, the selected
/// layer marked `▸`.
///
/// Columns that do not fit drop in order of least use: those that say the same on every row
/// first (a stride of 1 throughout), then padding, output, jump, stride; the kernel, rate and
/// field always stay. A one-row input shows the width alone, as its height never changes.
struct LayerTable: Sendable, Equatable {
    /// One column: its header, a cell per layer, and how soon it drops.
    struct Column: Sendable, Equatable {
        let header: String
        let cells: [String]
        /// Columns with a lower rank drop first; nil never drops.
        let dropRank: Int?
        let alignsRight: Bool
    }

    let columns: [Column]
    let selected: Int

    /// A table of the given columns, row `selected` marked.
    init(columns: [Column], selected: Int) {
        self.selected = selected
        self.columns = columns
    }

    /// The table of `layers`; the output, field and jump columns need `analysis` of those layers.
    init(layers: [LayerSpec], selected: Int, analysis: ReceptiveFieldAnalysis?, oneDimensional: Bool) {
        self.selected = selected
        let analysis = analysis.flatMap { $0.stack.specs == layers ? $0 : nil }
        func text(_ pair: Pair) -> String { oneDimensional ? "\(pair.width)" : "\(pair)" }
        var columns = [
            Column(header: "#", cells: layers.indices.map { "\($0 + 1)" }, dropRank: nil, alignsRight: true),
            Column(header: "k", cells: layers.map { text($0.kernelSize) }, dropRank: nil, alignsRight: false),
            Column(header: "r", cells: layers.map { text($0.rate) }, dropRank: nil, alignsRight: false),
            Column(header: "s", cells: layers.map { text($0.stride) }, dropRank: 5, alignsRight: false),
            Column(header: "pad", cells: layers.map { "\($0.padding)" }, dropRank: 2, alignsRight: false),
        ]
        if let analysis {
            let field = analysis.field
            let steps = zip(field.rows.steps, field.columns.steps)
            columns += [
                Column(header: "out", cells: analysis.stack.layers.map { size($0.outputSize, oneDimensional) },
                       dropRank: 3, alignsRight: true),
                Column(header: "RF", cells: steps.map { text(Pair($0.size, $1.size)) }, dropRank: nil, alignsRight: true),
                Column(header: "jump", cells: steps.map { text(Pair($0.jump, $1.jump)) }, dropRank: 4, alignsRight: true),
            ]
        }
        // A column that says the same on every row tells least; it goes first.
        self.columns = columns.map { column in
            guard let rank = column.dropRank, Set(column.cells).count <= 1, column.cells.count > 1 else { return column }
            return Column(header: column.header, cells: column.cells, dropRank: rank - 10, alignsRight: column.alignsRight)
        }
    }

    /// The header and one line per layer in `width` characters, the rows windowed to `height`
    /// lines (header included) around the selected layer; the header says how many layers
    /// the window hides and which way (`↓ 2 more: { }`).
    func lines(width: Int, height: Int, palette: Palette) -> [PanelLine] {
        guard height > 0 else { return [] }
        let shown = fittingColumns(width: width)
        let widths = shown.map { column in max(column.header.count, column.cells.map(\.count).max() ?? 0) }
        func row(_ marker: String, _ texts: [String]) -> String {
            let cells = zip(zip(shown, texts), widths).map { pair, width in
                pair.0.alignsRight ? pair.1.leftPadded(to: width) : pair.1.rightPadded(to: width)
            }
            return marker + cells.joined(separator: " ")
        }
        let count = shown.first?.cells.count ?? 0
        let window = Viewport(contentLength: count, length: height - 1)
            .showing(selected..<(selected + 1), margin: 1)
        // Layers beyond the window are counted on the header, with the keys that reach them.
        let hidden = count - window.range.count
        let arrows = (window.hidesBefore ? "↑" : "") + (window.hidesAfter ? "↓" : "")
        let header = row(" ", shown.map(\.header))
        let marks = ["  \(arrows) \(hidden) more: { }", " \(arrows)\(hidden) more", " \(arrows)\(hidden)"]
        let mark = hidden == 0 ? "" : marks.first { header.count + $0.count <= width } ?? " " + arrows
        var lines = [PanelLine(text: header + mark, style: palette.index)]
        for index in window.range {
            let isSelected = index == selected
            lines.append(PanelLine(text: row(isSelected ? "▸" : " ", shown.map { $0.cells[index] }).rightPadded(to: width),
                                   style: isSelected ? palette.selected : palette.value))
        }
        return lines
    }

    /// The columns left once the least useful have dropped until a row fits `width`.
    func fittingColumns(width: Int) -> [Column] {
        var shown = columns
        func rowWidth() -> Int {
            1 + shown.map { max($0.header.count, $0.cells.map(\.count).max() ?? 0) }.reduce(0, +) + max(shown.count - 1, 0)
        }
        let order = columns.compactMap { column in column.dropRank.map { (column, $0) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
        for column in order where rowWidth() > width {
            shown.removeAll { $0 == column }
        }
        return shown
    }
}

/// `33x33`, or the width alone on a one-row input.
private func size(_ pair: Pair, _ oneDimensional: Bool) -> String {
    oneDimensional ? "\(pair.width)" : "\(pair.height)x\(pair.width)"
}
