/// A JSON document as a value: what ``JSONParser`` reads and ``JSONWriter`` writes.
///
/// Object members keep their order, so a written file reads in the order its format describes.
/// Numbers keep the text they were written with, so a 64-bit seed or an exact double survives
/// a round trip; the `number(_:)` builders make one from an integer or a double.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number as JSON writes it, e.g. `3`, `-0.5` or `1e-05`.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in file order; a key may appear once.
    case object([(key: String, value: JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case let .bool(value): hasher.combine(value)
        case let .number(text): hasher.combine(text)
        case let .string(text): hasher.combine(text)
        case let .array(values): hasher.combine(values)
        case let .object(members):
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        }
    }
}

// MARK: - Building values

extension JSONValue {
    /// An integer.
    public static func number(_ value: Int) -> JSONValue { .number(String(value)) }

    /// An unsigned 64-bit integer, such as a random seed, written exactly.
    public static func number(_ value: UInt64) -> JSONValue { .number(String(value)) }

    /// A finite double in its shortest form that reads back to the same value: whole numbers
    /// without a fraction (`3`, not `3.0`), others as Swift prints them (`0.1`, `1e-05`).
    /// - Precondition: `value` is finite, since JSON has no infinities or NaN.
    public static func number(_ value: Double) -> JSONValue {
        precondition(value.isFinite, "JSON cannot hold \(value)")
        if value == value.rounded(), abs(value) < 1e15, !(value == 0 && value.sign == .minus) {
            return .number(String(Int(value)))
        }
        return .number("\(value)")
    }

    /// An array of integers.
    public static func integers(_ values: [Int]) -> JSONValue { .array(values.map { .number($0) }) }
}

// MARK: - Reading values

extension JSONValue {
    /// The member called `key` of an object, or nil when absent or when this is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The value as a double, when it is a number within the range of doubles.
    public var double: Double? {
        guard case let .number(text) = self, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The value as an integer, when it is a whole number that fits (`3` or `3.0`, not `3.5`).
    public var integer: Int? {
        guard case let .number(text) = self else { return nil }
        if let value = Int(text) { return value }
        guard let value = Double(text), value == value.rounded(), abs(value) < 0x1p62 else { return nil }
        return Int(value)
    }

    /// The value as an unsigned 64-bit integer, when it is written as one.
    public var unsignedInteger: UInt64? {
        guard case let .number(text) = self else { return nil }
        return UInt64(text)
    }

    public var string: String? {
        if case let .string(text) = self { text } else { nil }
    }

    public var bool: Bool? {
        if case let .bool(value) = self { value } else { nil }
    }

    public var array: [JSONValue]? {
        if case let .array(values) = self { values } else { nil }
    }

    /// The member names of an object, in file order, or nil when this is not an object.
    public var keys: [String]? {
        if case let .object(members) = self { members.map(\.key) } else { nil }
    }

    /// What kind of value this is, as messages name it: `a number`, `an object`...
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
