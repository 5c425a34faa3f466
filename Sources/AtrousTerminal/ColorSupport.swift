import AtrousScreen

/// What the terminal can show, decided once when it starts.
public enum ColorSupport: Hashable, Sendable {
    /// Attributes only: the terminal has no colours, or NO_COLOR asks for none.
    case monochrome
    /// `colors` palette entries and pair numbers below `pairs`; `defaultColors` when the
    /// terminal's own foreground and background can be kept (`use_default_colors`).
    case palette(colors: Int, pairs: Int, defaultColors: Bool)

    /// The support to use for a terminal with these capabilities.
    ///
    /// - Parameters:
    ///   - hasColors: whether the terminal description has colours at all.
    ///   - colors: `COLORS` after `start_color`.
    ///   - pairs: `COLOR_PAIRS` after `start_color`.
    ///   - defaultColors: whether `use_default_colors` succeeded.
    ///   - noColor: the value of the `NO_COLOR` environment variable; any non-empty value
    ///     turns colours off (https://no-color.org).
    public static func detect(hasColors: Bool, colors: Int, pairs: Int, defaultColors: Bool,
                              noColor: String?) -> ColorSupport {
        if let noColor, !noColor.isEmpty { return .monochrome }
        // Fewer than 8 colours or 2 pairs cannot show the classic palette: better none.
        guard hasColors, colors >= 8, pairs >= 2 else { return .monochrome }
        // Pair numbers are C shorts in wattr_set, whatever COLOR_PAIRS says.
        return .palette(colors: colors, pairs: min(pairs, Int(Int16.max)), defaultColors: defaultColors)
    }
}

/// Which attributes a cell is drawn with; the terminal layer maps them to ncurses bits.
struct TextAttributes: OptionSet, Hashable, Sendable {
    let rawValue: UInt8

    static let bold = TextAttributes(rawValue: 1 << 0)
    static let dim = TextAttributes(rawValue: 1 << 1)
    static let reverse = TextAttributes(rawValue: 1 << 2)
    static let underline = TextAttributes(rawValue: 1 << 3)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ style: Style) {
        self = []
        if style.bold { insert(.bold) }
        if style.dim { insert(.dim) }
        if style.reverse { insert(.reverse) }
        if style.underline { insert(.underline) }
    }
}
