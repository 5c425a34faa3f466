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

    /// A heat map of the differences, `.` for none up to `@` for the largest, then the largest few.
    static func mapLines(_ map: Tensor<Double>) -> [String] {
        let shades = Array(" .:-=+*#%@")
        let (rows, columns) = (map.shape[0], map.shape[1])
        let largest = map.scalars.max() ?? 0
        var lines = ["   Differences, rows x columns, ' ' none to '@' \(errorText(largest)):"]
        for row in 0..<min(rows, mapExtent) {
            let cells = (0..<min(columns, mapExtent)).map { column -> Character in
                let value = map[row, column]
                guard value > 0, largest > 0 else { return shades[0] }
                return shades[max(1, min(shades.count - 1, Int((value / largest * Double(shades.count - 1)).rounded())))]
            }
            lines.append("   |" + String(cells) + "|")
        }
        if rows > mapExtent || columns > mapExtent {
            lines.append("   (first \(min(rows, mapExtent)) of \(rows) rows and \(min(columns, mapExtent)) of \(columns) "
                + "columns shown)")
        }
        let worst = map.scalars.indices.sorted { map.scalars[$0] > map.scalars[$1] }
            .prefix(listedDifferences).filter { map.scalars[$0] > 0 }
        if !worst.isEmpty {
            lines.append("   Largest: " + worst.map { "(\($0 / columns), \($0 % columns)) \(errorText(map.scalars[$0]))" }
                .joined(separator: ", "))
        }
        return lines
    }
}
