#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Output files written whole or not at all; `-` is standard output.
///
/// Bytes go to a temporary file in the destination's directory, flushed to the disk, which then
/// takes the destination's name in one step, so a reader never sees a partial file and a failure leaves
/// nothing behind.
public enum OutputFile {
    /// Checks that `path` can be written, before any expensive work produces its contents.
    /// - Throws: ``IOError`` when the file exists and `overwrite` is false, when the path is a
    ///   directory, or when its directory is missing or not writable.
    public static func ensureWritable(path: String, overwrite: Bool) throws(IOError) {
        if path == StandardStream.path { return }
        guard !path.isEmpty else { throw .cannotWrite(path: path, reason: "the file name is empty") }
        switch POSIXFile.fileType(at: path) {
        case S_IFDIR: throw .outputIsDirectory(path: path)
        case .some where !overwrite: throw .outputExists(path: path)
        default: break
        }
        let directory = directory(of: path)
        guard POSIXFile.fileType(at: directory) == S_IFDIR else {
            throw .missingDirectory(path: path, directory: directory)
        }
        guard access(directory, W_OK | X_OK) == 0 else {
            throw .cannotWrite(path: path, reason: POSIXFile.errnoText())
        }
    }

    /// Writes `bytes` to `path` atomically, or to standard output for `-`.
    ///
    /// Without `overwrite` the temporary file is hard-linked to its name, which fails rather than
    /// replace a file that appeared meanwhile; with `overwrite` it is renamed over the old file.
    /// - Throws: ``IOError`` when the file exists and `overwrite` is false, or the system refuses.
    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws(IOError) {
        if path == StandardStream.path {
            if let reason = POSIXFile.writeAll(bytes, to: STDOUT_FILENO) {
                throw .cannotWrite(path: StandardStream.outputName, reason: reason)
            }
            return
        }
        try write([(path, bytes)], overwrite: overwrite)
    }

    /// Writes several files as one unit: all of them or none.
    ///
    /// Every file's bytes go to a temporary file first, so a full disk stops the write before
    /// any name changes; then each temporary takes its name in turn, and should one of those
    /// steps fail, the files already named are removed again.
    /// - Throws: ``IOError`` for the first file that cannot be written.
    public static func write(_ files: [(path: String, bytes: [UInt8])], overwrite: Bool) throws(IOError) {
        var temporaries: [String] = []
        // A renamed temporary is gone already; a linked one still has to go.
        defer { for temporary in temporaries { unlink(temporary) } }
        for (path, bytes) in files {
            guard path != StandardStream.path, !path.isEmpty else {
                throw .cannotWrite(path: path, reason: path.isEmpty ? "the file name is empty"
                    : "it must be a file when written with others")
            }
            // Existence is left to link() and rename(), which check it atomically.
            let directory = directory(of: path)
            guard POSIXFile.fileType(at: directory) == S_IFDIR else {
                throw .missingDirectory(path: path, directory: directory)
            }
            TemporaryFileName.removeAbandoned(in: directory)
            temporaries.append(try createTemporary(beside: path, holding: bytes))
        }
        var named: [String] = []
        for ((path, _), temporary) in zip(files, temporaries) {
            do {
                try name(temporary, path, overwrite: overwrite)
                named.append(path)
            } catch {
                for path in named { unlink(SystemPath.bytes(of: path)) }
                throw error
            }
        }
    }

    /// Gives `temporary` the name `path`.
    private static func name(_ temporary: String, _ path: String, overwrite: Bool) throws(IOError) {
        let systemPath = SystemPath.bytes(of: path)
        if overwrite {
            guard rename(temporary, systemPath) == 0 else { throw failure(writing: path) }
            return
        }
        guard link(temporary, systemPath) != 0 else { return }
        let code = errno
        guard [EPERM, EOPNOTSUPP, ENOTSUP, ENOSYS, EMLINK].contains(code) else { throw failure(writing: path, code) }
        // The file system has no hard links: check, then rename, accepting the small race.
        guard POSIXFile.fileType(at: path) == nil else { throw .outputExists(path: path) }
        guard rename(temporary, systemPath) == 0 else { throw failure(writing: path) }
    }

    /// The error for a failed `link` or `rename` onto `path`.
    private static func failure(writing path: String, _ code: Int32 = errno) -> IOError {
        switch (code, POSIXFile.fileType(at: path)) {
        case (_, S_IFDIR): .outputIsDirectory(path: path)
        case (EEXIST, _): .outputExists(path: path)
        default: .cannotWrite(path: path, reason: POSIXFile.errnoText(code))
        }
    }

    /// A new temporary file beside `path` holding `bytes` (named by ``TemporaryFileName``),
    /// with the mode a plain `open` would give. On failure nothing is left behind.
    private static func createTemporary(beside path: String, holding bytes: [UInt8]) throws(IOError) -> String {
        for _ in 0..<100 {
            let temporary = TemporaryFileName.make(beside: path)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw .cannotWrite(path: path, reason: POSIXFile.errnoText())
            }
            let failure = POSIXFile.writeAll(bytes, to: fd)
            // On the disk before it takes the name: after a crash the name holds the old file
            // or the whole new one, never a new name on data that was not yet written.
            let synced = failure == nil ? POSIXFile.sync(fd) : nil
            let closed = close(fd) == 0 ? nil : POSIXFile.errnoText()
            if let reason = failure ?? synced ?? closed {
                unlink(temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
            return temporary
        }
        throw .cannotWrite(path: path, reason: "no free temporary file name in its directory")
    }

    /// The directory part of `path`: `.` for a bare name, `/` for a file at the root.
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = path[..<slash]
        return directory.isEmpty ? "/" : String(directory)
    }
}
