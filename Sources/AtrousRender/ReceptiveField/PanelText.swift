/// A paragraph of the receptive-field panel's text column: one style, wrapped to the column.
struct PanelParagraph: Sendable, Equatable {
    let text: String
    let style: Style

    init(_ text: String, _ style: Style) {
        self.text = text
        self.style = style
    }

    /// The paragraph broken into lines of at most `width` characters; an empty text is one
    /// blank line, so paragraphs can be spaced apart.
    func lines(width: Int) -> [PanelLine] {
        guard !text.isEmpty else { return [PanelLine(text: "", style: style)] }
        return text.wrapped(to: width).map { PanelLine(text: $0, style: style) }
    }
}

/// One line of text in one style.
struct PanelLine: Sendable, Equatable {
    let text: String
    let style: Style
}

extension CellBuffer {
    /// Writes `lines` from the top of `area` down, as many as fit, each clipped to the area.
    /// Returns the number of rows used.
    @discardableResult
    mutating func write(_ lines: [PanelLine], in area: Rect) -> Int {
        let shown = lines.prefix(area.height)
        for (row, line) in shown.enumerated() {
            write(line.text, x: area.x, y: area.y + row, style: line.style, clip: area)
        }
        return shown.count
    }
}

/// A centre as the rf report writes it: a whole number without a point, a half with one.
func centreText(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value))" : ValueFormat.short(value)
}
