/// Text from outside the program (file names, file contents, keys) made safe to print.
///
/// A message is one line of plain text whatever it quotes: every character that could steer
/// the terminal or break the line (control characters, line and paragraph separators, bidi
/// overrides) is written as an escape, `\x1B` or `\u{202E}`, and a byte that is not UTF-8 as
/// `\xFF`. Every message that echoes outside text goes through here.
public enum MessageText {
    /// `text` with every unsafe character escaped.
    public static func escaped(_ text: some StringProtocol) -> String {
        var result = ""
        for scalar in text.unicodeScalars { append(scalar, to: &result) }
        return result
    }

    /// `bytes` decoded as UTF-8, with every unsafe character escaped and every byte that is
    /// not part of valid UTF-8 written as `\xNN`.
    public static func escaped(bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var result = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                append(Unicode.UTF8.decode(encoded), to: &result)
                offset += encoded.count
            case let .error(length):
                for byte in bytes[offset..<(offset + length)] { result += hex(byte) }
                offset += length
            case .emptyInput:
                return result
            }
        }
    }

    /// Where the first byte sequence that is not UTF-8 starts in `bytes`, and its length, or
    /// nil when all of `bytes` is UTF-8.
    public static func firstInvalidUTF8(in bytes: some Collection<UInt8>) -> (offset: Int, length: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded): offset += encoded.count
            case let .error(length): return (offset, length)
            case .emptyInput: return nil
            }
        }
    }

    /// A file name as messages show it: escaped, and quoted when it holds a space or is empty.
    /// A name from the command line that is not UTF-8 shows its own bytes.
    public static func fileName(_ path: String) -> String {
        let text = path.unicodeScalars.contains("\u{FFFD}")
            ? SystemPath.commandLineBytes(decodingTo: path).map { escaped(bytes: $0) } ?? escaped(path)
            : escaped(path)
        return text.isEmpty || text.contains(" ") ? "'\(text)'" : text
    }

    /// Whether `scalar` is printed as an escape.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true // C0, DEL and C1 controls
        case 0x2028, 0x2029: true // line and paragraph separators
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true // bidi controls
        default: false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        guard isUnsafe(scalar) else { return result.unicodeScalars.append(scalar) }
        result += scalar.value < 0x100 ? hex(UInt8(scalar.value))
            : "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "\\x" + (digits.count == 1 ? "0" : "") + digits
    }
}
