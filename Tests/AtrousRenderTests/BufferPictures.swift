import Testing
@testable import AtrousRender

/// The rows of a multi-line literal as a buffer of `width` columns (or the widest row), the
/// way expected screens are written in these tests.
func picture(_ text: String, width: Int? = nil) -> CellBuffer {
    CellBuffer(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), width: width)
}

/// Compares the characters of `buffer` with a picture; a failure prints both as quoted rows.
func expectPicture(_ buffer: CellBuffer, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let wanted = picture(expected, width: buffer.size.width)
    #expect(buffer.lines == wanted.lines, "\n got: \(buffer.debugDescription)\nwant: \(wanted.debugDescription)",
            sourceLocation: sourceLocation)
}

extension CellBuffer {
    /// Each cell replaced by the legend character of its style, `?` for a style not in the
    /// legend: a picture of where each style went.
    func stylePicture(_ legend: [Character: Style]) -> String {
        let names = Dictionary(legend.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        return (0..<size.height).map { y in
            String((0..<size.width).map { x in self[x, y].flatMap { names[$0.style] } ?? "?" })
        }.joined(separator: "\n")
    }
}

/// `text` without its ANSI escape sequences.
func strippingEscapes(_ text: String) -> String {
    var out = ""
    var inEscape = false
    for scalar in text.unicodeScalars {
        if inEscape {
            if scalar == "m" { inEscape = false }
        } else if scalar == "\u{1B}" {
            inEscape = true
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
