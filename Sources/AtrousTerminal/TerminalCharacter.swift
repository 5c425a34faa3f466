/// Characters a terminal can show in exactly one cell.
///
/// A cell holds one character of display width 1. A control character, a lone combining mark
/// or a double-width character would make the terminal move its cursor differently from the
/// buffer and shift the rest of the row, so the terminal layer shows `?` instead.
enum TerminalCharacter {
    static let replacement: Character = "?"

    /// `character` when it occupies one cell, otherwise the replacement.
    static func safe(_ character: Character) -> Character {
        isSingleWidth(character) ? character : replacement
    }

    /// Whether `character` occupies exactly one terminal cell.
    static func isSingleWidth(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        if first.value < 0x7F { return first.value >= 0x20 }
        if (0x7F...0x9F).contains(first.value) { return false }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark, .format, .control, .lineSeparator,
             .paragraphSeparator, .unassigned, .surrogate:
            return false
        default:
            break
        }
        if first.properties.isEmojiPresentation { return false }
        // Emoji-style variation selector or a ZWJ sequence: drawn two cells wide.
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) { return false }
        return !wideRanges.contains { $0.contains(first.value) }
    }

    /// East Asian Wide and Fullwidth blocks (Unicode 15, coarse): two cells in every terminal.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
