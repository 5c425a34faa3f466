/// The text column of the receptive-field panel: title, layer table, numbers, key hint.
extension ReceptiveFieldPanel {
    /// What the text column holds, in order; `dropRank` says how soon a block gives way when
    /// the column is short (lowest first), nil never.
    private struct Block {
        var lines: [PanelLine]
        let dropRank: Int?
    }

    /// The text in `width` columns and at most `height` lines. When room is short the blank
    /// separator, the path total, the key hint and the rule's caveat go first; then the table
    /// shrinks to the rows around the selected layer; then the per-axis numbers and the region.
    /// The title, coverage, the rule's verdict and any problem always stay.
    func textLines(width: Int, height: Int) -> [PanelLine] {
        guard width > 0, height > 0 else { return [] }
        let table = LayerTable(layers: layers, selected: selectedLayer, analysis: analysis, oneDimensional: isOneDimensional)
        let fullTable = layers.count + 1
        var tableHeight = fullTable
        var blocks = [Block(lines: [PanelLine(text: "", style: .plain)], dropRank: 0)]
        if let analysis {
            for (part, paragraph) in FieldSummary(analysis: analysis, oneDimensional: isOneDimensional).paragraphs(palette: palette) {
                blocks.append(Block(lines: paragraph.lines(width: width), dropRank: Self.dropRank(of: part)))
            }
        } else if let problem {
            blocks.append(Block(lines: PanelParagraph(problem, palette.error).lines(width: width), dropRank: nil))
        }
        blocks.append(Block(lines: PanelParagraph(hint, palette.index).lines(width: width), dropRank: 2))

        func total() -> Int { 1 + tableHeight + blocks.reduce(0) { $0 + $1.lines.count } }
        func dropBlocks(upTo rank: Int) {
            for victim in 0...rank where total() > height {
                blocks.removeAll { $0.dropRank == victim }
            }
        }
        dropBlocks(upTo: 3)
        if total() > height { tableHeight = max(min(fullTable, 4), tableHeight - (total() - height)) }
        dropBlocks(upTo: 5)
        if total() > height { tableHeight = max(2, tableHeight - (total() - height)) }

        let title = PanelLine(text: titles.firstFitting(width: width), style: palette.header)
        let lines = [title] + table.lines(width: width, height: tableHeight, palette: palette) + blocks.flatMap(\.lines)
        return Array(lines.prefix(height))
    }

    /// How soon a part of the numbers gives way: the blank separator is 0, the key hint 2.
    private static func dropRank(of part: FieldSummary.Part) -> Int? {
        switch part {
        case .paths: 1
        case .caveat: 3
        case .numbers: 4
        case .region: 5
        case .coverage, .rule: nil
        }
    }

    /// `Stack of 3 layers on 33x33 → 33x33`, and shorter forms.
    var titles: [String] {
        let count = "\(layers.count) \(layers.count == 1 ? "layer" : "layers")"
        guard let stack = analysis?.stack else { return ["Stack of \(count), impossible", "Stack of \(count)"] }
        let (input, output) = ("\(stack.inputSize.height)x\(stack.inputSize.width)",
                               "\(stack.outputSize.height)x\(stack.outputSize.width)")
        return ["Stack of \(count) on \(input) → \(output)", "Stack of \(count), \(input)→\(output)", "Stack of \(count)"]
    }

    /// The keys of the view, naming the ones that move the chosen cell.
    var hint: String {
        let move = followsCurrentCell ? "h j k l move the cell" : "H J K L move this cell"
        return "\(move) · { } layer · o add · x remove · v hide"
    }
}
