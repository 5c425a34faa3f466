#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file writes through file descriptors, and errors as `errno` text.
enum POSIXFile {
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

    /// Flushes `fd`'s data to the disk, retrying when interrupted.
    /// - Returns: nil on success or where the file system has nothing to flush (EINVAL), else
    ///   the system's reason.
    static func sync(_ fd: Int32) -> String? {
        while fsync(fd) != 0 {
            if errno == EINTR { continue }
            return errno == EINVAL ? nil : errnoText()
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
        return stat(SystemPath.bytes(of: path), &status) == 0 ? status.st_mode & S_IFMT : nil
    }

    /// The size in bytes of the regular file at `path`, or nil when it is not one.
    static func regularFileSize(at path: String) -> Int? {
        var status = stat()
        return stat(SystemPath.bytes(of: path), &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
    }
}
