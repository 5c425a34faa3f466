import AtrousCore

/// Arrays read from and written to files, the format chosen by the file's extension.
public enum ArrayFile {
    /// The array in a `.npy` or `.csv` file, or `.npy` bytes on standard input for `-`.
    ///
    /// `.npy` files of `float16`/`float32` read as ``AnyTensor/float(_:)``, everything else as
    /// ``AnyTensor/double(_:)``; a CSV table reads as an `(H,W)` ``AnyTensor/double(_:)``.
    /// - Throws: ``IOError`` naming the file for an unknown extension, a file that cannot be
    ///   read, or contents that are not a valid array.
    public static func read(path: String) throws(IOError) -> AnyTensor {
        if path == StandardStream.path {
            return try NumpyReader.decode(POSIXFile.readAll(path: path), path: StandardStream.inputName)
        }
        switch fileExtension(of: path) {
        case "npy": return try NumpyReader.decode(POSIXFile.readAll(path: path), path: path)
        case "csv": return try .double(CSVTable.decode(POSIXFile.readAll(path: path), path: path))
        default: throw .unsupportedInputExtension(path: path)
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
