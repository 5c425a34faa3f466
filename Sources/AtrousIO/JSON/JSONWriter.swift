/// Writes a ``JSONValue`` as indented text meant to be read and diffed by people.
///
/// Objects put one member per line, indented by two spaces. A list of plain values (numbers,
/// strings, booleans, null) stays on one line, or, when a row length is given for its place in
/// the document, breaks after every that many values, so a map's values line up in its rows.
/// Lists holding lists or objects put one element per line.
public struct JSONWriter: Sendable {
    /// Values per line for the plain lists at given places, named by the member names leading
    /// to them joined with dots, e.g. `input.values`.
    public var rowLengths: [String: Int]

    public init(rowLengths: [String: Int] = [:]) {
        self.rowLengths = rowLengths
    }

    /// The document, ending with a newline.
    public func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, place: "", indent: "", into: &out)
        return out + "\n"
    }

    /// The value on one line with no spaces, for formats of one JSON value per line (an
    /// asciicast's header and events).
    public static func line(_ value: JSONValue) -> String {
        switch value {
        case let .object(members):
            "{" + members.map { quoted($0.key) + ":" + line($0.value) }.joined(separator: ",") + "}"
        case let .array(values):
            "[" + values.map(line).joined(separator: ",") + "]"
        default:
            plainText(value)
        }
    }

    private func write(_ value: JSONValue, place: String, indent: String, into out: inout String) {
        switch value {
        case let .object(members):
            guard !members.isEmpty else { return out += "{}" }
            out += "{\n"
            let inner = indent + "  "
            for (number, member) in members.enumerated() {
                out += inner + JSONWriter.quoted(member.key) + ": "
                write(member.value, place: place.isEmpty ? member.key : place + "." + member.key, indent: inner,
                      into: &out)
                out += number == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        case let .array(values) where values.allSatisfy(\.isPlain):
            let items = values.map(JSONWriter.plainText)
            guard let row = rowLengths[place], row > 0, items.count > row else {
                return out += "[" + items.joined(separator: ", ") + "]"
            }
            let inner = indent + "  "
            out += "[\n"
            for start in stride(from: 0, to: items.count, by: row) {
                let end = min(start + row, items.count)
                out += inner + items[start..<end].joined(separator: ", ") + (end == items.count ? "\n" : ",\n")
            }
            out += indent + "]"
        case let .array(values):
            out += "[\n"
            let inner = indent + "  "
            for (number, element) in values.enumerated() {
                out += inner
                write(element, place: place, indent: inner, into: &out)
                out += number == values.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        default:
            out += JSONWriter.plainText(value)
        }
    }

    /// A value that is neither a list nor an object, as JSON text.
    private static func plainText(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case let .bool(flag): flag ? "true" : "false"
        case let .number(text): text
        case let .string(text): quoted(text)
        case .array, .object: ""
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case _ where scalar.value < 0x20:
                let digits = String(scalar.value, radix: 16)
                literal += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}

extension JSONValue {
    /// Whether the value is neither a list nor an object.
    fileprivate var isPlain: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
