/// A tensor whose float type is known only at run time, as read from a file.
///
/// Files of `float16` or `float32` read as ``float(_:)``; `float64`, integers and booleans read
/// as ``double(_:)``, so every integer up to 2^53 keeps its exact value. The explorer keeps its
/// maps this way too: a float32 input is computed in float32, as the frameworks compute it, and
/// held once at half the memory of doubles.
public enum AnyTensor: Sendable, Equatable {
    case float(Tensor<Float>)
    case double(Tensor<Double>)

    /// Wraps `tensor` in the case of its own float type.
    public init<S: ConvolutionScalar>(_ tensor: Tensor<S>) {
        if let floats = tensor as? Tensor<Float> {
            self = .float(floats)
        } else if let doubles = tensor as? Tensor<Double> {
            self = .double(doubles)
        } else {
            self = .double(tensor.converted(to: Double.self))
        }
    }

    public var shape: [Int] {
        switch self {
        case let .float(tensor): tensor.shape
        case let .double(tensor): tensor.shape
        }
    }

    /// The number of elements.
    public var count: Int {
        switch self {
        case let .float(tensor): tensor.count
        case let .double(tensor): tensor.count
        }
    }

    /// The NumPy name of the element type: `float32` or `float64`.
    public var dtypeName: String {
        switch self {
        case .float: Float.dtypeName
        case .double: Double.dtypeName
        }
    }

    /// The element at row-major offset `offset`, widened to a double: exact for both types.
    public subscript(flat offset: Int) -> Double {
        switch self {
        case let .float(tensor): Double(tensor.scalars[offset])
        case let .double(tensor): tensor.scalars[offset]
        }
    }

    /// The element at a multi-index, widened to a double.
    public subscript(_ index: Int...) -> Double {
        switch self {
        case let .float(tensor): Double(tensor.scalars[tensor.offset(index)])
        case let .double(tensor): tensor.scalars[tensor.offset(index)]
        }
    }

    /// The same elements under another shape with the same element count.
    public func reshaped(_ newShape: [Int]) -> AnyTensor {
        switch self {
        case let .float(tensor): .float(tensor.reshaped(newShape))
        case let .double(tensor): .double(tensor.reshaped(newShape))
        }
    }

    /// The elements in the float type `S`, converted when the types differ.
    public func converted<S: ConvolutionScalar>(to type: S.Type) -> Tensor<S> {
        switch self {
        case let .float(tensor):
            // Widening written with concrete types runs at memory speed; the generic path does
            // not, which an 8192x8192 input makes plain.
            (tensor as? Tensor<S>)
                ?? (Tensor(shape: tensor.shape, scalars: tensor.scalars.map { Double($0) }) as? Tensor<S>)
                ?? tensor.converted(to: type)
        case let .double(tensor): (tensor as? Tensor<S>) ?? tensor.converted(to: type)
        }
    }

    /// The elements as doubles: every float32 value widens exactly.
    public var doubles: Tensor<Double> { converted(to: Double.self) }
}
