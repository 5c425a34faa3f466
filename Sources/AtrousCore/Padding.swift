/// How much padding surrounds the input, named as the frameworks name it.
public enum Padding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// No padding; the output shrinks by `k_eff - 1`.
    case valid
    /// TensorFlow's SAME: `out = ceil(in / s)`, the odd cell after (bottom/right).
    case same
    /// `k_eff - 1` on every side, so every partial overlap is computed.
    case full
    /// 1-D causal padding as Keras Conv1D: `k_eff - 1` on the left only. The kernel height must be 1.
    case causal
    /// Explicit cells per side.
    case explicit(top: Int, bottom: Int, left: Int, right: Int)

    /// `valid`, `same`, `full`, `causal` or `T,B,L,R`.
    public var description: String {
        switch self {
        case .valid: "valid"
        case .same: "same"
        case .full: "full"
        case .causal: "causal"
        case let .explicit(t, b, l, r): "\(t),\(b),\(l),\(r)"
        }
    }

    /// Parses `valid`, `same`, `full`, `causal`, or four counts `T,B,L,R` (also one count for
    /// every side, or two for height and width). Returns nil for anything else.
    public init?(parsing text: String) {
        switch text.lowercased().trimmingSpaces() {
        case "valid": self = .valid
        case "same": self = .same
        case "full": self = .full
        case "causal": self = .causal
        default:
            let counts = text.split(separator: ",", omittingEmptySubsequences: false)
                .map { Int($0.trimmingSpaces()) }
            guard !counts.isEmpty, counts.allSatisfy({ $0 != nil }) else { return nil }
            let c = counts.map { $0! }
            switch c.count {
            case 1: self = .explicit(top: c[0], bottom: c[0], left: c[0], right: c[0])
            case 2: self = .explicit(top: c[0], bottom: c[0], left: c[1], right: c[1])
            case 4: self = .explicit(top: c[0], bottom: c[1], left: c[2], right: c[3])
            default: return nil
            }
        }
    }

    /// Every named mode, in the order the explorer cycles through them.
    public static let namedModes: [Padding] = [.valid, .same, .full, .causal]
}

/// What the padded cells hold.
public enum Fill: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Zeros, as every framework's default.
    case zeros
    /// The mirror image without repeating the edge (NumPy and PyTorch `reflect`).
    case reflect
    /// The nearest edge value (NumPy `edge`, PyTorch `replicate`).
    case replicate
    /// The input wrapped around (NumPy `wrap`, PyTorch `circular`).
    case circular

    public var description: String { rawValue }

    /// The input index whose value a (possibly padded) index holds, or nil when it holds zero.
    ///
    /// - Parameters:
    ///   - index: an index along one axis, negative or past the end inside the padding.
    ///   - size: the input's extent on that axis (at least 1).
    /// - Precondition: for `reflect`, the index lies less than `size` cells outside the input,
    ///   which geometry validation guarantees.
    @inlinable
    public func sourceIndex(_ index: Int, size: Int) -> Int? {
        if index >= 0 && index < size { return index }
        switch self {
        case .zeros:
            return nil
        case .replicate:
            return index < 0 ? 0 : size - 1
        case .circular:
            let wrapped = index % size
            return wrapped < 0 ? wrapped + size : wrapped
        case .reflect:
            return index < 0 ? -index : 2 * (size - 1) - index
        }
    }
}

/// A side of the input on which padding lies.
public enum PaddingSide: String, Sendable, Hashable, Codable, CaseIterable {
    case top, bottom, left, right
}
