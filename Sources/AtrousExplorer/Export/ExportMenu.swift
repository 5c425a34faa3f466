/// The export menu that `e` opens: one key per kind of file, each written to its default name
/// in the current directory. ``entries`` is the single list that the key map and the menu's
/// drawing both read.
public enum ExportMenu {
    /// One choice: its key, what it writes and a few words for the menu.
    public struct Entry: Sendable, Hashable {
        public let key: Character
        public let kind: ExportKind
        public let label: String

        /// The file the choice writes.
        public var path: String { kind.defaultPath }
    }

    /// Every choice, in menu order: arrays, the session, the screen, code, path counts.
    public static let entries: [Entry] = [
        Entry(key: "o", kind: .output, label: "output (all channels)"),
        Entry(key: "i", kind: .input, label: "input"),
        Entry(key: "k", kind: .kernel, label: "kernel"),
        Entry(key: "s", kind: .session, label: "session"),
        Entry(key: "t", kind: .screen(.text), label: "screen as text"),
        Entry(key: "a", kind: .screen(.ansi), label: "screen as ANSI"),
        Entry(key: "g", kind: .screen(.svg), label: "screen as SVG"),
        Entry(key: "p", kind: .snippet(.pytorch), label: "PyTorch snippet"),
        Entry(key: "f", kind: .snippet(.tensorflow), label: "TensorFlow snippet"),
        Entry(key: "j", kind: .snippet(.jax), label: "JAX snippet"),
        Entry(key: "n", kind: .snippet(.numpy), label: "NumPy snippet"),
        Entry(key: "c", kind: .counts, label: "path counts"),
    ]

    /// The title the menu is drawn with.
    public static let title = "Export"

    /// The choice a key picks, or nil.
    public static func entry(for key: Key) -> Entry? {
        guard case let .character(character) = key else { return nil }
        return entries.first { $0.key == character }
    }
}
