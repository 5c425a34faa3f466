/// A message for the user, and how much it matters.
public struct Message: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// What just happened ("saved out.npy").
        case info
        /// Something worth knowing now, such as a framework rule that applies.
        case note
        /// What went wrong, in one sentence.
        case error
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The line that shows the latest message, styled by kind. Notes and errors also carry a
/// word (`note:`, `error:`), so their kind survives without colour.
public struct MessageLine: Widget {
    public var message: Message?
    public var palette: Palette

    public init(message: Message?, palette: Palette) {
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
