/// A layer stack or receptive-field query that cannot be answered. Each message is one
/// sentence naming the layer or numbers.
public enum ReceptiveFieldError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The stack has no layers.
    case noLayers
    /// Layer `index` (from 0) of `count` cannot be applied to the output of the layer before.
    case layer(index: Int, count: Int, spec: LayerSpec, error: ConvolutionError)
    /// An input cell outside the input was asked for.
    case inputPositionOutOfRange(row: Int, column: Int, inputSize: Pair)
    /// A path count does not fit in 64 bits.
    case pathCountOverflow(axis: Axis?)
    /// A path count above 2^53 cannot be held exactly by a float64.
    case pathCountNotExact(maximum: UInt64)
    /// The receptive-field arithmetic (size, jump or padding) leaves the integer range.
    case arithmeticOverflow(axis: Axis)
    /// A dense map of this many cells would not fit in memory.
    case mapTooLarge(size: Pair, limit: Int)
    /// Two maps of different sizes cannot be added.
    case mapSizeMismatch(Pair, Pair)
    /// A map was given a number of counts that does not fill its size.
    case countMismatch(size: Pair, count: Int)

    public var description: String {
        switch self {
        case .noLayers:
            "The stack needs at least one layer."
        case let .layer(index, count, spec, error):
            "In layer \(index + 1) of \(count) (\(spec.notation)), \(lowercasingFirst(error.description))"
        case let .inputPositionOutOfRange(row, column, inputSize):
            "The input position (\(row), \(column)) lies outside the \(inputSize.height)x\(inputSize.width) input."
        case let .pathCountOverflow(axis):
            "The path counts\(axis.map { " along the \($0.rawValue)" } ?? "") exceed 2^64 and cannot be counted exactly."
        case let .pathCountNotExact(maximum):
            "The largest path count \(maximum) exceeds 2^53 and cannot be written exactly as float64."
        case let .arithmeticOverflow(axis):
            "The receptive field along the \(axis.rawValue) exceeds the integer range."
        case let .mapTooLarge(size, limit):
            "A \(size.height)x\(size.width) path-count map exceeds the limit of \(limit) cells."
        case let .mapSizeMismatch(a, b):
            "Path-count maps of sizes \(a.height)x\(a.width) and \(b.height)x\(b.width) cannot be added."
        case let .countMismatch(size, count):
            "A \(size.height)x\(size.width) path-count map needs \(max(size.height, 0) * max(size.width, 0)) counts, got \(count)."
        }
    }
}

/// The text with its first character in lower case, to embed one message in another.
func lowercasingFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
}
