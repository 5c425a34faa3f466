/// The screen as a value: a rectangle of cells in row-major order.
///
/// Renderers draw into a buffer; the terminal layer writes the difference between two
/// buffers. Every write is clipped to the buffer (and to an optional rectangle), so nothing
/// ever wraps onto the next row.
public struct CellBuffer: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, filling cell: Cell = .blank) {
        self.size = size
        cells = Array(repeating: cell, count: size.width * size.height)
    }

    /// A buffer whose rows are the given lines in the plain style, padded with spaces to the
    /// widest line (or to `width`). Tests build expected screens this way.
    public init(lines: [String], width: Int? = nil) {
        let w = width ?? lines.map(\.count).max() ?? 0
        self.init(size: Size(width: w, height: lines.count))
        for (y, line) in lines.enumerated() { write(line, x: 0, y: y) }
    }

    public var area: Rect { Rect(size: size) }

    /// The cell at (x, y), or nil outside the buffer.
    public subscript(x: Int, y: Int) -> Cell? {
        get { area.contains(x: x, y: y) ? cells[y * size.width + x] : nil }
        set {
            guard area.contains(x: x, y: y), let newValue else { return }
            cells[y * size.width + x] = newValue
        }
    }

    /// Writes `text` from (x, y) to the right, one character per cell, clipped to `clip`
    /// (and always to the buffer). Returns the column after the last character written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let bounds = clip.map { $0.intersection(area) } ?? area
        guard y >= bounds.y, y < bounds.maxY else { return x + text.count }
        var column = x
        for character in text {
            if column >= bounds.maxX { break }
            if column >= bounds.x {
                cells[y * size.width + column] = Cell(character == "\t" || character == "\n" ? " " : character,
                                                      style: style)
            }
            column += 1
        }
        return column
    }

    /// Sets every cell of `rect` (clipped to the buffer) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * size.width + x] = cell }
        }
    }

    /// Changes the style of every cell in `rect`, keeping the characters.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(area)
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * size.width + x].style = style }
        }
    }

    /// The characters of each row, trailing spaces kept.
    public var lines: [String] {
        (0..<size.height).map { y in
            String(cells[(y * size.width)..<((y + 1) * size.width)].map(\.character))
        }
    }

    /// The rows as plain text, trailing spaces removed, one line each.
    public var text: String {
        lines.map { line in
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            return String(l)
        }.joined(separator: "\n")
    }
}

extension CellBuffer: CustomDebugStringConvertible {
    /// The rows quoted, so a failing comparison prints a picture.
    public var debugDescription: String {
        "CellBuffer \(size)\n" + lines.map { "\"\($0)\"" }.joined(separator: "\n")
    }
}
