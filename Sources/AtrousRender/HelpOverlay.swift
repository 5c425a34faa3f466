/// One row of the help: a key, what it does, and the group it is listed under.
public struct HelpEntry: Sendable, Hashable {
    public var key: String
    public var description: String
    public var group: String

    public init(key: String, description: String, group: String) {
        self.key = key
        self.description = description
        self.group = group
    }
}

/// A framed box in the middle of the area listing every key by group, drawn over whatever is
/// there. When the list is taller than the box it scrolls, and the frame says more lies
/// above or below. Each group aligns its descriptions on its own widest key, so one long
/// command does not push every key's description aside; a description wider than the box
/// ends in `…`.
public struct HelpOverlay: Widget {
    public var entries: [HelpEntry]
    public var title: String
    /// The first list line shown; clamped to the list.
    public var scroll: Int
    public var palette: Palette

    public init(entries: [HelpEntry], title: String = "Keys", scroll: Int = 0, palette: Palette) {
        self.entries = entries
        self.title = title
        self.scroll = scroll
        self.palette = palette
    }

    /// A line of the list: a group heading or a key row.
    enum Line: Equatable {
        case group(String)
        /// A key row; `keyWidth` is the widest key of its group.
        case entry(key: String, description: String, keyWidth: Int)
        case blank
    }

    /// Groups in order of first appearance, each with its rows, a blank line between groups.
    var lines: [Line] {
        var groups: [String] = []
        for entry in entries where !groups.contains(entry.group) { groups.append(entry.group) }
        var lines: [Line] = []
        for group in groups {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.group(group))
            let members = entries.filter { $0.group == group }
            let keyWidth = members.map(\.key.count).max() ?? 0
            for entry in members {
                lines.append(.entry(key: entry.key, description: entry.description, keyWidth: keyWidth))
            }
        }
        return lines
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        let lines = self.lines
        let contentWidth = lines.map { line in
            switch line {
            case let .group(name): name.count
            case let .entry(_, description, keyWidth): 2 + keyWidth + 2 + description.count
            case .blank: 0
            }
        }.max() ?? 0
        let box = Self.box(content: Size(width: max(contentWidth, title.count + 2), height: lines.count), in: area)
        guard box.width >= 3, box.height >= 3 else { return }
        buffer.fill(box)
        let inner = box.inset(by: 1)
        let view = Viewport(contentLength: lines.count, length: inner.height, offset: scroll)
        drawFrame(box, above: view.hidesBefore, below: view.hidesAfter, into: &buffer)
        for (row, index) in view.range.enumerated() {
            let y = inner.y + row
            switch lines[index] {
            case let .group(name):
                buffer.write(name, x: inner.x, y: y, style: palette.header, clip: inner)
            case let .entry(key, description, keyWidth):
                let x = buffer.write("  " + key.rightPadded(to: keyWidth), x: inner.x, y: y, style: palette.value, clip: inner)
                buffer.setStyle(palette.key, in: Rect(x: inner.x + 2, y: y, width: key.count, height: 1).intersection(inner))
                buffer.write("  " + description.truncated(to: max(inner.maxX - x - 2, 0)), x: x, y: y, style: palette.label,
                             clip: inner)
            case .blank:
                break
            }
        }
    }

    /// The centred box for content of `content` size plus a frame, at most the area less a
    /// margin of one cell where the area allows.
    static func box(content: Size, in area: Rect) -> Rect {
        let margin = area.width >= 10 && area.height >= 6 ? 1 : 0
        let width = min(content.width + 4, area.width - 2 * margin)
        let height = min(content.height + 2, area.height - 2 * margin)
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
                    width: width, height: height)
    }

    private func drawFrame(_ box: Rect, above: Bool, below: Bool, into buffer: inout CellBuffer) {
        let style = palette.border
        let horizontal = String(repeating: "─", count: box.width - 2)
        buffer.write("┌" + horizontal + "┐", x: box.x, y: box.y, style: style)
        buffer.write("└" + horizontal + "┘", x: box.x, y: box.maxY - 1, style: style)
        for y in (box.y + 1)..<(box.maxY - 1) {
            buffer.write("│", x: box.x, y: y, style: style)
            buffer.write("│", x: box.maxX - 1, y: y, style: style)
        }
        let top = Rect(x: box.x + 1, y: box.y, width: box.width - 2, height: 1)
        buffer.write(" \(title) ".truncated(to: top.width), x: box.x + 2, y: box.y, style: palette.header, clip: top)
        if above { buffer.write(" ↑ more ", x: box.maxX - 10, y: box.y, style: palette.index, clip: top) }
        if below {
            let bottom = Rect(x: box.x + 1, y: box.maxY - 1, width: box.width - 2, height: 1)
            buffer.write(" ↓ more ", x: box.maxX - 10, y: box.maxY - 1, style: palette.index, clip: bottom)
        }
    }
}
