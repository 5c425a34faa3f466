/// A Python literal as a `.npy` header writes it: a dict of strings, booleans, integers, and
/// tuples or lists of them.
enum PythonLiteral: Equatable {
    case string(String)
    case integer(Int)
    /// An integer beyond `Int`'s range, kept as its digits so the message can show it.
    case hugeInteger(String)
    case boolean(Bool)
    case none
    case tuple([PythonLiteral])
    case list([PythonLiteral])
    /// Keys in the order written; a later duplicate wins, as in Python.
    case dict([(key: PythonLiteral, value: PythonLiteral)])

    static func == (a: PythonLiteral, b: PythonLiteral) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): x == y
        case let (.integer(x), .integer(y)): x == y
        case let (.hugeInteger(x), .hugeInteger(y)): x == y
        case let (.boolean(x), .boolean(y)): x == y
        case (.none, .none): true
        case let (.tuple(x), .tuple(y)), let (.list(x), .list(y)): x == y
        case let (.dict(x), .dict(y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// Python's own spelling: `'<f4'`, `(3, 4)`, `(5,)`, `True`.
    var text: String {
        switch self {
        case let .string(s): "'\(s)'"
        case let .integer(n): "\(n)"
        case let .hugeInteger(digits): digits
        case let .boolean(b): b ? "True" : "False"
        case .none: "None"
        case let .tuple(items):
            items.count == 1 ? "(\(items[0].text),)" : "(" + items.map(\.text).joined(separator: ", ") + ")"
        case let .list(items): "[" + items.map(\.text).joined(separator: ", ") + "]"
        case let .dict(pairs): "{" + pairs.map { "\($0.key.text): \($0.value.text)" }.joined(separator: ", ") + "}"
        }
    }

    /// The value of `key` in a dict, or nil.
    subscript(key: String) -> PythonLiteral? {
        guard case let .dict(pairs) = self else { return nil }
        return pairs.last { $0.key == .string(key) }?.value
    }

    /// Parses one literal filling the whole text apart from surrounding white space.
    /// - Throws: ``PythonLiteralError`` describing the first unexpected character.
    init(parsing text: String) throws(PythonLiteralError) {
        var parser = Parser(Array(text.unicodeScalars))
        self = try parser.value()
        parser.skipSpace()
        guard parser.atEnd else { throw parser.unexpected("after the value") }
    }
}

/// Why a header is not a Python literal; the text reads after "is malformed: ".
struct PythonLiteralError: Error, Equatable {
    let detail: String
}

// MARK: - Parser

/// A recursive-descent reader over the header's characters.
private struct Parser {
    let characters: [Unicode.Scalar]
    var position = 0
    /// Nesting depth, bounded so a hostile header cannot exhaust the stack.
    var depth = 0

    init(_ characters: [Unicode.Scalar]) { self.characters = characters }

    var atEnd: Bool { position >= characters.count }
    var current: Unicode.Scalar? { atEnd ? nil : characters[position] }

    mutating func skipSpace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { position += 1 }
    }

    func unexpected(_ context: String) -> PythonLiteralError {
        guard let c = current else { return PythonLiteralError(detail: "it ends early \(context)") }
        let invisible = c.properties.isWhitespace || c.value < 0x20
        let shown = invisible ? "U+\(String(c.value, radix: 16, uppercase: true))" : "'\(c)'"
        return PythonLiteralError(detail: "unexpected \(shown) at character \(position + 1) \(context)")
    }

    mutating func value() throws(PythonLiteralError) -> PythonLiteral {
        skipSpace()
        guard let c = current else { throw unexpected("where a value belongs") }
        switch c {
        case "{": return try container(close: "}", isDict: true)
        case "(": return try container(close: ")", isDict: false)
        case "[": return try container(close: "]", isDict: false)
        case "'", "\"": return try string(quote: c)
        case "-", "+", "0"..."9": return try integer()
        default: return try word()
        }
    }

    /// A dict, tuple or list; trailing commas are allowed and `(x)` without a comma is `x`.
    mutating func container(close: Unicode.Scalar, isDict: Bool) throws(PythonLiteralError) -> PythonLiteral {
        let open = characters[position]
        depth += 1
        guard depth <= 32 else { throw PythonLiteralError(detail: "it nests deeper than 32 levels") }
        defer { depth -= 1 }
        position += 1
        var items: [PythonLiteral] = []
        var pairs: [(key: PythonLiteral, value: PythonLiteral)] = []
        var sawComma = false
        while true {
            skipSpace()
            if current == close { position += 1; break }
            let item = try value()
            if isDict {
                skipSpace()
                guard current == ":" else { throw unexpected("where ':' belongs in the dict") }
                position += 1
                pairs.append((item, try value()))
            } else {
                items.append(item)
            }
            skipSpace()
            if current == "," {
                position += 1
                sawComma = true
            } else if current != close {
                throw unexpected("where ',' or '\(close)' belongs after '\(open)'")
            }
        }
        if isDict { return .dict(pairs) }
        if open == "[" { return .list(items) }
        return items.count == 1 && !sawComma ? items[0] : .tuple(items)
    }

    mutating func string(quote: Unicode.Scalar) throws(PythonLiteralError) -> PythonLiteral {
        position += 1
        var scalars = String.UnicodeScalarView()
        while let c = current, c != quote {
            if c == "\\" {
                position += 1
                guard let escaped = current else { break }
                scalars.append(escaped)
            } else {
                scalars.append(c)
            }
            position += 1
        }
        guard current == quote else { throw unexpected("inside a string") }
        position += 1
        return .string(String(scalars))
    }

    /// Decimal digits with an optional sign, and the `L` suffix Python 2 wrote for longs.
    mutating func integer() throws(PythonLiteralError) -> PythonLiteral {
        let start = position
        if current == "-" || current == "+" { position += 1 }
        let digitsStart = position
        while let c = current, ("0"..."9").contains(c) { position += 1 }
        guard position > digitsStart else { throw unexpected("where a digit belongs") }
        let digits = String(String.UnicodeScalarView(characters[start..<position]))
        if current == "L" || current == "l" { position += 1 }
        return Int(digits).map(PythonLiteral.integer) ?? .hugeInteger(digits)
    }

    mutating func word() throws(PythonLiteralError) -> PythonLiteral {
        let start = position
        while let c = current, c.properties.isAlphabetic || c == "_" { position += 1 }
        switch String(String.UnicodeScalarView(characters[start..<position])) {
        case "True": return .boolean(true)
        case "False": return .boolean(false)
        case "None": return .none
        default:
            position = start
            throw unexpected("where a value belongs")
        }
    }
}
