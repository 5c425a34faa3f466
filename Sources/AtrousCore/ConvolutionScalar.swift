/// The element types a convolution runs in: the float type of the input file decides.
///
/// `Float` and `Double` are the two that TensorFlow, PyTorch and NumPy files carry for
/// activations and weights; everything else is converted on reading.
public protocol ConvolutionScalar: BinaryFloatingPoint, SIMDScalar, Sendable, Codable
where Self.RawSignificand: FixedWidthInteger {
    /// The NumPy name of the type, as written in a `.npy` header and shown to users.
    static var dtypeName: String { get }
}

extension Float: ConvolutionScalar {
    public static var dtypeName: String { "float32" }
}

extension Double: ConvolutionScalar {
    public static var dtypeName: String { "float64" }
}
