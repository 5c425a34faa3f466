import AtrousCore
import AtrousExplorer
import AtrousIO

/// Session files on disk: reading one into a state, writing a state into one. The format
/// itself (``ExplorerSession``'s JSON) is pure and lives with the state; the files are read
/// and written here, beside the explorer's other file effects.
public enum SessionFile {
    /// The files that writing `session` to `path` creates, the session first: the input goes
    /// to ``SessionFormat/inputFilePath(forSessionAt:)`` when it is not stored inline.
    public static func paths(for session: ExplorerSession, at path: String) -> [String] {
        session.storesInputInline ? [path] : [path, SessionFormat.inputFilePath(forSessionAt: path)]
    }

    /// Writes `session` to `path`, with its input file when it is not stored inline, as one
    /// unit: both files or neither (see ``OutputFile/write(_:overwrite:)``), so a session never
    /// names a file that is not there and a failed save leaves nothing behind.
    ///
    /// - Returns: the files written, the session first.
    /// - Throws: ``IOError`` when a file exists and `overwrite` is false, or cannot be written.
    @discardableResult
    public static func write(_ session: ExplorerSession, to path: String, overwrite: Bool) throws(IOError) -> [String] {
        let files = paths(for: session, at: path)
        guard files.count > 1 else {
            try OutputFile.write(Array(session.text(inputFile: nil).utf8), to: path, overwrite: overwrite)
            return files
        }
        guard path != StandardStream.path else {
            throw .cannotWrite(path: path, reason: "a session whose input is stored beside it must go to a file")
        }
        for file in files { try OutputFile.ensureWritable(path: file, overwrite: overwrite) }
        let text = session.text(inputFile: SessionFormat.relativeName(of: files[1]))
        // The input takes its name first, so no moment has a session naming a missing file.
        try OutputFile.write([(files[1], ArrayFormat.npy.encode(session.input)), (path, Array(text.utf8))],
                             overwrite: overwrite)
        return files
    }

    /// Reads the session at `path`.
    /// - Throws: ``SessionError`` naming the file: unreadable, not JSON, not a session, another
    ///   version, a missing or malformed member, or a missing input file.
    public static func read(path: String) throws(SessionError) -> ExplorerSession {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.bytes(path: path)
        } catch {
            throw .file(error)
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw .malformedJSON(path: path, error: error)
        }
        return try ExplorerSession(json: json, path: path) { file throws(IOError) in
            try ArrayFile.read(path: file)
        }
    }
}

extension ExplorerSession {
    /// The explorer state saved in the session file at `path`, reopened exactly (see
    /// ``state(path:)``); what `atrous explore --session` and `:open` show.
    /// - Throws: ``SessionError`` naming the file and what is wrong with it.
    public static func load(path: String) throws(SessionError) -> ExplorerState {
        try SessionFile.read(path: path).state(path: path)
    }
}
