import AtrousCore

/// Python source text built line by line, with comments wrapped to the page.
struct PythonSource {
    private(set) var lines: [String] = []
    /// The width comments wrap at, PEP 8's limit for comments and docstrings.
    static let commentWidth = 79

    mutating func line(_ text: String = "") { lines.append(text) }

    /// Adds lines of code, one per line of `text`.
    mutating func code(_ text: String) {
        lines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Adds `text` as `#` comment lines, wrapped at word boundaries.
    mutating func comment(_ text: String) {
        for paragraph in text.split(separator: "\n") {
            var current = "#"
            for word in paragraph.split(separator: " ") {
                if current.count + 1 + word.count > Self.commentWidth, current != "#" {
                    lines.append(current)
                    current = "#"
                }
                current += " " + word
            }
            lines.append(current)
        }
    }

    var text: String { lines.joined(separator: "\n") + "\n" }
}

/// A Python string literal holding `text` exactly: backslashes, quotes and control characters escaped.
func pythonString(_ text: String) -> String {
    var literal = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": literal += "\\\\"
        case "\"": literal += "\\\""
        case "\n": literal += "\\n"
        case "\t": literal += "\\t"
        case "\r": literal += "\\r"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            literal += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
        default: literal.unicodeScalars.append(scalar)
        }
    }
    return literal + "\""
}

/// A Python tuple of integers: `(3, 4)`, `(5,)`.
func pythonTuple(_ values: [Int]) -> String { shapeText(values) }

/// A Python pair of integers `(height, width)`.
func pythonTuple(_ pair: Pair) -> String { shapeText([pair.height, pair.width]) }
