/// A key and what it does, as the footer and the help list them.
public struct KeyHint: Sendable, Hashable {
    public var key: String
    public var label: String

    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

/// The bottom line: keys and their labels, as many whole pairs as fit, then `…` when some
/// were left out. Pairs come in the caller's order, most important first.
public struct Footer: Widget {
    public var hints: [KeyHint]
    public var palette: Palette

    public init(hints: [KeyHint], palette: Palette) {
        self.hints = hints
        self.palette = palette
    }

    static let separator = "  "

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row)
        let shown = fittingCount(width: area.width)
        var x = area.x
        for (i, hint) in hints.prefix(shown).enumerated() {
            if i > 0 { x = buffer.write(Self.separator, x: x, y: area.y, clip: row) }
            x = buffer.write(hint.key, x: x, y: area.y, style: palette.key, clip: row)
            x = buffer.write(" " + hint.label, x: x, y: area.y, style: palette.label, clip: row)
        }
        if shown < hints.count {
            buffer.write(shown > 0 ? " …" : "…", x: x, y: area.y, style: palette.label, clip: row)
        }
    }

    /// How many leading pairs fit in `width`, leaving room for ` …` when not all do.
    func fittingCount(width: Int) -> Int {
        var used = 0
        for (i, hint) in hints.enumerated() {
            let needed = (i > 0 ? Self.separator.count : 0) + hint.key.count + 1 + hint.label.count
            let isLast = i == hints.count - 1
            if used + needed + (isLast ? 0 : 2) > width { return i }
            used += needed
        }
        return hints.count
    }
}
