import AtrousCore

/// Arrays read from and written to files, the format chosen by the file's extension.
public enum ArrayFile {
    /// The array in a `.npy`, `.csv`, `.pgm` or `.png` file, or `.npy` bytes on standard input for `-`.
    ///
    /// `.npy` files of `float16`/`float32` read as ``AnyTensor/float(_:)``, everything else as
    /// ``AnyTensor/double(_:)``; a CSV table reads as an `(H,W)` ``AnyTensor/double(_:)``, a
    /// `.pgm` or `.png` image as an `(H,W,C)` one with values in [0, 1] (see ``ImageFile``).
    /// - Throws: ``IOError`` naming the file for an unknown extension, a file that cannot be
    ///   read, or contents that are not a valid array.
    public static func read(path: String) throws(IOError) -> AnyTensor {
        if path == StandardStream.path { return try NumpyReader.read(path: path) }
        switch fileExtension(of: path) {
        case "npy": return try NumpyReader.read(path: path)
        case "csv": return try .double(CSVTable.decode(InputFile.bytes(path: path), path: path))
        case "pgm", "png": return try .double(ImageFile.read(path: path))
        default: throw .unsupportedInputExtension(path: path)
        }
    }

    /// Writes a tensor of either float type to `path` in its own type (see the generic ``write(_:to:overwrite:)``).
    public static func write(_ tensor: AnyTensor, to path: String, overwrite: Bool) throws(IOError) {
        switch tensor {
        case let .float(tensor): try write(tensor, to: path, overwrite: overwrite)
        case let .double(tensor): try write(tensor, to: path, overwrite: overwrite)
        }
    }

    /// Writes `tensor` to `path` in the format its extension names, atomically (see ``OutputFile``).
    /// - Throws: ``IOError`` naming the file when the format cannot hold the tensor or the
    ///   file cannot be written.
    public static func write<Scalar: ConvolutionScalar>(_ tensor: Tensor<Scalar>, to path: String,
                                                        overwrite: Bool) throws(IOError) {
        let bytes: [UInt8]
        do {
            bytes = try ArrayFormat(path: path).encode(tensor)
        } catch let .nonFiniteJSON(nil, value, index) {
            throw .nonFiniteJSON(path: path, value: value, index: index)
        }
        try OutputFile.write(bytes, to: path, overwrite: overwrite)
    }
}
