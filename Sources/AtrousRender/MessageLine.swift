import AtrousExplorer

/// The line that shows the latest message, styled by kind. Notes and errors also carry a
/// word (`note:`, `error:`), so their kind survives without colour. A note too long for the
/// line ends in `… N: all notes`, the key that lists every note that applies in full.
public struct MessageLine: Widget {
    public var message: ExplorerMessage?
    public var palette: Palette

    public init(message: ExplorerMessage?, palette: Palette) {
        self.message = message
        self.palette = palette
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row)
        guard let message else { return }
        let (prefix, style): (String, Style) = switch message.kind {
        case .info: ("", palette.info)
        case .note: ("note: ", palette.note)
        case .error: ("error: ", palette.error)
        }
        buffer.write(Self.fitted(prefix + message.text, kind: message.kind, width: area.width), x: area.x, y: area.y,
                     style: style, clip: row)
    }

    /// The message cut to `width`; a cut note names the key that shows every note in full.
    static func fitted(_ text: String, kind: ExplorerMessage.Kind, width: Int) -> String {
        let more = " … N: all notes"
        guard kind == .note, text.count > width, width > more.count + 8 else { return text.truncated(to: width) }
        return String(text.prefix(width - more.count)) + more
    }
}
