/// Whole text files read as bytes: CSV tables, and formats parsed elsewhere (such as session files).
public enum InputFile {
    /// The largest file read whole, so that opening a huge file by mistake fails clearly
    /// instead of exhausting memory.
    public static let sizeLimit = 256 << 20

    /// Every byte of the file at `path`, or of standard input for `-`.
    /// - Throws: ``IOError/cannotRead(path:reason:)`` naming the file when it is missing,
    ///   unreadable, not a regular file (or standard input), or larger than ``sizeLimit``.
    public static func bytes(path: String) throws(IOError) -> [UInt8] {
        try ReadableFile(path: path).readToEnd(limit: sizeLimit)
    }
}
