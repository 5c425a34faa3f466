import AtrousCore

/// The format an array is written in, chosen by the output file's extension.
public enum ArrayFormat: String, Sendable, Hashable, CaseIterable {
    case npy, csv, json

    /// The format named by `path`'s extension, in any letter case; `-` (standard output) is `.npy`.
    /// - Throws: ``IOError/unsupportedOutputExtension(path:)`` for any other name.
    public init(path: String) throws(IOError) {
        if path == StandardStream.path {
            self = .npy
            return
        }
        guard let format = fileExtension(of: path).flatMap(ArrayFormat.init(rawValue:)) else {
            throw .unsupportedOutputExtension(path: path)
        }
        self = format
    }

    /// The bytes of `tensor` in this format.
    /// - Throws: ``IOError`` when CSV or JSON cannot hold the tensor: above rank 4, or JSON
    ///   meeting a non-finite value.
    public func encode<Scalar: ConvolutionScalar>(_ tensor: Tensor<Scalar>) throws(IOError) -> [UInt8] {
        switch self {
        case .npy: NumpyWriter.encode(tensor)
        case .csv: try CSVMaps.encode(tensor)
        case .json: try JSONMaps.encode(tensor)
        }
    }

    /// The bytes of a tensor of either float type in this format.
    public func encode(_ tensor: AnyTensor) throws(IOError) -> [UInt8] {
        switch tensor {
        case let .float(tensor): try encode(tensor)
        case let .double(tensor): try encode(tensor)
        }
    }
}

/// The lower-cased text after the last dot of the file name, or nil when there is none.
func fileExtension(of path: String) -> String? {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    return name[name.index(after: dot)...].lowercased()
}
