import AtrousIO

/// One place in a session's JSON, read with errors that name the file and the place.
struct SessionField {
    let value: JSONValue
    /// The dotted place, e.g. `input.shape`; empty for the document itself.
    let name: String
    /// The session file.
    let path: String

    /// The place of member `key`.
    private func place(_ key: String) -> String { name.isEmpty ? key : name + "." + key }

    /// Member `key`, or nil when absent.
    func member(_ key: String) -> SessionField? {
        value[key].map { SessionField(value: $0, name: place(key), path: path) }
    }

    /// Member `key`.
    /// - Throws: ``SessionError/missingField(path:field:)`` when it is absent.
    func required(_ key: String) throws(SessionError) -> SessionField {
        guard let field = member(key) else { throw .missingField(path: path, field: place(key)) }
        return field
    }

    /// Checks that this is an object whose members all have one of the `known` names.
    /// - Throws: ``SessionError/wrongType(path:field:expected:found:)`` for another kind of value
    ///   and ``SessionError/unknownField(path:field:)`` for a member of another name.
    func checkMembers(_ known: [String]) throws(SessionError) {
        guard let keys = value.keys else { throw wrongType("an object") }
        if let unknown = keys.first(where: { !known.contains($0) }) {
            throw .unknownField(path: path, field: place(unknown))
        }
    }

    var string: String {
        get throws(SessionError) {
            guard let text = value.string else { throw wrongType("a string") }
            return text
        }
    }

    var bool: Bool {
        get throws(SessionError) {
            guard let flag = value.bool else { throw wrongType("true or false") }
            return flag
        }
    }

    var integer: Int {
        get throws(SessionError) {
            guard let number = value.integer else { throw wrongType("a whole number") }
            return number
        }
    }

    var unsignedInteger: UInt64 {
        get throws(SessionError) {
            guard let number = value.unsignedInteger else { throw wrongType("a whole number from 0 to 2^64 - 1") }
            return number
        }
    }

    /// The elements of a list.
    var list: [SessionField] {
        get throws(SessionError) {
            guard let values = value.array else { throw wrongType("a list") }
            return values.enumerated().map { SessionField(value: $1, name: "\(name)[\($0)]", path: path) }
        }
    }

    /// A list of finite numbers.
    var doubles: [Double] {
        get throws(SessionError) {
            guard let values = value.array else { throw wrongType("a list of numbers") }
            var numbers: [Double] = []
            numbers.reserveCapacity(values.count)
            for (index, element) in values.enumerated() {
                guard let number = element.double else {
                    throw SessionError.wrongType(path: path, field: "\(name)[\(index)]", expected: "a finite number",
                                                 found: element.found)
                }
                numbers.append(number)
            }
            return numbers
        }
    }

    /// A list of `count` whole numbers (any count when nil).
    func integers(count: Int? = nil) throws(SessionError) -> [Int] {
        let expected = count.map { "a list of \($0) whole numbers" } ?? "a list of whole numbers"
        guard let values = value.array else { throw wrongType(expected) }
        if let count, values.count != count {
            throw .wrongType(path: path, field: name, expected: expected,
                             found: "a list of \(plural(values.count, "value"))")
        }
        var numbers: [Int] = []
        for (index, element) in values.enumerated() {
            guard let number = element.integer else {
                throw .wrongType(path: path, field: "\(name)[\(index)]", expected: "a whole number",
                                 found: element.found)
            }
            numbers.append(number)
        }
        return numbers
    }

    /// `[row, column]`.
    var cell: GridPosition {
        get throws(SessionError) {
            let pair = try integers(count: 2)
            return GridPosition(row: pair[0], column: pair[1])
        }
    }

    /// The error for a value of the right kind that means nothing here.
    func invalid(_ reason: String) -> SessionError {
        .invalidValue(path: path, field: name, reason: reason)
    }

    private func wrongType(_ expected: String) -> SessionError {
        .wrongType(path: path, field: name, expected: expected, found: value.found)
    }
}

extension JSONValue {
    /// The value as a message names what was found: `"zeros"`, `3`, `a list`.
    var found: String {
        switch self {
        case let .string(text): "\"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case let .number(text): text.count > 40 ? String(text.prefix(40)) + "…" : text
        case let .bool(flag): flag ? "true" : "false"
        default: kindName
        }
    }
}
