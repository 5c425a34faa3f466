/// The largest images atrous reads, so a stray photograph or a corrupt header cannot exhaust
/// memory: an explorer grid or a convolution input is rarely more than a few hundred cells wide.
public enum ImageLimits {
    /// The largest width and height, in pixels.
    public static let maxSide = 4096
    /// The largest image file, in bytes (an ASCII PGM of 4096x4096 16-bit values fits).
    public static let maxFileBytes = 128 << 20

    /// - Throws: ``ImageError/fileTooLarge(path:bytes:limit:)`` above ``maxFileBytes``.
    static func checkFileSize(_ bytes: Int, path: String) throws(ImageError) {
        guard bytes <= maxFileBytes else {
            throw ImageError.fileTooLarge(path: path, bytes: bytes, limit: maxFileBytes)
        }
    }

    /// - Throws: ``ImageError/imageTooLarge(path:width:height:limit:)`` when a side exceeds ``maxSide``.
    static func checkDimensions(width: Int, height: Int, path: String) throws(ImageError) {
        guard width <= maxSide, height <= maxSide else {
            throw ImageError.imageTooLarge(path: path, width: width, height: height, limit: maxSide)
        }
    }
}
