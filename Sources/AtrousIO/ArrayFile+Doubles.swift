import AtrousCore

extension ArrayFile {
    /// The array in `path` (see ``read(path:)``) as doubles, whatever float type the file
    /// holds: what the explorer computes with.
    /// - Throws: ``IOError`` naming the file, as ``read(path:)`` does.
    public static func readDoubles(path: String) throws(IOError) -> Tensor<Double> {
        try read(path: path).converted(to: Double.self)
    }
}
