import AtrousCore

/// The readable form of `atrous diagnose`: the verdict, then one sentence per finding.
extension DiagnosisReport {
    /// Matches printed before the rest are summarised (`--json` lists every one).
    static let printedMatches = 5
    /// Rows and columns of a difference map printed; a larger map says what it leaves out.
    static let mapExtent = 48
    /// Positions listed under a map, largest difference first.
    static let listedDifferences = 5

    func text(inputShape: [Int], kernelShape: [Int], actualShape: [Int]) -> String {
        var lines = ["Input \(shapeText(inputShape)), kernel \(shapeText(kernelShape)), actual output "
            + "\(shapeText(actualShape)); tolerance \(errorText(tolerance)); \(computedCount) configurations computed in full."]
        if matches.isEmpty {
            let count = closest.count == 1 ? "the closest:" : "the \(closest.count) closest:"
            lines.append("No configuration reproduces the output; " + count)
            for (number, finding) in closest.enumerated() {
                lines.append("\(number + 1). \(finding.sentence)")
                lines += Self.mapLines(finding.differenceMap)
            }
        } else {
            lines.append(matches.count == 1 ? "1 configuration reproduces the output:"
                                            : "\(matches.count) configurations reproduce the output, plainest first:")
            for (number, finding) in matches.prefix(Self.printedMatches).enumerated() {
                lines.append("\(number + 1). \(finding.sentence)")
            }
            if matches.count > Self.printedMatches {
                lines.append("… and \(matches.count - Self.printedMatches) more (--json lists them all).")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A heat map of the differences, ` ` for none up to `@` for the largest, then the largest few.
    static func mapLines(_ map: Tensor<Double>) -> [String] {
        let (rows, columns) = (map.shape[0], map.shape[1])
        var lines = ["   Differences, rows x columns, ' ' none to '@' \(errorText(map.scalars.max() ?? 0)):"]
        lines += DifferenceShading.rows(map, maxRows: mapExtent, maxColumns: mapExtent).map { "   |\($0)|" }
        if rows > mapExtent || columns > mapExtent {
            lines.append("   (first \(min(rows, mapExtent)) of \(rows) rows and \(min(columns, mapExtent)) of \(columns) "
                + "columns shown)")
        }
        let worst = DifferenceShading.largestCells(map, count: listedDifferences)
        if !worst.isEmpty {
            lines.append("   Largest: " + worst.map { "(\($0.row), \($0.column)) \(errorText($0.value))" }
                .joined(separator: ", "))
        }
        return lines
    }
}
