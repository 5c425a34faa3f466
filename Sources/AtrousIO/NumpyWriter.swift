import AtrousCore

/// Encodes a tensor as a `.npy` file: little-endian `<f4` or `<f8` after the tensor's scalar
/// type, in C order.
public enum NumpyWriter {
    /// The complete file: header, then data.
    public static func encode<Scalar: ConvolutionScalar>(_ tensor: Tensor<Scalar>) -> [UInt8] {
        let size = MemoryLayout<Scalar>.size
        var bytes = NumpyHeader.encoded(descr: "<f\(size)", shape: tensor.shape)
        bytes.reserveCapacity(bytes.count + tensor.count * size)
        if NumpyDType.hostIsBigEndian {
            for value in tensor.scalars {
                withUnsafeBytes(of: value) { bytes.append(contentsOf: $0.reversed()) }
            }
        } else {
            tensor.scalars.withUnsafeBytes { bytes.append(contentsOf: $0) }
        }
        return bytes
    }
}
