/// A model that cannot be analysed, or a question about it that has no answer. Each message is
/// one sentence naming the node.
public enum ModelGraphError: Error, Equatable, Sendable, CustomStringConvertible {
    case noNodes
    case badInput(node: String)
    case parameterOutOfRange(node: String, parameter: String, value: String, range: ClosedRange<Int>)
    case unsupportedOperation(node: String, operatorName: String, reason: String?)
    case transposedConvolution(node: String)
    case unknownNode(String)
    case noSpatialNode(String)
    case mismatchedMerge(node: String, sizes: [Pair])
    case emptyOutput(node: String, axis: Axis)
    case windowTooLarge(node: String, axis: Axis, error: ConvolutionError)
    case positionOutOfRange(node: String, position: Pair, size: Pair)
    case missingInputSize(oneDimensional: Bool)
    case unsupportedResize(node: String, operatorName: String, axis: Axis, inputSize: Int, outputSize: Int, nearest: Bool)
    case inputSizeConflict(declared: Pair, given: Pair)

    public var description: String {
        switch self {
        case .noNodes:
            "The model has no operations."
        case let .badInput(node):
            "Node '\(node)' reads an input that no earlier node produces."
        case let .parameterOutOfRange(node, parameter, value, range):
            "Node '\(node)' has \(parameter) \(value) outside \(range.lowerBound)...\(range.upperBound)."
        case let .unsupportedOperation(node, operatorName, reason):
            "Node '\(node)' is a \(operatorName), which atrous cannot analyse" + (reason.map { ": \($0)." } ?? ".")
        case let .transposedConvolution(node):
            "Node '\(node)' is a transposed convolution, which atrous does not analyse yet."
        case let .unknownNode(name):
            "The model has no node named '\(name)'."
        case let .noSpatialNode(name):
            "Node '\(name)' has no spatial map (it follows a global operation); choose a node before it."
        case let .mismatchedMerge(node, sizes):
            "Node '\(node)' merges maps of different sizes \(sizes.map { "\($0.height)x\($0.width)" }.joined(separator: ", "))."
        case let .emptyOutput(node, axis):
            "Node '\(node)' would have an empty output along the \(axis.rawValue) at this input size."
        case let .windowTooLarge(node, _, error):
            "In node '\(node)', \(lowercasingFirst(error.description))"
        case let .positionOutOfRange(node, position, size):
            "The cell (\(position.height), \(position.width)) lies outside node '\(node)''s \(size.height)x\(size.width) output."
        case let .unsupportedResize(node, operatorName, axis, inputSize, outputSize, nearest):
            "Node '\(node)' (\(operatorName)) resizes \(inputSize) to \(outputSize) cells along the \(axis.rawValue)"
                + (nearest ? " by a factor that is not whole" : " with linear interpolation, whose weights are not paths")
                + "; atrous follows nearest resizing by whole factors and resizing from 1x1."
        case let .missingInputSize(oneDimensional):
            "The model does not fix its input size; give one with --input-size, for example --input-size "
                + (oneDimensional ? "1x1024." : "64x64.")
        case let .inputSizeConflict(declared, given):
            "The model fixes its input at \(declared.height)x\(declared.width), not \(given.height)x\(given.width)."
        }
    }
}
