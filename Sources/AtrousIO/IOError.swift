import AtrousCore

/// A file that cannot be read or written. Each message is one sentence naming the file.
public enum IOError: Error, Equatable, Sendable, CustomStringConvertible {
    // MARK: - Files
    case cannotRead(path: String, reason: String)
    /// Nothing is at `path` (ENOENT): a case of its own, since the system's wording of a
    /// reason follows the locale and must never be compared.
    case missingFile(path: String)
    case cannotWrite(path: String, reason: String)
    case outputExists(path: String)
    case missingDirectory(path: String, directory: String)
    case outputIsDirectory(path: String)
    case unsupportedInputExtension(path: String)
    case unsupportedOutputExtension(path: String)

    // MARK: - .npy
    case notNumpy(path: String)
    case unsupportedVersion(path: String, major: Int, minor: Int)
    case truncatedHeader(path: String)
    case malformedHeader(path: String, detail: String)
    case unsupportedDType(path: String, descr: String)
    case impossibleShape(path: String, shape: String)
    case truncatedData(path: String, shape: [Int], dtype: String, needed: Int, found: Int)
    /// `atLeast`: a stream held more; `extra` is as far as it was counted.
    case trailingData(path: String, extra: Int, atLeast: Bool = false)
    case arrayTooLarge(path: String, shape: [Int], dtype: String, bytes: Int, limit: Int)

    // MARK: - CSV and JSON
    case csvRaggedRow(path: String, line: Int, count: Int, expected: Int)
    case csvBadNumber(path: String, line: Int, field: String)
    case csvEmpty(path: String)
    case csvNotText(path: String, line: Int, bytes: [UInt8])
    case unsupportedRank(format: String, shape: [Int])
    /// `path` is nil until the value is known to be headed for a file.
    case nonFiniteJSON(path: String?, value: String, index: [Int])

    // MARK: - Images
    case image(ImageError)

    /// The sentence, every character from outside escaped (see ``MessageText``).
    public var description: String { MessageText.escaped(sentence) }

    private var sentence: String {
        switch self {
        case let .cannotRead(path, reason):
            "Cannot read \(quoted(path)): \(reason)."
        case let .missingFile(path):
            "Cannot read \(quoted(path)): no such file or directory."
        case let .cannotWrite(path, reason):
            "Cannot write \(quoted(path)): \(reason)."
        case let .outputExists(path):
            "The output \(quoted(path)) already exists; pass --force to overwrite it."
        case let .missingDirectory(path, directory):
            "Cannot write \(quoted(path)): the directory \(quoted(directory)) does not exist."
        case let .outputIsDirectory(path):
            "Cannot write \(quoted(path)): it is a directory."
        case let .unsupportedInputExtension(path):
            "Cannot tell the format of \(quoted(path)) from its name: read a .npy, .csv, .pgm or .png file, "
                + "or - for .npy on standard input."
        case let .unsupportedOutputExtension(path):
            "Cannot tell the format of \(quoted(path)) from its name: write a .npy, .csv or .json file, "
                + "or - for .npy on standard output."
        case let .notNumpy(path):
            "The file \(quoted(path)) is not a .npy file: it does not start with the NumPy magic bytes."
        case let .unsupportedVersion(path, major, minor):
            "The file \(quoted(path)) has .npy format version \(major).\(minor), "
                + "but only 1.0, 2.0 and 3.0 are supported."
        case let .truncatedHeader(path):
            "The file \(quoted(path)) ends inside its .npy header."
        case let .malformedHeader(path, detail):
            "The .npy header of \(quoted(path)) is malformed: \(detail)."
        case let .unsupportedDType(path, descr):
            "The file \(quoted(path)) holds dtype \(descr), but only floats, integers and booleans can be read."
        case let .impossibleShape(path, shape):
            "The file \(quoted(path)) declares the impossible shape \(shape)."
        case let .truncatedData(path, shape, dtype, needed, found):
            "The file \(quoted(path)) declares shape \(shapeText(shape)) of \(dtype), "
                + "which needs \(counted(needed, "byte")) of data, but holds only \(found)."
        case let .trailingData(path, extra, atLeast):
            "The file \(quoted(path)) has \(atLeast ? "more than " : "")\(counted(extra, "unexpected byte")) after its data."
        case let .arrayTooLarge(path, shape, dtype, bytes, limit):
            "The file \(quoted(path)) declares shape \(shapeText(shape)) of \(dtype), \(counted(bytes, "byte")) of data, "
                + "more than the \(ByteCount.text(limit)) atrous reads."
        case let .csvRaggedRow(path, line, count, expected):
            "Line \(line) of \(quoted(path)) has \(counted(count, "value")), but the rows before it have \(expected)."
        case let .csvBadNumber(path, line, field):
            "Line \(line) of \(quoted(path)) holds \(quoted(field)), which is not a number."
        case let .csvNotText(path, line, bytes):
            "Line \(line) of \(quoted(path)) holds \(MessageText.escaped(bytes: bytes)), which is not UTF-8 text."
        case let .csvEmpty(path):
            "The file \(quoted(path)) holds no numbers."
        case let .unsupportedRank(format, shape):
            "\(format) output holds arrays of rank 0 to 4, got shape \(shapeText(shape)); write .npy instead."
        case let .nonFiniteJSON(path, value, index):
            "\(path.map { "The output \(quoted($0))" } ?? "JSON output") cannot hold the value \(value) at index "
                + "\(shapeText(index)), as JSON has no non-finite numbers; write .npy or .csv instead."
        case let .image(error):
            error.description
        }
    }
}

/// A file name or a piece of a file as messages show it: escaped, and quoted when it holds a
/// space or is empty (see ``MessageText/fileName(_:)``).
func quoted(_ path: String) -> String {
    if path == StandardStream.inputName || path == StandardStream.outputName { return path }
    return MessageText.fileName(path)
}
