import AtrousCore

/// The numbers of the receptive-field panel: the chosen cell's region and centre, the field's
/// size, jump and effective padding per axis (Araujo et al., Distill 2019), how much of the
/// field the paths reach, and the Hybrid Dilated Convolution rule with its M values (Wang et
/// al. 2018).
///
/// Axes are written once when they agree and one by one when they differ; a one-row input
/// speaks of steps along its width alone.
struct FieldSummary: Sendable, Equatable {
    /// What a paragraph says, so the panel can leave out the least needed when room is short.
    enum Part: Sendable, Hashable {
        case region, numbers, coverage, paths, rule, caveat
    }

    let analysis: ReceptiveFieldAnalysis
    let oneDimensional: Bool

    func paragraphs(palette: Palette) -> [(Part, PanelParagraph)] {
        var paragraphs: [(Part, PanelParagraph)] = [(.region, PanelParagraph(regionText, palette.value))]
        paragraphs += numbersTexts.map { (.numbers, PanelParagraph($0, palette.value)) }
        paragraphs.append((.coverage, PanelParagraph(coverageText, analysis.coverage.holes > 0 ? palette.note : palette.value)))
        paragraphs.append((.paths, PanelParagraph(pathsText, palette.value)))
        for (text, grids) in ruleTexts { paragraphs.append((.rule, PanelParagraph(text, grids ? palette.note : palette.value))) }
        if analysis.ruleGrids != (analysis.coverage.holes > 0) {
            paragraphs.append((.caveat, PanelParagraph("The rule is a guide for 3-tap kernels; the map is exact.",
                                                        palette.index)))
        }
        return paragraphs
    }

    // MARK: - Region

    /// `Cell (16, 16) sees rows 10..22, cols 10..22 (13x13), centre (16, 16).`
    var regionText: String {
        let (cell, region, input) = (analysis.position, analysis.region, analysis.stack.inputSize)
        var text: String
        if oneDimensional {
            text = "Step \(cell.width) sees steps \(region.columns.start)..\(region.columns.end) "
                + "(\(region.columns.size)), centre \(centreText(region.columns.centre))."
        } else {
            text = "Cell (\(cell.height), \(cell.width)) sees rows \(region.rows.start)..\(region.rows.end), "
                + "cols \(region.columns.start)..\(region.columns.end) (\(region.size.height)x\(region.size.width)), "
                + "centre (\(centreText(region.rows.centre)), \(centreText(region.columns.centre)))."
        }
        let inside = region.rows.start >= 0 && region.columns.start >= 0
            && region.rows.end < input.height && region.columns.end < input.width
        if !inside { text += " Part of it is padding (×)." }
        return text
    }

    // MARK: - Numbers per axis

    /// `Each axis: field 13, jump 1, eff. padding 6+6`, or a line per axis.
    var numbersTexts: [String] {
        let (rows, columns) = (analysis.field.rows, analysis.field.columns)
        func numbers(_ axis: AxisReceptiveField) -> String {
            "\(axis.size), jump \(axis.jump), eff. padding \(axis.padBefore)+\(axis.padAfter)"
        }
        if oneDimensional { return ["Field " + numbers(columns)] }
        if (rows.size, rows.jump, rows.padBefore, rows.padAfter) == (columns.size, columns.jump, columns.padBefore, columns.padAfter) {
            return ["Each axis: field " + numbers(rows)]
        }
        return ["Rows: field " + numbers(rows), "Cols: field " + numbers(columns)]
    }

    // MARK: - Coverage and paths

    var coverageText: String {
        let coverage = analysis.coverage
        let unit = oneDimensional ? "steps" : "cells"
        guard coverage.cells > 0 else { return "The field lies wholly in the padding." }
        guard coverage.holes > 0 else { return "Reached all \(coverage.cells) \(unit): no holes." }
        return "Reached \(coverage.reached) of \(coverage.cells) \(unit): \(coverage.holes) "
            + "\(coverage.holes == 1 ? "hole" : "holes") (·), gridding."
    }

    var pathsText: String {
        let map = analysis.pathCounts
        let total = (try? map.total()).map { "\($0)" } ?? "More than 2^64"
        return "\(total) paths, at most \(map.maximum) into one \(oneDimensional ? "step" : "cell")."
    }

    // MARK: - Hybrid Dilated Convolution

    /// The rule's verdict, once when the axes agree (or for the width of a row), else per
    /// axis; each with whether it predicts gridding.
    var ruleTexts: [(String, Bool)] {
        if oneDimensional || analysis.rowRule == analysis.columnRule {
            return Self.texts(analysis.columnRule, heading: "HDC rule")
        }
        return Self.texts(analysis.rowRule, heading: "HDC rule, rows") + Self.texts(analysis.columnRule, heading: "HDC rule, cols")
    }

    static func texts(_ rule: HybridDilatedConvolution, heading: String) -> [(String, Bool)] {
        let outcome = rule.grids ? "grids" : "no gridding"
        switch rule.groups.count {
        case 0:
            return [("\(heading): no kernel is wider than 1: no gridding.", false)]
        case 1:
            return [("\(heading): \(reading(rule.groups[0])): \(outcome).", rule.grids)]
        default:
            // Runs are numbered, so two runs with the same rates read as two, not as a repeat.
            return [("\(heading), one rising run at a time: \(outcome).", rule.grids)]
                + rule.groups.enumerated().map { i, group in
                    ("  run \(i + 1): \(reading(group))\(group.grids ? ": grids" : "").", group.grids)
                }
        }
    }

    /// `rates 1,2,5, M = 1,2,5; M₂ 2 ≤ K 3, no common factor`: the group's numbers, and the
    /// gap a single dilated layer leaves.
    static func reading(_ group: HybridDilatedConvolution.Group) -> String {
        let rates = group.rates.map(String.init).joined(separator: ",")
        guard let m2 = group.secondDistance else {
            let gap = group.rates[0] - 1
            return gap > 0 ? "one layer at rate \(rates) leaves \(gap) \(gap == 1 ? "cell" : "cells") between taps"
                : "one layer at rate \(rates)"
        }
        let distances = group.maximumDistances.map(String.init).joined(separator: ",")
        let fits = m2 <= group.kernelSize
        let bound = "M₂ \(m2) \(fits ? "≤" : ">") K \(group.kernelSize)"
        let factor = group.commonFactor > 1 ? "common factor \(group.commonFactor)" : "no common factor"
        return "rates \(rates), M = \(distances); \(bound)\(fits && group.commonFactor > 1 ? " but" : ",") \(factor)"
    }
}
