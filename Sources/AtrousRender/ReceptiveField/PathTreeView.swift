import AtrousCore

/// The paths of a one-row stack drawn layer by layer, WaveNet's classic picture: one row per
/// stage, the chosen output at the top and the input at the bottom, time running left to right.
///
/// Each stage's cells sit under the input step that is their own position: the point of
/// their field that splits it as their padding does (the last step for causal padding, the
/// middle for symmetric padding). A cell on a path is `●` (the chosen one in the current
/// cell's style), a cell between the row's first and last path that no path reaches is a hole
/// `·`, and the input row is a heat map of its path counts, `×` where the field lies in
/// padding.
///
/// When the field does not fit one column per step, each column stands for a bin of steps
/// ending at the field's last step, shaded by the share of the bin's cells on a path (a bin
/// with a hole is lighter than a full one, so holes still show), and the axis line says how
/// many steps a column holds.
struct PathTreeView: Widget, Sendable {
    let analysis: ReceptiveFieldAnalysis
    /// Path counts per stage, the input first (``ReceptiveFieldView/layerPathCounts``).
    let stages: [[UInt64]]
    let palette: Palette

    func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty, stages.count == analysis.stack.layers.count + 1 else { return }
        let (titleArea, rest) = area.splitTop(1)
        let step = analysis.position.width
        buffer.write(["Paths into step \(step), layer by layer", "Paths into step \(step)"].firstFitting(width: titleArea.width),
                     x: titleArea.x, y: titleArea.y, style: palette.header, clip: titleArea)
        let labelWidth = max(3, "\(stages.count - 1)".count + 1)
        let (labels, body) = rest.splitLeft(labelWidth)
        let rowCount = min(stages.count, max(body.height - 1, 0))
        guard rowCount > 0, body.width > 0 else { return }
        let window = self.window
        let binSize = max(1, (window.count + body.width - 1) / body.width)
        let columns = (window.count + binSize - 1) / binSize
        // Bins end at the window's last step, so the chosen output keeps a column of its own.
        let firstStep = window.upperBound - columns * binSize
        for (row, stage) in shownStages(rows: rowCount).enumerated() {
            let y = body.y + row
            buffer.write((stage == 0 ? "in" : "\(stage)").leftPadded(to: labelWidth - 1), x: labels.x, y: y,
                         style: palette.index, clip: labels)
            let bins = self.bins(stage: stage, firstStep: firstStep, binSize: binSize, columns: columns)
            for (column, bin) in bins.enumerated() {
                let (character, style) = look(of: bin, stage: stage, scaled: binSize > 1)
                buffer.write(String(character), x: body.x + column, y: y, style: style, clip: body)
            }
        }
        let axis = Rect(x: labels.x, y: body.y + rowCount, width: rest.width, height: 1)
        drawAxis(into: &buffer, area: axis, bodyX: body.x, firstStep: firstStep, binSize: binSize)
    }

    /// The stages drawn from the top, the chosen output first and the input last; when not
    /// all fit, the stages just above the input give way, the output and the input stay.
    func shownStages(rows: Int) -> [Int] {
        let fromTop = Array((0..<stages.count).reversed())
        guard rows < fromTop.count else { return fromTop }
        return rows <= 1 ? Array(fromTop.prefix(rows)) : Array(fromTop.prefix(rows - 1)) + [0]
    }

    /// The columns to draw every step with its labels.
    var naturalWidth: Int { max(3, "\(stages.count - 1)".count + 1) + window.count }

    /// The input steps drawn: the field with a margin of one step, and the chosen output.
    var window: Range<Int> {
        let region = analysis.region.columns
        let output = position(stage: stages.count - 1, index: analysis.position.width)
        return (min(region.start, output) - 1)..<(max(region.end, output) + 2)
    }

    /// The input step under which cell `index` of stage `stage` sits.
    func position(stage: Int, index: Int) -> Int {
        let steps = analysis.field.columns.steps
        guard stage > 0, stage <= steps.count else { return index }
        let step = steps[stage - 1]
        let start = index * step.jump - step.padBefore
        let padding = step.padBefore + step.padAfter
        let offset = padding > 0 ? (step.size - 1) * step.padBefore / padding : (step.size - 1) / 2
        return start + offset
    }

    /// What one column of a row covers: the stage's cells in the bin, those on a path, the
    /// largest count among them, whether the row's paths span the bin, and whether the bin
    /// lies wholly outside the input.
    struct Bin: Equatable {
        var cells = 0
        var reached = 0
        var largest: UInt64 = 0
        var betweenPaths = false
        var isPadding = false
        var holdsChosenCell = false
    }

    func bins(stage: Int, firstStep: Int, binSize: Int, columns: Int) -> [Bin] {
        var bins = [Bin](repeating: Bin(), count: columns)
        let counts = stages[stage]
        var span: ClosedRange<Int>?
        for (index, count) in counts.enumerated() {
            let x = position(stage: stage, index: index)
            if count > 0 { span = span.map { min($0.lowerBound, x)...max($0.upperBound, x) } ?? x...x }
            let bin = (x - firstStep).dividedRoundingDown(by: binSize)
            guard (0..<columns).contains(bin) else { continue }
            bins[bin].cells += 1
            if count > 0 {
                bins[bin].reached += 1
                bins[bin].largest = max(bins[bin].largest, count)
            }
            if stage == stages.count - 1, index == analysis.position.width { bins[bin].holdsChosenCell = true }
        }
        let inputWidth = analysis.stack.inputSize.width
        let region = analysis.region.columns
        for column in 0..<columns {
            let steps = (firstStep + column * binSize)...(firstStep + (column + 1) * binSize - 1)
            if let span { bins[column].betweenPaths = steps.overlaps(span) }
            bins[column].isPadding = stage == 0 && (steps.upperBound < 0 || steps.lowerBound >= inputWidth)
                && steps.overlaps(region.start...region.end)
        }
        return bins
    }

    /// The character and style of one bin.
    func look(of bin: Bin, stage: Int, scaled: Bool) -> (Character, Style) {
        if bin.holdsChosenCell { return ("●", palette.current) }
        if bin.isPadding { return ("×", palette.padding) }
        guard bin.reached > 0 else {
            return bin.betweenPaths && bin.cells > 0 ? ("·", palette.hole) : (" ", .plain)
        }
        if stage == 0 || scaled {
            // The input row reads its counts; a scaled row reads the share of its bin on a path.
            let value = scaled ? Double(bin.reached) / Double(bin.cells) : Double(bin.largest)
            let limit = scaled ? 1 : Double(stages[0].max() ?? 1)
            let heat = palette.heat.cell(for: value, scale: .sequential(limit: limit))
            return (heat.character, heat.style)
        }
        return ("●", palette.footprintTap)
    }

    /// `0 ──── 1 column = 26 steps ──── 1023` under the rows: the field's first and last
    /// steps under their columns, and how many steps a column holds when scaled.
    private func drawAxis(into buffer: inout CellBuffer, area: Rect, bodyX: Int, firstStep: Int, binSize: Int) {
        let region = analysis.region.columns
        let output = position(stage: stages.count - 1, index: analysis.position.width)
        let (first, last) = (min(region.start, output), max(region.end, output))
        let left = "\(first)", right = "\(last)"
        let leftX = bodyX + (first - firstStep) / binSize
        let rightEnd = bodyX + (last - firstStep) / binSize + 1
        let middle = binSize > 1 ? " 1 column = \(binSize) steps " : " steps "
        let gap = rightEnd - leftX - left.count - right.count
        guard gap >= 2 else {
            buffer.write(binSize > 1 ? "\(left)..\(right), ×\(binSize)" : "\(left)..\(right)", x: leftX, y: area.y,
                         style: palette.index, clip: area)
            return
        }
        let label = gap >= middle.count + 2 ? middle : ""
        let dashes = gap - label.count
        let text = left + String(repeating: "─", count: dashes / 2) + label
            + String(repeating: "─", count: dashes - dashes / 2) + right
        buffer.write(text, x: leftX, y: area.y, style: palette.index, clip: area)
    }
}
