/// The compact text form of a layer used by `--layer` and the explorer's command line:
/// `k=3,r=2,s=1,p=same`, each size `3` or `3x5` (height x width).
extension LayerSpec {
    /// The largest kernel size, rate or stride accepted in the notation, so that the geometry's
    /// arithmetic stays far from the integer limits.
    public static let notationLimit = 1_000_000

    /// `k=3,r=2,s=1,p=same`, with `3x5` where the axes differ.
    public var notation: String { "k=\(kernelSize),r=\(rate),s=\(stride),p=\(padding)" }

    /// Parses `k=K,r=R,s=S,p=P`. `k` is required; `r` and `s` default to 1 and `p` to `same`.
    /// Sizes read `3` or `3x5`; `p` reads `same`, `valid`, `causal`, `full` or explicit pads
    /// `T,B,L,R` (commas after `p=` belong to the padding).
    /// - Throws: ``LayerNotationError`` naming the text and the part that is wrong.
    public init(notation text: String) throws {
        var values: [String: String] = [:]
        var lastKey: String?
        for token in text.split(separator: ",", omittingEmptySubsequences: false) {
            let part = String(token).trimmingSpaces()
            guard let equals = part.firstIndex(of: "=") else {
                // A bare value continues the previous one: the `1,1,2,2` of `p=1,1,2,2`.
                guard let key = lastKey, !part.isEmpty, let previous = values[key] else {
                    throw LayerNotationError.malformed(text: text)
                }
                values[key] = previous + "," + part
                continue
            }
            let key = part[..<equals].lowercased().trimmingSpaces()
            let value = String(part[part.index(after: equals)...]).trimmingSpaces()
            guard ["k", "r", "s", "p"].contains(key) else { throw LayerNotationError.unknownKey(text: text, key: key) }
            guard values[key] == nil else { throw LayerNotationError.repeatedKey(text: text, key: key) }
            values[key] = value
            lastKey = key
        }
        guard let kernel = values["k"] else { throw LayerNotationError.missingKernel(text: text) }
        let padding: Padding
        if let p = values["p"] {
            guard let parsed = Padding(parsing: p) else { throw LayerNotationError.badPadding(text: text, value: p) }
            padding = parsed
        } else {
            padding = .same
        }
        self.init(kernelSize: try Self.size(kernel, key: "k", in: text),
                  rate: try values["r"].map { try Self.size($0, key: "r", in: text) } ?? Pair(square: 1),
                  stride: try values["s"].map { try Self.size($0, key: "s", in: text) } ?? Pair(square: 1),
                  padding: padding)
    }

    private static func size(_ value: String, key: String, in text: String) throws -> Pair {
        guard let pair = Pair(parsing: value) else { throw LayerNotationError.badSize(text: text, key: key, value: value) }
        guard (1...notationLimit).contains(pair.height), (1...notationLimit).contains(pair.width) else {
            throw LayerNotationError.sizeOutOfRange(text: text, key: key, value: value)
        }
        return pair
    }
}

/// A layer written in the notation that cannot be read. Each message is one sentence.
public enum LayerNotationError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(text: String)
    case unknownKey(text: String, key: String)
    case repeatedKey(text: String, key: String)
    case missingKernel(text: String)
    case badSize(text: String, key: String, value: String)
    case sizeOutOfRange(text: String, key: String, value: String)
    case badPadding(text: String, value: String)

    public var description: String {
        switch self {
        case let .malformed(text):
            "The layer '\(text)' must be key=value pairs such as k=3,r=2,s=1,p=same."
        case let .unknownKey(text, key):
            "The layer '\(text)' has an unknown key '\(key)'; use k, r, s and p."
        case let .repeatedKey(text, key):
            "The layer '\(text)' gives '\(key)' more than once."
        case let .missingKernel(text):
            "The layer '\(text)' needs a kernel size such as k=3 or k=3x5."
        case let .badSize(text, key, value):
            "The layer '\(text)' has \(Self.name(key)) '\(value)' where 3 or 3x5 was expected."
        case let .sizeOutOfRange(text, key, value):
            "The layer '\(text)' has \(Self.name(key)) '\(value)' outside 1...\(LayerSpec.notationLimit)."
        case let .badPadding(text, value):
            "The layer '\(text)' has padding '\(value)'; use same, valid, causal, full or T,B,L,R."
        }
    }

    private static func name(_ key: String) -> String {
        switch key {
        case "k": "kernel size"
        case "r": "rate"
        default: "stride"
        }
    }
}
