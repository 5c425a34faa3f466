#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files ``OutputFile`` writes before they take their names:
/// `.NAME.atrous-PID-RANDOM.tmp` beside the file `NAME`, carrying the writer's process id.
///
/// A writer killed mid-write (SIGKILL, a power cut) leaves its temporary behind. The process
/// id says whether its writer is still running, so a later write into the same directory
/// removes the temporaries of writers that are gone, and never one still being written.
enum TemporaryFileName {
    private static let marker = "atrous-"
    private static let suffix = ".tmp"

    /// A fresh temporary name for this process beside `path`.
    static func make(beside path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let prefix = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return prefix + ".\(name).\(marker)\(getpid())-\(random)\(suffix)"
    }

    /// The process id in a temporary file's name, or nil when the name is not one of these.
    static func writer(of name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(suffix),
              let tag = name.dropLast(suffix.count).split(separator: ".", omittingEmptySubsequences: false).last,
              tag.hasPrefix(marker) else { return nil }
        let fields = tag.dropFirst(marker.count).split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 2, let pid = pid_t(fields[0]), pid > 0,
              !fields[1].isEmpty, fields[1].allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLowercase) })
        else { return nil }
        return pid
    }

    /// Removes the temporaries in `directory` that belong to this user and whose writing
    /// process no longer exists. Failures are ignored: this is tidying, not the write itself.
    static func removeAbandoned(in directory: String) {
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        let owner = getuid()
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = writer(of: name), pid != getpid() else { continue }
            let path = directory + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == owner else { continue }
            // ESRCH: no such process. EPERM means it exists under another user: leave it.
            if kill(pid, 0) != 0, errno == ESRCH { unlink(path) }
        }
    }
}
