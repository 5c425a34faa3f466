#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and writes through file descriptors, with errors as `errno` text.
enum POSIXFile {
    /// Every byte of the file at `path`, or of standard input for `-`.
    /// - Throws: ``IOError/cannotRead(path:reason:)`` naming the file and the system's reason.
    static func readAll(path: String) throws(IOError) -> [UInt8] {
        let isStandardInput = path == StandardStream.path
        let name = isStandardInput ? StandardStream.inputName : path
        let fd = isStandardInput ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotRead(path: name, reason: errnoText()) }
        defer { if !isStandardInput { close(fd) } }
        var status = stat()
        if fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw .cannotRead(path: name, reason: "it is a directory")
        }
        var bytes: [UInt8] = []
        if status.st_mode & S_IFMT == S_IFREG { bytes.reserveCapacity(Int(status.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: name, reason: errnoText())
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Writes every byte to `fd`, retrying short writes.
    /// - Returns: nil on success, else the system's reason.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                return errnoText()
            }
            written += count
        }
        return nil
    }

    /// The current `errno` as a lower-case phrase: "no such file or directory".
    static func errnoText(_ code: Int32 = errno) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// The kind of file at `path` (`S_IFREG`, `S_IFDIR`...), or nil when nothing is there.
    static func fileType(at path: String) -> mode_t? {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }
}
