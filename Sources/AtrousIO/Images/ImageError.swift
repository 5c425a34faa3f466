import AtrousCore

/// An image that cannot be read or written. Each message is one sentence naming the file.
public enum ImageError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: - Limits
    case fileTooLarge(path: String, bytes: Int, limit: Int)
    case imageTooLarge(path: String, width: Int, height: Int, limit: Int)

    // MARK: - PGM
    case notPGM(path: String, magic: String)
    case truncatedPGMHeader(path: String, expecting: String)
    case malformedPGMHeader(path: String, detail: String)
    case pgmMaxvalOutOfRange(path: String, maxval: Int)
    case truncatedPGMData(path: String, needed: Int, found: Int)
    case missingPGMSamples(path: String, found: Int, expected: Int)
    case badPGMSample(path: String, token: String, row: Int, column: Int)
    case pgmSampleAboveMaxval(path: String, value: Int, maxval: Int, row: Int, column: Int)
    case trailingPGMData(path: String)

    // MARK: - PNG
    /// libpng refused the file; `message` is libpng's own words.
    case invalidPNG(path: String, message: String)
    /// Fewer bytes of compressed image data than any PNG of the declared size needs.
    case pngDataTooShort(path: String, width: Int, height: Int, bytes: Int)
    case pngEncodingFailed(message: String)
    case pngShape(shape: [Int])
    case pngValueOutOfRange(value: Double, index: [Int])

    /// The sentence, every character from outside escaped (see ``MessageText``).
    public var description: String { MessageText.escaped(sentence) }

    private var sentence: String {
        switch self {
        case let .fileTooLarge(path, bytes, limit):
            "The image \(quoted(path)) is \(bytes) bytes, more than the limit of \(limit) bytes."
        case let .imageTooLarge(path, width, height, limit):
            "The image \(quoted(path)) is \(width)x\(height) pixels, more than the limit of \(limit)x\(limit)."
        case let .notPGM(path, magic) where magic.isEmpty:
            "The file \(quoted(path)) is empty, so it holds no PGM image."
        case let .notPGM(path, magic):
            "The file \(quoted(path)) is not a grayscale PGM image: it starts with \(quoted(magic)) "
                + "instead of P2 (ASCII) or P5 (binary)."
        case let .truncatedPGMHeader(path, expecting):
            "The PGM file \(quoted(path)) ends inside its header, before the \(expecting)."
        case let .malformedPGMHeader(path, detail):
            "The PGM header of \(quoted(path)) is malformed: \(detail)."
        case let .pgmMaxvalOutOfRange(path, maxval):
            "The PGM file \(quoted(path)) declares the maximum value \(maxval), but it must lie between 1 and 65535."
        case let .truncatedPGMData(path, needed, found):
            "The PGM file \(quoted(path)) needs \(needed) bytes of pixel data after its header, "
                + "but holds only \(found)."
        case let .missingPGMSamples(path, found, expected):
            "The PGM file \(quoted(path)) holds \(found) of the \(expected) values its header declares."
        case let .badPGMSample(path, token, row, column):
            "The PGM file \(quoted(path)) holds \(quoted(token)) at row \(row), column \(column), "
                + "which is not a whole number from 0 up."
        case let .pgmSampleAboveMaxval(path, value, maxval, row, column):
            "The PGM file \(quoted(path)) holds \(value) at row \(row), column \(column), "
                + "above its maximum value \(maxval)."
        case let .trailingPGMData(path):
            "The PGM file \(quoted(path)) holds more data than the width x height values its header declares."
        case let .invalidPNG(path, message):
            "The file \(quoted(path)) is not a readable PNG image: libpng reports \(quoted(message))."
        case let .pngDataTooShort(path, width, height, bytes):
            "The PNG file \(quoted(path)) declares \(width)x\(height) pixels, more than its \(bytes) bytes of "
                + "compressed image data can hold."
        case let .pngEncodingFailed(message):
            "libpng could not encode the PNG image: \(message)."
        case let .pngShape(shape):
            "A PNG image is (H,W) or (H,W,C) with 1 to 4 channels, got shape \(shapeText(shape))."
        case let .pngValueOutOfRange(value, index):
            "A PNG image holds values from 0 to 1, got \(value) at index \(shapeText(index))."
        }
    }
}
