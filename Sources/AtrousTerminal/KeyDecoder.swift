import AtrousScreen
import CNcurses

/// Turns what `wget_wch` reports into the explorer's `Key`.
///
/// `wget_wch` yields either a character (`OK`) or a key code (`KEY_CODE_YES`). Both tables are
/// pure, so they are tested without a terminal.
enum KeyDecoder {
    /// The key for a character read in raw mode, or nil for characters with no meaning here.
    ///
    /// Raw mode delivers control chords as C0 characters: Ctrl-C is U+0003, not SIGINT.
    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x08, 0x7F: return .backspace
        case 0x01...0x1A: return .control(character(code + 0x60))
        case 0x00, 0x1C...0x1F: return .control(character(code + 0x40))
        case 0x80...0x9F: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    /// The key for an ncurses key code, or nil for codes the explorer does not use.
    ///
    /// `KEY_MOUSE` and `KEY_RESIZE` are events, not keys; the screen handles them first.
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // Keypad corners and the VT220 Find/Select keys are how some terminals send Home/End.
        case KEY_HOME, KEY_FIND, KEY_A1: return .home
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    private static func character(_ code: UInt32) -> Character {
        Character(Unicode.Scalar(UInt8(truncatingIfNeeded: code)))
    }
}
