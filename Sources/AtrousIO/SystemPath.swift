#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// File names as the system knows them: bytes, which need not be UTF-8.
///
/// Swift decodes the command line into strings, replacing bytes that are not UTF-8 with
/// U+FFFD, and such a name no longer opens the file it named. This finds the original bytes
/// again in the command line, so a file whose name is not UTF-8 opens as the bytes it is.
public enum SystemPath {
    /// The bytes to hand the system for `path`, NUL-terminated.
    public static func bytes(of path: String) -> [CChar] {
        guard path.unicodeScalars.contains("\u{FFFD}"), let raw = commandLineBytes(decodingTo: path) else {
            return path.utf8CString.map { $0 }
        }
        return raw.map { CChar(bitPattern: $0) } + [0]
    }

    /// The raw bytes that decode to `path`, when it came from the command line as a whole
    /// argument or as the value of `--option=value`; nil when it did not.
    public static func commandLineBytes(decodingTo path: String) -> [UInt8]? {
        for index in 0..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            let bytes = Array(UnsafeBufferPointer(start: argument, count: strlen(argument))).map { UInt8(bitPattern: $0) }
            if String(decoding: bytes, as: UTF8.self) == path { return bytes }
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")),
               String(decoding: bytes[(equals + 1)...], as: UTF8.self) == path {
                return Array(bytes[(equals + 1)...])
            }
        }
        return nil
    }
}
