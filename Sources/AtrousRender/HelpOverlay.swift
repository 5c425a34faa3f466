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

    /// Whether a description too long for one column always wraps. Otherwise it wraps only
    /// when the list takes several columns (and ends in `…` in one), so the list has as many
    /// lines as the state counts and the last one stays in reach of the scroll keys.
    public var wrapsAlways: Bool

    public init(entries: [HelpEntry], title: String = "Keys", scroll: Int = 0, wrapsAlways: Bool = false,
                palette: Palette) {
        self.entries = entries
        self.title = title
        self.scroll = scroll
        self.wrapsAlways = wrapsAlways
        self.palette = palette
    }

    /// A line of the list: a group heading or a key row.
    enum Line: Equatable {
        case group(String)
        /// A key row; `keyWidth` is the widest key of its group. A description too long for
        /// its column goes on in `.more` lines under it.
        case entry(key: String, description: String, keyWidth: Int)
        /// The rest of a wrapped description, indented under its start.
        case more(String, indent: Int)
        case blank
    }

    /// Groups in order of first appearance, each with its rows, a blank line between groups.
    var lines: [Line] { lines(width: .max) }

    /// ``lines`` with descriptions wrapped to fit a column `width` characters wide.
    func lines(width: Int, wraps: Bool = true) -> [Line] {
        var groups: [String] = []
        for entry in entries where !groups.contains(entry.group) { groups.append(entry.group) }
        var lines: [Line] = []
        for group in groups {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.group(group))
            let members = entries.filter { $0.group == group }
            let keyWidth = members.map(\.key.count).max() ?? 0
            let indent = 2 + keyWidth + 2
            for entry in members {
                let pieces = !wraps || entry.description.count <= width - indent ? [entry.description]
                    : entry.description.wrapped(to: max(8, width - indent))
                lines.append(.entry(key: entry.key, description: pieces.first ?? "", keyWidth: keyWidth))
                lines += pieces.dropFirst().map { .more($0, indent: indent) }
            }
        }
        return lines
    }

    /// The widest line, unwrapped.
    private func width(of line: Line) -> Int {
        switch line {
        case let .group(name): name.count
        case let .entry(_, description, keyWidth): 2 + keyWidth + 2 + description.count
        case let .more(text, indent): indent + text.count
        case .blank: 0
        }
    }

    /// Columns between the help's columns.
    static let columnGap = 3

    /// How many columns the list takes in `area`: when it is taller than the area, as many as
    /// fit side by side (up to three) at ``minimumColumnWidth`` or more, so a wide screen shows
    /// it without scrolling; long descriptions wrap within their column.
    func columnCount(lineCount: Int, in area: Rect) -> Int {
        guard lineCount > area.height - 4 else { return 1 }
        // A column fits the widest key and a readable share of its description.
        let narrowest = max(Self.minimumColumnWidth, 2 + (entries.map(\.key.count).max() ?? 0) + 2 + 20)
        let fit = (area.width - 6 + Self.columnGap) / (narrowest + Self.columnGap)
        return max(1, min(3, fit, (lineCount + area.height - 5) / max(1, area.height - 4)))
    }

    /// The narrowest a column of several is made, whatever its keys.
    static let minimumColumnWidth = 44

    public func render(into buffer: inout CellBuffer, area: Rect) {
        let contentWidth = max(lines.map(width(of:)).max() ?? 0, title.count + 2)
        let columns = columnCount(lineCount: lines.count, in: area)
        let columnWidth = min(contentWidth, (area.width - 6 - (columns - 1) * Self.columnGap) / columns)
        let lines = lines(width: max(1, columnWidth), wraps: wrapsAlways || columns > 1)
        let rows = (lines.count + columns - 1) / columns
        let box = Self.box(content: Size(width: columns * columnWidth + (columns - 1) * Self.columnGap, height: rows),
                           in: area)
        guard box.width >= 3, box.height >= 3 else { return }
        buffer.fill(box)
        let inner = box.inset(by: 1)
        let view = Viewport(contentLength: rows, length: inner.height, offset: scroll)
        drawFrame(box, above: view.hidesBefore, below: view.hidesAfter, into: &buffer)
        for column in 0..<columns {
            let x = inner.x + 1 + column * (columnWidth + Self.columnGap)
            let clip = Rect(x: x, y: inner.y, width: min(columnWidth, inner.maxX - x), height: inner.height)
            for (row, index) in view.range.enumerated() where column * rows + index < lines.count {
                draw(lines[column * rows + index], x: x, y: inner.y + row, clip: clip, into: &buffer)
            }
        }
    }

    private func draw(_ line: Line, x: Int, y: Int, clip: Rect, into buffer: inout CellBuffer) {
        switch line {
        case let .group(name):
            buffer.write(name, x: x, y: y, style: palette.header, clip: clip)
        case let .entry(key, description, keyWidth):
            let end = buffer.write("  " + key.rightPadded(to: keyWidth), x: x, y: y, style: palette.value, clip: clip)
            buffer.setStyle(palette.key, in: Rect(x: x + 2, y: y, width: key.count, height: 1).intersection(clip))
            buffer.write("  " + description.truncated(to: max(clip.maxX - end - 2, 0)), x: end, y: y,
                         style: palette.label, clip: clip)
        case let .more(text, indent):
            buffer.write(text, x: x + indent, y: y, style: palette.label, clip: clip)
        case .blank:
            break
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
