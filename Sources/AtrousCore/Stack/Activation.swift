/// What a layer of a stack applies to its output after the bias.
public enum Activation: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The output as the convolution gives it.
    case none
    /// `max(0, x)`; NaN stays NaN, as in every framework.
    case relu

    public var description: String { rawValue }

    /// Applies the activation to every value in place.
    @inlinable
    public func apply<Scalar: ConvolutionScalar>(to values: inout [Scalar]) {
        guard self == .relu else { return }
        values.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices where buffer[index] < 0 { buffer[index] = 0 }
        }
    }
}
