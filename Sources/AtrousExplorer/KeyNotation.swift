/// Keys written as text, as `atrous render --keys` takes them.
///
/// A character stands for itself (`r`, `:`, `?`, a space for the space bar); a name between
/// angle brackets stands for any other key, in any letter case: `<Up>` `<Down>` `<Left>`
/// `<Right>` `<Home>` `<End>` `<PageUp>` `<PageDown>` `<Enter>` `<Esc>` `<Space>` `<Tab>`
/// `<S-Tab>` `<BS>` `<Del>` `<F1>`…`<F63>`, a control chord `<C-r>`, and `<lt>` for `<`
/// itself. So `rr:rate 3<Enter>jj` raises the rate twice, then sets it to 3 with the command
/// line, then moves down two cells.
///
/// A recording also takes pauses: `<Wait 500ms>` or `<Wait 2s>` (`<Wait 1.5s>`) lets that much
/// time pass, during which playback steps at its speed.
public enum KeyNotation {
    /// The keys `text` writes, in order, without its pauses.
    ///
    /// - Throws: ``KeyNotationError`` for a `<` with no closing `>`, a name no key has, a
    ///   pause that cannot be read, or a control character typed as itself.
    public static func parse(_ text: String) throws(KeyNotationError) -> [Key] {
        try steps(text).compactMap(\.key)
    }

    /// The keys and pauses `text` writes, in order.
    ///
    /// - Throws: as ``parse(_:)``.
    public static func steps(_ text: String) throws(KeyNotationError) -> [KeyStep] {
        var keys: [KeyStep] = []
        var index = text.startIndex
        while index < text.endIndex {
            let start = index
            let first = text[index]
            index = text.index(after: index)
            switch first {
            case "<":
                guard let close = text[index...].firstIndex(of: ">") else { throw .unclosed(after: String(text[..<start])) }
                let name = String(text[index..<close])
                if let wait = try wait(named: name) {
                    keys.append(.wait(milliseconds: wait))
                } else {
                    guard let key = key(named: name) else { throw .unknownName(name) }
                    keys.append(.key(key))
                }
                index = text.index(after: close)
            case "\n", "\r", "\r\n":
                keys.append(.key(.enter))
            case "\t":
                keys.append(.key(.tab))
            default:
                guard !first.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) else {
                    throw .controlCharacter(first.unicodeScalars.first.map { $0.value } ?? 0)
                }
                keys.append(.key(.character(first)))
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

    /// A step in the notation: a key, or a pause as `<Wait 500ms>` (whole seconds as `<Wait 2s>`).
    public static func text(of step: KeyStep) -> String {
        switch step {
        case let .key(key): text(of: key)
        case let .wait(milliseconds) where milliseconds % 1000 == 0 && milliseconds > 0:
            "<Wait \(milliseconds / 1000)s>"
        case let .wait(milliseconds): "<Wait \(milliseconds)ms>"
        }
    }

    /// The longest pause: an hour.
    public static let longestWait = 3_600_000

    /// The milliseconds of `<Wait …>`, nil for a name that is not a pause.
    /// - Throws: ``KeyNotationError/badWait(_:)`` for a pause whose time cannot be read.
    private static func wait(named name: String) throws(KeyNotationError) -> Int? {
        let words = name.split(separator: " ", omittingEmptySubsequences: true)
        guard words.first?.lowercased() == "wait" else { return nil }
        guard words.count == 2, let milliseconds = milliseconds(String(words[1])) else { throw .badWait(name) }
        return milliseconds
    }

    /// `500ms`, `2s` or `1.5s` as whole milliseconds from 0 to ``longestWait``, or nil.
    public static func milliseconds(_ text: String) -> Int? {
        let lowered = text.lowercased()
        let (number, scale) = lowered.hasSuffix("ms") ? (lowered.dropLast(2), 1) : lowered.hasSuffix("s")
            ? (lowered.dropLast(1), 1000) : (Substring(""), 0)
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard scale > 0, (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), !parts[0].isEmpty, parts[0].count <= 7 else { return nil }
        var value = Int(parts[0])! * scale
        if parts.count == 2 {
            // A fraction finer than a millisecond cannot be shown; it is refused rather than rounded.
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= (scale == 1000 ? 3 : 0) else { return nil }
            value += Int(digits + String(repeating: "0", count: 3 - digits.count))!
        }
        return value <= longestWait ? value : nil
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
    /// `<Wait …>` with a time that cannot be read; the text between the brackets.
    case badWait(String)

    public var description: String {
        switch self {
        case let .unclosed(after):
            "The key list has a '<' with no closing '>'" + (after.isEmpty ? "" : " after '\(after)'")
                + "; write <lt> for the '<' key."
        case let .unknownName(name):
            "No key is named <\(name)>; use a character, <lt> for '<', <C-x> for a control key, <F1> to <F63>, or one of "
                + listed(KeyNotation.canonicalNames.filter { $0 != "lt" }.map { "<\($0)>" }) + "."
        case let .badWait(name):
            "Cannot read the pause <\(name)>; write <Wait 500ms> or <Wait 2s>, at most an hour."
        case let .controlCharacter(code):
            "The key list holds the control character U+\(String(code, radix: 16, uppercase: true)); "
                + "write control keys as <C-x>."
        }
    }
}

/// One step of a key list: a key to press, or time to let pass.
public enum KeyStep: Sendable, Hashable {
    case key(Key)
    /// A pause of this many milliseconds, during which playback steps at its speed.
    case wait(milliseconds: Int)

    /// The key, or nil for a pause.
    public var key: Key? {
        if case let .key(key) = self { key } else { nil }
    }
}
