/// A key as the explorer understands it, independent of any terminal library.
public enum Key: Sendable, Hashable {
    case character(Character)
    /// A control chord such as Ctrl-R, named by its lowercase letter.
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, backspace, delete, tab, backTab
    case function(Int)
}

/// A mouse action at a cell of the screen (0-based column `x`, row `y`).
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case press(button: Int)
        case release
        case drag
        case wheelUp, wheelDown
    }

    public var x: Int
    public var y: Int
    public var kind: Kind

    public init(x: Int, y: Int, kind: Kind) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}

/// Everything the terminal reports to the program.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
    /// No input arrived before the timeout; drives playback.
    case tick
}
