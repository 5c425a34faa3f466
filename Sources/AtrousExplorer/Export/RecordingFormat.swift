/// How a recording is written: `:record FILE` takes it from the file's extension.
public enum RecordingFormat: String, Sendable, Hashable, CaseIterable {
    /// An asciicast v2 file, which asciinema plays in a terminal or a web page.
    case cast
    /// One animated SVG picture, which plays in a browser and in a README.
    case svg

    /// The format `path`'s extension asks for (`.cast` or `.svg`, in any letter case), or nil.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(rawValue: name[name.index(after: dot)...].lowercased())
    }

    /// The extension that asks for this format.
    public var fileExtension: String { rawValue }

    /// The format's name in messages.
    public var displayName: String {
        switch self {
        case .cast: "asciicast"
        case .svg: "animated SVG"
        }
    }
}

/// The recording `:record` is making: where it goes, and whether the user allowed replacing a
/// file there. The frames themselves are kept where frames are drawn, not in the state.
public struct RecordingTarget: Sendable, Hashable {
    public var path: String
    public var format: RecordingFormat
    /// True once the user answered yes to replacing an existing file.
    public var overwrite: Bool

    public init(path: String, format: RecordingFormat, overwrite: Bool) {
        self.path = path
        self.format = format
        self.overwrite = overwrite
    }
}
