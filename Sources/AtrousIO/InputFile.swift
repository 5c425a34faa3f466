/// Whole files read as bytes, for formats parsed elsewhere (such as session files).
public enum InputFile {
    /// The largest file read whole, so that opening a huge file by mistake fails clearly
    /// instead of exhausting memory.
    public static let sizeLimit = 256 << 20

    /// Every byte of the file at `path`, or of standard input for `-`.
    /// - Throws: ``IOError/cannotRead(path:reason:)`` naming the file when it is missing,
    ///   unreadable, a directory or larger than ``sizeLimit``.
    public static func bytes(path: String) throws(IOError) -> [UInt8] {
        if let size = POSIXFile.regularFileSize(at: path), size > sizeLimit {
            throw .cannotRead(path: path, reason: "it is larger than \(sizeLimit >> 20) MiB")
        }
        return try POSIXFile.readAll(path: path)
    }
}
