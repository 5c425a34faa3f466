import AtrousCore

/// Image files read as arrays: `.pgm` and `.png`, chosen by extension.
public enum ImageFile {
    /// The image at `path` as an (H,W,C) tensor.
    ///
    /// - Parameters:
    ///   - path: a `.pgm` or `.png` file.
    ///   - scale: ``ImageScale/unitInterval`` (the default) gives values in [0, 1], what
    ///     `torchvision`'s `ToTensor` and most training pipelines feed a network;
    ///     ``ImageScale/raw`` keeps the stored integers.
    /// - Throws: ``IOError`` naming the file: too large (checked before reading),
    ///   unreadable, or not a valid image (``IOError/image(_:)``).
    public static func read(path: String, scale: ImageScale = .unitInterval) throws(IOError) -> Tensor<Double> {
        if let size = POSIXFile.regularFileSize(at: path), size > ImageLimits.maxFileBytes {
            throw .image(.fileTooLarge(path: path, bytes: size, limit: ImageLimits.maxFileBytes))
        }
        let bytes = try ReadableFile(path: path).readToEnd(limit: ImageLimits.maxFileBytes)
        do throws(ImageError) {
            return fileExtension(of: path) == "pgm"
                ? try PGMReader.decode(bytes, path: path, scale: scale)
                : try PNGReader.decode(bytes, path: path, scale: scale)
        } catch {
            throw .image(error)
        }
    }
}
