import AtrousExplorer

/// The line that shows the latest message, styled by kind. Notes and errors also carry a
/// word (`note:`, `error:`), so their kind survives without colour.
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
        buffer.write((prefix + message.text).truncated(to: area.width), x: area.x, y: area.y, style: style, clip: row)
    }
}
