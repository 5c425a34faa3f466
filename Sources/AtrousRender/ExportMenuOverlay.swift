import AtrousExplorer

/// The export menu drawn over the panels while it is open: each key of ``ExportMenu/entries``
/// with what it writes and the file it writes to, grouped as arrays, session, screen and code.
///
/// The box is ``HelpOverlay``'s, so the menu looks like the help and scrolls the same way.
public struct ExportMenuOverlay: Widget, Sendable {
    public var palette: Palette

    public init(palette: Palette) {
        self.palette = palette
    }

    /// The rows: `o  output (all channels)  atrous-output.npy`, the file names in one column.
    static var entries: [HelpEntry] {
        let width = ExportMenu.entries.map(\.label.count).max() ?? 0
        return ExportMenu.entries.map { entry in
            HelpEntry(key: String(entry.key), description: entry.label.rightPadded(to: width) + "  " + entry.path,
                      group: group(of: entry.kind))
        }
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        buffer.render(HelpOverlay(entries: Self.entries, title: ExportMenu.title + " to the current directory",
                                  palette: palette), in: area)
    }

    private static func group(of kind: ExportKind) -> String {
        switch kind {
        case .output, .input, .kernel, .counts: "Arrays"
        case .session: "Session"
        case .screen: "Screen"
        case .snippet: "Code that reproduces the layer or the stack"
        }
    }
}
