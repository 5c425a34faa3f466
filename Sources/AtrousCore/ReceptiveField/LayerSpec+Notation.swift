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
        let values = try LayerNotation.fields(of: text, keys: ["k", "r", "s", "p"])
        guard let kernel = values["k"] else { throw LayerNotationError.missingKernel(text: text) }
        self.init(kernelSize: try LayerNotation.size(kernel, key: "k", in: text),
                  rate: try LayerNotation.size(values["r"], key: "r", in: text),
                  stride: try LayerNotation.size(values["s"], key: "s", in: text),
                  padding: try LayerNotation.padding(values["p"], in: text))
    }
}

/// The reading shared by every layer notation: `key=value` pairs split at commas, a bare value
/// continuing the one before (the `1,1,2,2` of `p=1,1,2,2`), and the values common to the
/// notations (sizes, padding).
enum LayerNotation {
    /// The values of `text` by key, every key one of `keys`.
    /// - Throws: ``LayerNotationError`` for a pair that is not `key=value`, an unknown key, or a
    ///   key given twice.
    static func fields(of text: String, keys: [String]) throws -> [String: String] {
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
            guard keys.contains(key) else { throw LayerNotationError.unknownKey(text: text, key: key, known: keys) }
            guard values[key] == nil else { throw LayerNotationError.repeatedKey(text: text, key: key) }
            values[key] = value
            lastKey = key
        }
        return values
    }

    /// A size `3` or `3x5` inside the notation's limits; 1 when the key was left out.
    static func size(_ value: String?, key: String, in text: String) throws -> Pair {
        guard let value else { return Pair(square: 1) }
        guard let pair = Pair(parsing: value) else { throw LayerNotationError.badSize(text: text, key: key, value: value) }
        guard (1...LayerSpec.notationLimit).contains(pair.height), (1...LayerSpec.notationLimit).contains(pair.width) else {
            throw LayerNotationError.sizeOutOfRange(text: text, key: key, value: value)
        }
        return pair
    }

    /// A padding mode or `T,B,L,R`; `same` when the key was left out.
    static func padding(_ value: String?, in text: String) throws -> Padding {
        guard let value else { return .same }
        guard let padding = Padding(parsing: value) else { throw LayerNotationError.badPadding(text: text, value: value) }
        return padding
    }
}

/// A layer written in the notation that cannot be read. Each message is one sentence.
public enum LayerNotationError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed(text: String)
    case unknownKey(text: String, key: String, known: [String])
    case repeatedKey(text: String, key: String)
    case missingKernel(text: String)
    case badSize(text: String, key: String, value: String)
    case sizeOutOfRange(text: String, key: String, value: String)
    case badPadding(text: String, value: String)
    case missingWeights(text: String)
    case badFill(text: String, value: String)
    case badActivation(text: String, value: String)

    public var description: String {
        switch self {
        case let .malformed(text):
            "The layer '\(text)' must be key=value pairs such as k=3,r=2,s=1,p=same."
        case let .unknownKey(text, key, known):
            "The layer '\(text)' has an unknown key '\(key)'; use \(known.dropLast().joined(separator: ", ")) and \(known.last ?? "")."
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
        case let .missingWeights(text):
            "The layer '\(text)' needs its weights such as w=W1.npy."
        case let .badFill(text, value):
            "The layer '\(text)' has fill '\(value)'; use \(Fill.allCases.dropLast().map(\.rawValue).joined(separator: ", ")) or \(Fill.circular)."
        case let .badActivation(text, value):
            "The layer '\(text)' has activation '\(value)'; use \(Activation.allCases.map(\.rawValue).joined(separator: " or "))."
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
