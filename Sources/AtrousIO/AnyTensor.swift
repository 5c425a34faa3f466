import AtrousCore

/// A tensor whose float type is known only at run time, as read from a file.
///
/// Files of `float16` or `float32` read as ``float(_:)``; `float64`, integers and booleans read
/// as ``double(_:)``, so every integer up to 2^53 keeps its exact value.
public enum AnyTensor: Sendable, Equatable {
    case float(Tensor<Float>)
    case double(Tensor<Double>)

    public var shape: [Int] {
        switch self {
        case let .float(tensor): tensor.shape
        case let .double(tensor): tensor.shape
        }
    }

    /// The NumPy name of the element type: `float32` or `float64`.
    public var dtypeName: String {
        switch self {
        case .float: Float.dtypeName
        case .double: Double.dtypeName
        }
    }

    /// The elements in the float type `S`, converted when the types differ.
    public func converted<S: ConvolutionScalar>(to type: S.Type) -> Tensor<S> {
        switch self {
        case let .float(tensor):
            // Widening written with concrete types runs at memory speed; the generic path does
            // not, which an 8192x8192 input (what the explorer holds as doubles) makes plain.
            (tensor as? Tensor<S>)
                ?? (Tensor(shape: tensor.shape, scalars: tensor.scalars.map { Double($0) }) as? Tensor<S>)
                ?? tensor.converted(to: type)
        case let .double(tensor): (tensor as? Tensor<S>) ?? tensor.converted(to: type)
        }
    }
}
