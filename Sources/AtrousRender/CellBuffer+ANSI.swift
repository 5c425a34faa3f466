/// The buffer as text with ANSI SGR escape codes: what `atrous render --format ansi` prints
/// and a terminal shows with colours.
extension CellBuffer {
    /// One line per row. A code is written only where the style changes, as the shorter of
    /// "change what differs" and "reset, then set"; every line that ends styled ends with a
    /// reset. Trailing plain blanks are dropped, so removing the codes gives ``text``. Control
    /// characters (which could move the cursor or start an escape) print as U+FFFD.
    public var ansi: String {
        (0..<size.height).map { y in
            let row = cells[(y * size.width)..<((y + 1) * size.width)]
            var end = row.endIndex
            while end > row.startIndex, row[end - 1] == .blank { end -= 1 }
            var line = ""
            var current = Style.plain
            for cell in row[row.startIndex..<end] {
                if cell.style != current {
                    line += ANSI.transition(from: current, to: cell.style)
                    current = cell.style
                }
                line.append(ANSI.isControl(cell.character) ? "\u{FFFD}" : cell.character)
            }
            if current != .plain { line += ANSI.reset }
            return line
        }.joined(separator: "\n")
    }
}

/// SGR codes for styles.
enum ANSI {
    static let reset = "\u{1B}[0m"

    /// The shortest escape that turns `old` into `new`.
    static func transition(from old: Style, to new: Style) -> String {
        if new == .plain { return reset }
        let viaReset = escape(["0"] + parameters(from: .plain, to: new))
        let direct = escape(parameters(from: old, to: new))
        return direct.count <= viaReset.count ? direct : viaReset
    }

    /// The parameters that change `old` into `new` without a full reset.
    static func parameters(from old: Style, to new: Style) -> [String] {
        var codes: [String] = []
        // Bold and dim share their "off" code (22), so dropping either restates the other.
        if (old.bold && !new.bold) || (old.dim && !new.dim) {
            codes.append("22")
            if new.bold { codes.append("1") }
            if new.dim { codes.append("2") }
        } else {
            if new.bold && !old.bold { codes.append("1") }
            if new.dim && !old.dim { codes.append("2") }
        }
        if new.underline != old.underline { codes.append(new.underline ? "4" : "24") }
        if new.reverse != old.reverse { codes.append(new.reverse ? "7" : "27") }
        if new.foreground != old.foreground { codes.append(color(new.foreground, background: false)) }
        if new.background != old.background { codes.append(color(new.background, background: true)) }
        return codes
    }

    /// `3n`/`9n` (or `4n`/`10n`) for the 16 system colours, `38;5;n` (`48;5;n`) beyond.
    static func color(_ color: Color, background: Bool) -> String {
        switch color {
        case .default: return background ? "49" : "39"
        case let .indexed(n) where n < 8: return String((background ? 40 : 30) + Int(n))
        case let .indexed(n) where n < 16: return String((background ? 100 : 90) + Int(n) - 8)
        case let .indexed(n): return (background ? "48;5;" : "38;5;") + String(n)
        }
    }

    /// Whether `character` is a C0 or C1 control character or DEL.
    static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    static func escape(_ parameters: [String]) -> String {
        "\u{1B}[" + parameters.joined(separator: ";") + "m"
    }
}
