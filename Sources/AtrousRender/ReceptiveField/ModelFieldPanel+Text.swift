import AtrousCore
import AtrousExplorer
import Foundation

/// The text column of the model's receptive-field panel: title, layer table, numbers, keys.
extension ModelFieldPanel {
    /// The text in `width` columns and at most `height` lines. When room is short the blank
    /// separator, the path total, the key hint and the merges go first; then the table shrinks
    /// to the rows around the selected one; then the numbers and the region. The title,
    /// coverage and the global dependency always stay.
    func textLines(width: Int, height: Int) -> [PanelLine] {
        guard width > 0, height > 0 else { return [] }
        let fullTable = model.rows.count + 1
        var tableHeight = fullTable
        var blocks: [(lines: [PanelLine], dropRank: Int?)] = [([PanelLine(text: "", style: .plain)], 0)]
        for (paragraph, rank) in paragraphs {
            blocks.append((paragraph.lines(width: width), rank))
        }
        func total() -> Int { 1 + tableHeight + blocks.reduce(0) { $0 + $1.lines.count } }
        func dropBlocks(upTo rank: Int) {
            for victim in 0...rank where total() > height { blocks.removeAll { $0.dropRank == victim } }
        }
        dropBlocks(upTo: 3)
        if total() > height { tableHeight = max(min(fullTable, 4), tableHeight - (total() - height)) }
        dropBlocks(upTo: 5)
        if total() > height { tableHeight = max(2, tableHeight - (total() - height)) }
        let title = PanelLine(text: titles.firstFitting(width: width), style: palette.header)
        let lines = [title] + table(width: width).lines(width: width, height: tableHeight, palette: palette) + blocks.flatMap(\.lines)
        return Array(lines.prefix(height))
    }

    /// `Model aspp.onnx, node '/project/Conv', 33x33 → 17x17`, and shorter forms.
    var titles: [String] {
        let analysis = model.analysis
        let file = model.file.split(separator: "/").last.map(String.init) ?? model.file
        let sizes = "\(size(analysis.model.inputSize)) → \(size(analysis.outputSize))"
        return ["Model \(file), node '\(model.nodeName)', \(sizes)", "Node '\(model.nodeName)', \(sizes)",
                "Node '\(model.nodeName)'", "Model \(file)"]
    }

    /// The layer table in `width` columns: grouped by block while the block column fits, else
    /// with the nodes' full names, so no row loses the part of its name the block held.
    func table(width: Int) -> LayerTable {
        let grouped = table(grouped: true)
        guard grouped.fittingColumns(width: width).contains(where: { $0.header == "block" }) else {
            return table(grouped: false)
        }
        return grouped
    }

    /// The layer table: one row per node on the paths; grouped, the block named on its first row.
    func table(grouped: Bool) -> LayerTable {
        let cells = model.rows.map(\.cells)
        let grouped = grouped && model.blocks.contains(where: { $0.block != nil })
        func column(_ header: String, _ values: [String], _ rank: Int?, right: Bool = false) -> LayerTable.Column {
            LayerTable.Column(header: header, cells: values, dropRank: rank, alignsRight: right)
        }
        var columns: [LayerTable.Column] = []
        if grouped {
            columns.append(column("block", model.blocks.map { $0.startsBlock ? $0.block ?? "" : "" }, 8))
        }
        columns += [
            column("node", grouped ? model.blocks.map(\.shortName) : model.rows.map(\.name), nil),
            column("op", model.rows.map(\.operatorName), 7),
            column("k", cells.map(\.kernel), nil),
            column("r", cells.map(\.rate), nil),
            column("s", cells.map(\.stride), 5),
            column("pads", cells.map(\.pads), 2),
            column("out", cells.map(\.output), 3, right: true),
            column("RF", cells.map(\.field), nil, right: true),
            column("jump", cells.map(\.jump), 4, right: true),
        ]
        // A column that says the same on every row tells least; it goes first.
        columns = columns.map { column in
            guard let rank = column.dropRank, Set(column.cells).count <= 1, column.cells.count > 1 else { return column }
            return LayerTable.Column(header: column.header, cells: column.cells, dropRank: rank - 10,
                                     alignsRight: column.alignsRight)
        }
        return LayerTable(columns: columns, selected: model.selectedRow)
    }

    /// The numbers under the table, each with how soon it gives way (lowest first, nil never).
    var paragraphs: [(PanelParagraph, Int?)] {
        let analysis = model.analysis
        let report = ModelFieldReport(analysis: analysis)
        let (cell, region) = (analysis.position, analysis.region)
        var list: [(PanelParagraph, Int?)] = []
        var regionText = "Cell (\(cell.height), \(cell.width)) sees rows \(region.rows.start)..\(region.rows.end), "
            + "cols \(region.columns.start)..\(region.columns.end) (\(size(region.size))), "
            + "centre (\(centreText(region.rows.centre)), \(centreText(region.columns.centre)))."
        let input = analysis.model.inputSize
        if region.rows.start < 0 || region.columns.start < 0 || region.rows.end >= input.height
            || region.columns.end >= input.width {
            regionText += " Part of it is padding (×)."
        }
        list.append((PanelParagraph(regionText, palette.value), 5))
        let field = analysis.field
        let after = (report.padAfter(field.rows, axis: .height), report.padAfter(field.columns, axis: .width))
        list.append((PanelParagraph("Field \(ModelFieldReport.fractions(field.rows.size, field.columns.size)), jump "
            + "\(ModelFieldReport.fractions(field.rows.jump, field.columns.jump)), eff. padding "
            + "\(ModelFieldReport.fractions(field.rows.padBefore, field.columns.padBefore)) before, "
            + "\(ModelFieldReport.fractions(after.0, after.1)) after.", palette.value), 4))
        let coverage = analysis.coverage
        let coverageText: String
        if coverage.cells == 0 {
            coverageText = "The field lies wholly in the padding."
        } else if coverage.holes == 0 {
            coverageText = "Reached all \(coverage.cells) cells: no holes."
        } else {
            coverageText = "Reached \(coverage.reached) of \(coverage.cells) cells: \(coverage.holes) "
                + "\(coverage.holes == 1 ? "hole" : "holes") (·), gridding."
        }
        list.append((PanelParagraph(coverageText, coverage.holes > 0 ? palette.note : palette.value), nil))
        let paths = analysis.pathCounts
        let through = analysis.globalDependencies.isEmpty ? "" : " with the global ones"
        list.append((PanelParagraph("\(Self.countText(paths.total)) paths\(through), at most \(Self.countText(paths.maximum)) "
            + "into one cell\(paths.isExact ? "" : " (rounded past 2^53)").", palette.value), 1))
        let merges = report.merges
        if !merges.isEmpty {
            let misaligned = merges.filter { !$0.alignment.isAligned }
            let text = misaligned.isEmpty
                ? "\(merges.count == 1 ? "1 merge" : "\(merges.count) merges"), aligned."
                : "\(merges.count == 1 ? "1 merge" : "\(merges.count) merges"), not aligned: "
                    + misaligned.map { "'\($0.name)'" }.joined(separator: ", ") + "."
            list.append((PanelParagraph(text, misaligned.isEmpty ? palette.value : palette.note), 3))
        }
        let globals = report.globalNodes
        if !globals.isEmpty {
            let names = globals.map { "'\($0.name)' (\($0.operatorName))" }.joined(separator: ", ")
            list.append((PanelParagraph("Global dependency: through \(names) the cell depends on every input cell; "
                + "the map shows the local paths.", palette.note), nil))
        }
        list.append((PanelParagraph("H J K L move the cell · { } scroll the layers", palette.index), 2))
        return list
    }

    private func size(_ pair: Pair) -> String { "\(pair.height)x\(pair.width)" }
}
