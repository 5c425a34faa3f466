/// The constants and file-name rules of the session format (the README's "Session files" section documents them).
public enum SessionFormat {
    /// The value of the `"format"` member that marks a session file.
    public static let tag = "atrous-session"
    /// The version written, and the only one read.
    public static let version = 1
    /// Inputs with at most this many values are stored in the session itself; larger ones,
    /// and any holding an infinity or NaN (which JSON cannot hold), go to a `.npy` file beside it.
    public static let inlineLimit = 4096
    /// The file name suffix that marks a session, which `:export` recognises.
    public static let suffix = ".atrous.json"
    /// The other suffix `:export` recognises as a session.
    public static let alternativeSuffix = ".session"

    /// Whether `path`'s name marks a session: it ends in `.atrous.json` or `.session`, in any case.
    public static func isSessionPath(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(suffix) || lowered.hasSuffix(alternativeSuffix)
    }

    /// The `.npy` file that holds the input of a session written to `path`: the session's name
    /// with `.input.npy` in place of its suffix, so `lesson.atrous.json` keeps its input in
    /// `lesson.input.npy`, in the same directory.
    public static func inputFilePath(forSessionAt path: String) -> String {
        let lowered = path.lowercased()
        let suffixes = [suffix, alternativeSuffix, ".json"]
        let stem = suffixes.first { lowered.hasSuffix($0) && lowered.count > $0.count }
            .map { String(path.dropLast($0.count)) } ?? path
        return stem + ".input.npy"
    }

    /// `file` as the session at `sessionPath` names it: its last path component, since the
    /// input file is always written beside the session.
    public static func relativeName(of file: String) -> String {
        file.split(separator: "/").last.map(String.init) ?? file
    }

    /// Where a file named `name` in the session at `sessionPath` lies: an absolute name as it
    /// is, a relative one in the session's directory.
    static func resolve(_ name: String, relativeToSessionAt sessionPath: String) -> String {
        guard !name.hasPrefix("/"), let slash = sessionPath.lastIndex(of: "/") else { return name }
        return String(sessionPath[...slash]) + name
    }
}
