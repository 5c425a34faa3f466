import AtrousCore

/// The readable report of `atrous rf --model`: the nodes on the analysed node's paths as a
/// table, then its field, the chosen cell's region, coverage and paths, the merges and the
/// global dependencies.
extension RFResult {
    static func text(of analysis: ModelFieldAnalysis, file: String) -> String {
        let report = ModelFieldReport(analysis: analysis)
        let node = analysis.model.graph.nodes[analysis.node]
        var rows = [["node", "op", "kernel", "rate", "stride", "pads", "output", "field", "jump", "eff. pad"]]
        for row in report.rows {
            let cells = row.cells
            rows.append([row.name, row.operatorName, cells.kernel, cells.rate, cells.stride, cells.pads, cells.output,
                         cells.field, cells.jump, cells.padding])
        }
        let field = analysis.field
        var lines = ["Receptive field of node '\(node.name)' (\(node.operatorName)) of \(file) on a "
                     + "\(size(analysis.model.inputSize)) input (output \(size(analysis.outputSize))); values read HxW "
                     + "where the axes differ.", ""]
        lines += table(rows)
        lines.append("")
        lines.append("Receptive field \(fractions(field.rows.size, field.columns.size)), jump "
                     + "\(fractions(field.rows.jump, field.columns.jump)), effective padding "
                     + "\(fractions(field.rows.padBefore, field.columns.padBefore)) before and "
                     + "\(fractions(report.padAfter(field.rows, axis: .height), report.padAfter(field.columns, axis: .width))) after.")
        lines.append(regionLine(cell: analysis.position, region: analysis.region, inputSize: analysis.model.inputSize))
        lines.append(coverageLine(analysis.coverage))
        lines.append(pathsLine(analysis.pathCounts))
        if !analysis.localPathCounts.isExact || !analysis.pathCounts.isExact {
            lines.append("Some counts exceed 2^53, so they are rounded to float64; zeros are exact.")
        }
        lines += mergeLines(report)
        lines += globalLines(report)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pathsLine(_ counts: ModelPathCounts) -> String {
        guard let bounds = counts.nonzeroBounds else { return "Paths: none; no input cell reaches this output." }
        return "Paths: \(number(counts.total)) in all, at most \(number(counts.maximum)) into one input cell; the "
            + "\(counts.nonzeroCount) reached cells span rows \(bounds.rows.lowerBound)..\(bounds.rows.upperBound), "
            + "columns \(bounds.columns.lowerBound)..\(bounds.columns.upperBound)."
    }

    private static func mergeLines(_ report: ModelFieldReport) -> [String] {
        let merges = report.merges
        guard !merges.isEmpty else { return [] }
        let misaligned = merges.filter { !$0.alignment.isAligned }
        guard !misaligned.isEmpty else {
            return ["Branches meet at \(counted(merges.count, "merge")), every one aligned (the same jump and centre)."]
        }
        var lines = ["Branches meet at \(counted(merges.count, "merge")); \(misaligned.count) not aligned:"]
        for merge in misaligned {
            var parts: [String] = []
            for axis in Axis.allCases where !merge.alignment.isAligned(along: axis) {
                let branches = merge.alignment[axis]
                parts.append("\(axis == .height ? "rows" : "columns"): centres "
                             + branches.map { "\($0.centre)" }.joined(separator: ", ") + ", jumps "
                             + branches.map { "\($0.jump)" }.joined(separator: ", "))
            }
            lines.append("  \(merge.name) (\(merge.operatorName)): " + parts.joined(separator: "; ") + ".")
        }
        return lines
    }

    private static func globalLines(_ report: ModelFieldReport) -> [String] {
        let nodes = report.globalNodes
        guard !nodes.isEmpty else { return [] }
        let names = nodes.map { "'\($0.name)' (\($0.operatorName))" }.joined(separator: ", ")
        return ["Through \(nodes.count == 1 ? "node" : "nodes") \(names), the cell also depends on every input cell: "
                + "the field, region and coverage above are the local paths', and the path counts include the global ones."]
    }

    private static func fractions(_ rows: Fraction, _ columns: Fraction) -> String {
        ModelFieldReport.fractions(rows, columns)
    }
}
