/// A terminal colour: the terminal's own, or an index into the 256-colour palette
/// (0–15 are the classic ANSI colours).
public enum Color: Sendable, Hashable, Codable {
    case `default`
    case indexed(UInt8)

    public static let black = Color.indexed(0), red = Color.indexed(1), green = Color.indexed(2),
                      yellow = Color.indexed(3), blue = Color.indexed(4), magenta = Color.indexed(5),
                      cyan = Color.indexed(6), white = Color.indexed(7), gray = Color.indexed(8),
                      brightRed = Color.indexed(9), brightGreen = Color.indexed(10),
                      brightYellow = Color.indexed(11), brightBlue = Color.indexed(12),
                      brightMagenta = Color.indexed(13), brightCyan = Color.indexed(14),
                      brightWhite = Color.indexed(15)
}

/// How a cell is drawn: colours and attributes. Attributes alone must carry meaning, because
/// a monochrome terminal (or NO_COLOR) drops the colours.
public struct Style: Sendable, Hashable, Codable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(foreground: Color = .default, background: Color = .default, bold: Bool = false,
                dim: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    public static let plain = Style()

    /// The style without colours, attributes kept: what a monochrome terminal shows.
    public var monochrome: Style {
        Style(bold: bold, dim: dim, reverse: reverse, underline: underline)
    }
}

/// One terminal cell: a character of display width 1 and its style.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: Style

    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell()
}
