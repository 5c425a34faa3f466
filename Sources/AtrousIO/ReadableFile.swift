#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file open for reading: a regular file, or standard input for `-`.
///
/// Anything else (a named pipe, a device, a socket, a directory) is refused before it is
/// read, and a name that turns into a pipe between the check and the `open` is opened
/// without blocking, so no input can hang the program or feed it without end. Every read
/// states how many bytes it may take at most.
final class ReadableFile {
    /// The file as messages name it: its path, or "standard input".
    let name: String
    /// The size of a regular file when it was opened; nil for standard input, which may be a pipe.
    let size: Int?
    private let fd: Int32
    private let ownsDescriptor: Bool

    /// Opens `path` for reading, or standard input for `-`.
    /// - Throws: ``IOError/cannotRead(path:reason:)`` naming the file when it is missing,
    ///   unreadable, or not a regular file.
    init(path: String) throws(IOError) {
        if path == StandardStream.path {
            (name, fd, ownsDescriptor) = (StandardStream.inputName, STDIN_FILENO, false)
            // A pipe or a device is what standard input often is; the read budgets bound it.
            var status = stat()
            if fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                throw .cannotRead(path: name, reason: "it is a directory")
            }
            size = nil
            return
        }
        name = path
        let systemPath = SystemPath.bytes(of: path)
        var status = stat()
        // stat first: opening a named pipe with no writer would wait for one.
        guard stat(systemPath, &status) == 0 else {
            throw errno == ENOENT ? .missingFile(path: path) : .cannotRead(path: path, reason: POSIXFile.errnoText())
        }
        if let kind = Self.refusedKind(status.st_mode) { throw .cannotRead(path: path, reason: kind) }
        fd = open(systemPath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotRead(path: path, reason: POSIXFile.errnoText()) }
        ownsDescriptor = true
        // The name may have been replaced between stat and open: check what was opened.
        guard fstat(fd, &status) == 0 else {
            let reason = POSIXFile.errnoText()
            close(fd)
            throw .cannotRead(path: path, reason: reason)
        }
        if let kind = Self.refusedKind(status.st_mode) {
            close(fd)
            throw .cannotRead(path: path, reason: kind)
        }
        size = Int(status.st_size)
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// Why a file of mode `mode` is not read, or nil for a regular file.
    private static func refusedKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "it is a directory"
        case S_IFIFO: "it is a named pipe, not a regular file"
        case S_IFCHR: "it is a character device, not a regular file"
        case S_IFBLK: "it is a block device, not a regular file"
        case S_IFSOCK: "it is a socket, not a regular file"
        default: "it is not a regular file"
        }
    }

    /// The next bytes, up to `count` of them: fewer only at the end of the file.
    ///
    /// Memory grows with what arrives, never to `count` ahead of it: a budget is a limit,
    /// not a size.
    /// - Throws: ``IOError/cannotRead(path:reason:)`` with the system's reason.
    func read(upTo count: Int) throws(IOError) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(count, size.map { $0 + 1 } ?? Self.chunkSize))
        var chunk = [UInt8](repeating: 0, count: min(count, Self.chunkSize))
        while bytes.count < count {
            let wanted = min(chunk.count, count - bytes.count)
            var outcome: Result<Int, IOError> = .success(0)
            chunk.withUnsafeMutableBytes { buffer in
                outcome = Result { () throws(IOError) in try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted])) }
            }
            let got = try outcome.get()
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return bytes
    }

    /// Fills `buffer` with the next bytes, straight from the file (no copy in between).
    /// - Returns: how many bytes were read: fewer than the buffer holds only at the end of the file.
    /// - Throws: ``IOError/cannotRead(path:reason:)`` with the system's reason.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = systemRead(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { waitForInput(); continue }
                throw .cannotRead(path: name, reason: POSIXFile.errnoText())
            }
            filled += got
        }
        return filled
    }

    private static let chunkSize = 1 << 16

    /// Every remaining byte, when there are at most `limit` of them.
    /// - Throws: ``IOError/cannotRead(path:reason:)`` when the file holds more than `limit`
    ///   bytes (for a regular file, before reading any), or the system refuses.
    func readToEnd(limit: Int) throws(IOError) -> [UInt8] {
        if let size, size > limit { throw Self.tooLarge(name, limit: limit) }
        let bytes = try read(upTo: limit + 1)
        guard bytes.count <= limit else { throw Self.tooLarge(name, limit: limit) }
        return bytes
    }

    /// How many more bytes there are, counting at most `limit` of them.
    /// - Returns: the count, and whether more remain beyond it.
    func countRemaining(limit: Int) throws(IOError) -> (count: Int, more: Bool) {
        var count = 0
        while count <= limit {
            let chunk = try read(upTo: min(1 << 16, limit + 1 - count))
            if chunk.isEmpty { break }
            count += chunk.count
        }
        return (min(count, limit), count > limit)
    }

    /// The error for a file above its size budget.
    static func tooLarge(_ name: String, limit: Int) -> IOError {
        .cannotRead(path: name, reason: "it holds more than \(ByteCount.text(limit)), the most atrous reads from it")
    }

    /// Blocks until standard input (opened by the shell, maybe non-blocking) has data or ends.
    private func waitForInput() {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        _ = poll(&poller, 1, -1)
    }
}

/// Sizes as messages state them: whole MiB or GiB where exact, else bytes.
enum ByteCount {
    static func text(_ bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        return "\(bytes) bytes"
    }
}

/// The system's `read`, by a name the method `read(upTo:)` does not hide.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
