import AtrousCore

/// The readable report of `atrous rf`: a table of layers, then the chosen cell's region,
/// coverage, path counts and the Hybrid Dilated Convolution rule.
extension RFResult {
    var text: String {
        switch self {
        case let .stack(analysis): Self.text(of: analysis)
        case let .parallel(analysis): Self.text(of: analysis)
        case let .model(analysis, file): Self.text(of: analysis, file: file)
        }
    }

    private static func text(of analysis: ReceptiveFieldAnalysis) -> String {
        let stack = analysis.stack
        let field = analysis.field
        var rows = [["layer", "k", "r", "s", "p", "pads", "output", "field", "jump", "eff. pad"]]
        for (index, layer) in stack.layers.enumerated() {
            let (row, column) = (field.rows.steps[index], field.columns.steps[index])
            rows.append(["\(index + 1)", "\(layer.spec.kernelSize)", "\(layer.spec.rate)", "\(layer.spec.stride)",
                         "\(layer.spec.padding)", pads(layer), size(layer.outputSize),
                         "\(Pair(row.size, column.size))", "\(Pair(row.jump, column.jump))",
                         "\(Pair(row.padBefore, column.padBefore))"])
        }
        var lines = ["Receptive field of \(counted(stack.layers.count, "layer")) on a \(size(stack.inputSize)) input "
                     + "(output \(size(stack.outputSize))); values read HxW where the axes differ.", ""]
        lines += table(rows)
        lines.append("")
        lines.append("Receptive field \(field.size), jump \(field.jump), effective padding \(field.padBefore) before "
                     + "and \(field.padAfter) after.")
        lines.append(regionLine(cell: analysis.position, region: analysis.region, inputSize: stack.inputSize))
        lines.append(coverageLine(analysis.coverage))
        lines.append(pathsLine(analysis.pathCounts))
        lines += ruleLines(analysis)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func text(of analysis: ParallelBranchAnalysis) -> String {
        let first = analysis.branches[0].stack
        let cell = analysis.branches[0].position
        var rows = [["branch", "layers", "pads", "output", "field", "cell (\(cell.height), \(cell.width)) sees", "holes"]]
        for (index, branch) in analysis.branches.enumerated() {
            rows.append(["\(index + 1)", branch.stack.specs.map(\.notation).joined(separator: " "),
                         branch.stack.layers.map(pads).joined(separator: " "), size(branch.stack.outputSize),
                         "\(branch.field.size)", span(branch.region), "\(branch.coverage.holes)"])
        }
        var lines = ["\(analysis.branches.count) parallel branches on a \(size(first.inputSize)) input, their outputs "
                     + "summed; values read HxW where the axes differ.", ""]
        lines += table(rows)
        lines.append("")
        lines.append("Summed output:")
        lines.append(regionLine(cell: cell, region: analysis.region, inputSize: first.inputSize))
        lines.append(coverageLine(analysis.coverage))
        lines.append(pathsLine(analysis.pathCounts))
        lines.append("The Hybrid Dilated Convolution rule applies to stacked layers, not to parallel branches.")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Lines

    static func regionLine(cell: Pair, region: CellRegion, inputSize: Pair) -> String {
        var line = "Output cell (\(cell.height), \(cell.width)) sees \(span(region)) (\(size(region.size)) cells), "
            + "centre (\(number(region.rows.centre)), \(number(region.columns.centre)))."
        let inside = region.rows.start >= 0 && region.columns.start >= 0
            && region.rows.end < inputSize.height && region.columns.end < inputSize.width
        if !inside {
            line += " Part of it lies in the padding: the input is rows 0..\(inputSize.height - 1), "
                + "columns 0..\(inputSize.width - 1)."
        }
        return line
    }

    static func coverageLine(_ coverage: Coverage) -> String {
        guard coverage.cells > 0 else { return "Coverage: the field lies wholly in the padding." }
        let holes = coverage.holes == 0 ? "no holes" : "\(coverage.holes) \(coverage.holes == 1 ? "hole" : "holes") (gridding)"
        return "Coverage: \(coverage.reached) of the \(coverage.cells) input cells in the field are reached, \(holes)."
    }

    private static func pathsLine(_ map: PathCountMap) -> String {
        let total = (try? map.total()).map { "\($0)" } ?? "more than 2^64"
        guard let bounds = map.nonzeroBounds else { return "Paths: none; no input cell reaches this output." }
        return "Paths: \(total) in all, at most \(map.maximum) into one input cell; the \(map.nonzeroCount) reached "
            + "cells span rows \(bounds.rows.lowerBound)..\(bounds.rows.upperBound), "
            + "columns \(bounds.columns.lowerBound)..\(bounds.columns.upperBound)."
    }

    private static func ruleLines(_ analysis: ReceptiveFieldAnalysis) -> [String] {
        let title = "Hybrid Dilated Convolution rule (Wang et al. 2018)"
        var lines: [String]
        if analysis.rowRule == analysis.columnRule {
            lines = ruleLines(analysis.rowRule, heading: title, indent: "")
        } else {
            lines = ["\(title):"]
            lines += ruleLines(analysis.rowRule, heading: "  rows", indent: "  ")
            lines += ruleLines(analysis.columnRule, heading: "  columns", indent: "  ")
        }
        if analysis.ruleGrids != (analysis.coverage.holes > 0) {
            lines.append("The rule is a design guide for 3-tap kernels; the path counts above are exact.")
        }
        return lines
    }

    /// The rule along one axis: one line for a single group, else a verdict and a line per group.
    static func ruleLines(_ rule: HybridDilatedConvolution, heading: String, indent: String) -> [String] {
        switch rule.groups.count {
        case 0:
            return ["\(heading): no layer has a kernel larger than 1, so it cannot grid."]
        case 1:
            return ["\(heading): \(verdict(rule.groups[0]))."]
        default:
            return ["\(heading), one group of rising rates at a time: \(rule.grids ? "grids" : "does not grid")."]
                + rule.groups.map { "\(indent)  \(verdict($0))." }
        }
    }

    private static func verdict(_ group: HybridDilatedConvolution.Group) -> String {
        let rates = group.rates.map(String.init).joined(separator: ",")
        let outcome = group.grids ? "grids" : "does not grid"
        guard let m2 = group.secondDistance else {
            return group.grids
                ? "rate \(rates) alone leaves \(counted(group.rates[0] - 1, "cell")) between taps: \(outcome)"
                : "rate \(rates) alone: \(outcome)"
        }
        let distances = group.maximumDistances.map(String.init).joined(separator: ",")
        let fits = m2 <= group.kernelSize
        let bound = "M_2 = \(m2) \(fits ? "<=" : ">") K = \(group.kernelSize)"
        let factor = group.commonFactor > 1 ? "the rates share the factor \(group.commonFactor)" : "the rates share no factor"
        let joint = fits == (group.commonFactor == 1) ? " and " : " but "
        return "rates \(rates), M = \(distances); \(bound)\(joint)\(factor): \(outcome)"
    }

    // MARK: - Formatting

    /// The rows of `rows` with every column padded to its widest cell.
    static func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { cell, width in cell + String(repeating: " ", count: width - cell.count) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
    }

    /// The layer's pads as top+bottom, and left+right after a comma where they differ.
    private static func pads(_ layer: ConvolutionGeometry) -> String {
        let (rows, columns) = ("\(layer.rows.padBefore)+\(layer.rows.padAfter)",
                               "\(layer.columns.padBefore)+\(layer.columns.padAfter)")
        return rows == columns ? rows : "\(rows),\(columns)"
    }

    static func size(_ pair: Pair) -> String { "\(pair.height)x\(pair.width)" }

    static func span(_ region: CellRegion) -> String {
        "rows \(region.rows.start)..\(region.rows.end), columns \(region.columns.start)..\(region.columns.end)"
    }

    /// A whole number without a decimal point, a half with one.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : "\(value)"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
