import AtrousIO

/// The one line of feedback under the panels.
public struct ExplorerMessage: Sendable, Hashable, CustomStringConvertible {
    /// How the message is meant; the renderer colours it by kind.
    public enum Kind: Sendable, Hashable {
        /// Feedback on what just happened.
        case info
        /// A rule worth knowing, such as a framework's limit (``FrameworkNote``).
        case note
        /// Something could not be done, or the parameters are impossible.
        case error
    }

    public var text: String
    public var kind: Kind

    /// - Parameter text: escaped here, so whatever it quotes (a typed command, a file name)
    ///   cannot steer the terminal or break the line (see ``MessageText``).
    public init(_ text: String, kind: Kind = .info) {
        self.text = MessageText.escaped(text)
        self.kind = kind
    }

    public static func info(_ text: String) -> ExplorerMessage { ExplorerMessage(text, kind: .info) }
    public static func note(_ text: String) -> ExplorerMessage { ExplorerMessage(text, kind: .note) }
    public static func error(_ text: String) -> ExplorerMessage { ExplorerMessage(text, kind: .error) }

    public var description: String { text }
}
