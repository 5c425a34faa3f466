/// The header of a `.npy` file: magic, version, and the dict giving dtype, order and shape.
///
/// Format versions 1.0 and 2.0 hold a Latin-1 header with a 2- or 4-byte length; 3.0 holds a
/// UTF-8 header with a 4-byte length. See NumPy's `numpy.lib.format` for the layout.
struct NumpyHeader: Sendable, Hashable {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59] // "\x93NUMPY"

    let dtype: NumpyDType
    /// Whether the data is stored in column-major (Fortran) order.
    let isFortranOrder: Bool
    let shape: [Int]
    /// The byte offset where the data begins.
    let dataOffset: Int

    // MARK: - Reading

    /// The bytes before the header text in any version: magic, version and a 4-byte length.
    static let prefixLength = 12

    /// The length of the magic, version and length fields for the version in `prefix`.
    static func prefixLength(prefix: [UInt8]) -> Int { prefix.count > 6 && prefix[6] == 1 ? 10 : 12 }

    /// The header text's length as the first bytes of a file declare it, or nil when they do
    /// not start a known version of the format (`init(bytes:path:)` then says what is wrong).
    static func declaredLength(prefix: [UInt8]) -> Int? {
        guard prefix.count >= 10, prefix.starts(with: magic), prefix[7] == 0, (1...3).contains(prefix[6]) else {
            return nil
        }
        let end = prefixLength(prefix: prefix)
        guard prefix.count >= end else { return nil }
        return prefix[8..<end].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// Reads the header at the start of `bytes`.
    /// - Parameter path: the file name, for messages only.
    /// - Throws: ``IOError`` for a wrong magic, an unknown version, a header cut short,
    ///   a header that is not the expected dict, an unsupported dtype or a negative or huge extent.
    init(bytes: [UInt8], path: String) throws(IOError) {
        guard !bytes.isEmpty, zip(bytes, Self.magic).allSatisfy({ $0 == $1 }) else { throw .notNumpy(path: path) }
        guard bytes.count >= 10 else { throw .truncatedHeader(path: path) }
        let (major, minor) = (Int(bytes[6]), Int(bytes[7]))
        guard minor == 0, (1...3).contains(major) else {
            throw .unsupportedVersion(path: path, major: major, minor: minor)
        }
        let lengthBytes = major == 1 ? 2 : 4
        guard bytes.count >= 8 + lengthBytes else { throw .truncatedHeader(path: path) }
        let length = bytes[8..<(8 + lengthBytes)].reversed().reduce(0) { $0 << 8 | Int($1) }
        let start = 8 + lengthBytes
        guard bytes.count - start >= length else { throw .truncatedHeader(path: path) }
        let headerBytes = bytes[start..<(start + length)]
        let text: String
        if major == 3 {
            // Decoding repairs invalid sequences; a repaired string no longer matches the bytes.
            text = String(decoding: headerBytes, as: UTF8.self)
            guard text.utf8.elementsEqual(headerBytes) else {
                throw .malformedHeader(path: path, detail: "it is not valid UTF-8")
            }
        } else {
            text = String(String.UnicodeScalarView(headerBytes.map { Unicode.Scalar($0) }))
        }
        let dict: PythonLiteral
        do {
            dict = try PythonLiteral(parsing: text)
        } catch {
            throw .malformedHeader(path: path, detail: error.detail)
        }
        guard case .dict = dict else {
            throw .malformedHeader(path: path, detail: "it is \(Self.abbreviated(dict.text)), not a dict")
        }
        self.dtype = try Self.dtype(dict["descr"], path: path)
        self.isFortranOrder = try Self.fortranOrder(dict["fortran_order"], path: path)
        self.shape = try Self.shape(dict["shape"], path: path)
        self.dataOffset = start + length
    }

    private static func dtype(_ value: PythonLiteral?, path: String) throws(IOError) -> NumpyDType {
        guard let value else { throw .malformedHeader(path: path, detail: "it has no 'descr' key") }
        // A list here is a structured dtype, which is as unsupported as a string or complex one.
        guard case let .string(descr) = value, let dtype = NumpyDType(descr: descr) else {
            throw .unsupportedDType(path: path, descr: abbreviated(value.text))
        }
        return dtype
    }

    private static func fortranOrder(_ value: PythonLiteral?, path: String) throws(IOError) -> Bool {
        guard let value else { throw .malformedHeader(path: path, detail: "it has no 'fortran_order' key") }
        guard case let .boolean(flag) = value else {
            throw .malformedHeader(path: path,
                                   detail: "'fortran_order' is \(abbreviated(value.text)), not True or False")
        }
        return flag
    }

    private static func shape(_ value: PythonLiteral?, path: String) throws(IOError) -> [Int] {
        guard let value else { throw .malformedHeader(path: path, detail: "it has no 'shape' key") }
        let notIntegers = IOError.malformedHeader(
            path: path, detail: "'shape' is \(abbreviated(value.text)), not a tuple of integers")
        let items: [PythonLiteral]
        switch value {
        case let .tuple(elements), let .list(elements): items = elements // NumPy writes a tuple; others may not
        default: throw notIntegers
        }
        var shape: [Int] = []
        for item in items {
            switch item {
            case let .integer(extent) where extent >= 0: shape.append(extent)
            case .integer, .hugeInteger: throw .impossibleShape(path: path, shape: abbreviated(value.text))
            default: throw notIntegers
            }
        }
        return shape
    }

    /// Long header values cut short, so a message stays one readable line.
    private static func abbreviated(_ text: String) -> String {
        let text = MessageText.escaped(text)
        return text.count <= 60 ? text : String(text.prefix(57)) + "..."
    }

    // MARK: - Writing

    /// The bytes of a version 1.0 header (2.0 when it would not fit) for C-ordered data,
    /// padded with spaces to a multiple of 64 bytes and ending in a newline.
    static func encoded(descr: String, shape: [Int]) -> [UInt8] {
        let dict = "{'descr': '\(descr)', 'fortran_order': False, 'shape': "
            + PythonLiteral.tuple(shape.map(PythonLiteral.integer)).text + ", }"
        let text = Array(dict.utf8)
        var major: UInt8 = 1, lengthBytes = 2
        var total = (magic.count + 2 + lengthBytes + text.count + 1 + 63) / 64 * 64
        if total - magic.count - 2 - lengthBytes > Int(UInt16.max) {
            (major, lengthBytes) = (2, 4)
            total = (magic.count + 2 + lengthBytes + text.count + 1 + 63) / 64 * 64
        }
        let length = total - magic.count - 2 - lengthBytes
        var bytes = magic + [major, 0]
        bytes += (0..<lengthBytes).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) }
        bytes += text
        bytes += Array(repeating: UInt8(ascii: " "), count: length - text.count - 1)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
