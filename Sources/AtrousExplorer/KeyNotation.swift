/// Keys written as text, as `atrous render --keys` takes them.
///
/// A character stands for itself (`r`, `:`, `?`, a space for the space bar); a name between
/// angle brackets stands for any other key, in any letter case: `<Up>` `<Down>` `<Left>`
/// `<Right>` `<Home>` `<End>` `<PageUp>` `<PageDown>` `<Enter>` `<Esc>` `<Space>` `<Tab>`
/// `<S-Tab>` `<BS>` `<Del>` `<F1>`…`<F63>`, a control chord `<C-r>`, and `<lt>` for `<`
/// itself. So `rr:rate 3<Enter>jj` raises the rate twice, then sets it to 3 with the command
/// line, then moves down two cells.
public enum KeyNotation {
    /// The keys `text` writes, in order.
    ///
    /// - Throws: ``KeyNotationError`` for a `<` with no closing `>`, a name no key has, or a
    ///   control character typed as itself.
    public static func parse(_ text: String) throws(KeyNotationError) -> [Key] {
        var keys: [Key] = []
        var index = text.startIndex
        while index < text.endIndex {
            let start = index
            let first = text[index]
            index = text.index(after: index)
            switch first {
            case "<":
                guard let close = text[index...].firstIndex(of: ">") else { throw .unclosed(after: String(text[..<start])) }
                let name = String(text[index..<close])
                guard let key = key(named: name) else { throw .unknownName(name) }
                keys.append(key)
                index = text.index(after: close)
            case "\n", "\r", "\r\n":
                keys.append(.enter)
            case "\t":
                keys.append(.tab)
            default:
                guard !first.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) else {
                    throw .controlCharacter(first.unicodeScalars.first.map { $0.value } ?? 0)
                }
                keys.append(.character(first))
            }
        }
        return keys
    }

    /// `keys` written so that ``parse(_:)`` reads them back: the inverse of parsing, with
    /// named keys in their canonical spelling.
    public static func text(of keys: [Key]) -> String {
        keys.map(text(of:)).joined()
    }

    /// One key in the notation.
    public static func text(of key: Key) -> String {
        switch key {
        case .character("<"): "<lt>"
        case .character(" "): "<Space>"
        case let .character(character): String(character)
        case let .control(character): "<C-\(character)>"
        case let .function(number): "<F\(number)>"
        default: names.first { $0.key == key }.map { "<\($0.name)>" } ?? ""
        }
    }

    /// The named keys, canonical spelling first; lookups ignore letter case.
    static let names: [(name: String, key: Key)] = [
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("Home", .home), ("End", .end), ("PageUp", .pageUp), ("PgUp", .pageUp), ("PageDown", .pageDown),
        ("PgDn", .pageDown), ("Enter", .enter), ("CR", .enter), ("Return", .enter), ("Esc", .escape),
        ("Escape", .escape), ("Space", .character(" ")), ("Tab", .tab), ("S-Tab", .backTab), ("BackTab", .backTab),
        ("BS", .backspace), ("Backspace", .backspace), ("Del", .delete), ("Delete", .delete), ("lt", .character("<")),
    ]

    /// The first spelling of each named key, as messages list them.
    static var canonicalNames: [String] {
        var seen: [Key] = []
        return names.compactMap { name, key in
            guard !seen.contains(key) else { return nil }
            seen.append(key)
            return name
        }
    }

    /// The key a bracketed name stands for, or nil.
    private static func key(named name: String) -> Key? {
        let lowered = name.lowercased()
        if let named = names.first(where: { $0.name.lowercased() == lowered }) { return named.key }
        // Control chords are letters, plus the few symbols a terminal also sends as C0 codes.
        if lowered.hasPrefix("c-"), lowered.count == 3, let chord = lowered.last, chord.isASCII,
           chord.isLetter || "@\\]^_".contains(chord) {
            return .control(chord)
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...63).contains(number),
           String(number) == lowered.dropFirst() {
            return .function(number)
        }
        return nil
    }
}

/// Why a key list could not be read. Each description is one sentence.
public enum KeyNotationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `<` with no `>` after it; `after` is the text read before it.
    case unclosed(after: String)
    /// `<name>` where no key has that name.
    case unknownName(String)
    /// A control character typed as itself, with its code.
    case controlCharacter(UInt32)

    public var description: String {
        switch self {
        case let .unclosed(after):
            "The key list has a '<' with no closing '>'" + (after.isEmpty ? "" : " after '\(after)'")
                + "; write <lt> for the '<' key."
        case let .unknownName(name):
            "No key is named <\(name)>; use a character, <lt> for '<', <C-x> for a control key, <F1> to <F63>, or one of "
                + listed(KeyNotation.canonicalNames.filter { $0 != "lt" }.map { "<\($0)>" }) + "."
        case let .controlCharacter(code):
            "The key list holds the control character U+\(String(code, radix: 16, uppercase: true)); "
                + "write control keys as <C-x>."
        }
    }
}
