import AtrousExplorer

/// How numbers are written on screen: one place, so the grids, the computation line and the
/// status line always agree.
///
/// A grid uses a fixed-width format chosen from its data range (``fitting(_:maxWidth:)``);
/// running text uses the shortest exact-enough form (``short(_:)``).
public struct ValueFormat: Sendable, Hashable {
    /// How digits are laid out.
    public enum Notation: Sendable, Hashable {
        /// A fixed number of decimals: `1.50`, `-0.25`.
        case fixed(decimals: Int)
        /// Three significant digits with an SI suffix (`12k`, `1.5M`), for data too large for
        /// the width in fixed notation.
        case compact
    }

    public let notation: Notation
    /// Every string is right-aligned to this many characters.
    public let width: Int

    /// The most decimals a grid shows; beyond three the cells get too wide to compare by eye.
    public static let maximumDecimals = MapSummary.maximumDecimals

    public init(notation: Notation, width: Int) {
        self.notation = notation
        self.width = max(1, width)
    }

    /// The format that writes every value of `values` in at most `maxWidth` characters, and
    /// in at least `minWidth` so short values still stand apart from a neighbour's marker.
    ///
    /// Integers get no decimals; other data get the fewest decimals that write every value
    /// exactly, or else as many as fit (up to ``maximumDecimals``). When even integers do not
    /// fit, the notation is ``Notation/compact``.
    /// - Complexity: O(n) passes over the values, at most ``maximumDecimals`` + 1 of them.
    public static func fitting<Values: Collection<Double>>(_ values: Values, maxWidth: Int,
                                                         minWidth: Int = 2) -> ValueFormat {
        fitting(range: FiniteRange(of: values), decimals: MapSummary.exactDecimals(of: values) ?? maximumDecimals,
                maxWidth: maxWidth, minWidth: minWidth)
    }

    /// ``fitting(_:maxWidth:minWidth:)`` for a map whose range and exact decimals are already
    /// known (a ``MapSummary``): no pass over the values.
    static func fitting(range: FiniteRange, decimals: Int, maxWidth: Int, minWidth: Int = 2) -> ValueFormat {
        let narrowest = max(1, min(minWidth, maxWidth))
        let (smallest, largest, hasNonFinite) = (range.smallest, range.largest, range.hasNonFinite)
        guard !range.isEmpty else {
            return ValueFormat(notation: .fixed(decimals: 0), width: max(narrowest, hasNonFinite ? min(maxWidth, 4) : 1))
        }
        let candidates = Array((0...min(decimals, maximumDecimals)).reversed())
        for d in candidates {
            // Width grows with magnitude, so the extremes are the widest strings.
            var needed = max(fixed(smallest, decimals: d).count, fixed(largest, decimals: d).count)
            if hasNonFinite { needed = max(needed, 4) }
            if needed <= maxWidth { return ValueFormat(notation: .fixed(decimals: d), width: max(narrowest, needed)) }
        }
        return ValueFormat(notation: .compact, width: maxWidth)
    }

    /// `value` right-aligned to ``width``; a value that cannot fit shows as `#` marks.
    public func string(_ value: Double) -> String {
        var text: String
        switch notation {
        case let .fixed(decimals): text = Self.fixed(value, decimals: decimals)
        case .compact: text = Self.compact(value)
        }
        if text.count > width { text = String(repeating: "#", count: width) }
        return String(repeating: " ", count: width - text.count) + text
    }

    // MARK: - Single values

    /// The shortest readable form: integers as integers, else four significant digits with
    /// trailing zeros removed, and scientific notation outside 1e-4 ..< 1e7.
    public static func short(_ value: Double, significantDigits: Int = 4) -> String {
        if let special = nonFinite(value) { return special }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if value == value.rounded() && magnitude < 1e7 { return fixed(value, decimals: 0) }
        let exponent = decimalExponent(of: magnitude)
        let digits = max(1, significantDigits)
        if exponent < -4 || exponent >= 7 {
            let mantissa = value / powerOfTen(exponent)
            var text = trimmed(fixed(mantissa, decimals: digits - 1))
            // Rounding can carry the mantissa to 10; renormalise so it reads 1e(n+1).
            if text == "10" || text == "-10" { text = value < 0 ? "-1" : "1"; return text + "e\(exponent + 1)" }
            return text + "e\(exponent)"
        }
        return trimmed(fixed(value, decimals: max(0, digits - 1 - exponent)))
    }

    /// `value` with exactly `decimals` decimals, rounded half away from zero; `-0` never shows.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        if let special = nonFinite(value) { return special }
        let d = max(0, min(decimals, 15))
        let scale = powerOfTen(d)
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9e15 else { return compact(value) }
        let units = Int64(scaled)
        let whole = abs(units) / Int64(scale)
        let fraction = abs(units) % Int64(scale)
        var text = units < 0 ? "-\(whole)" : "\(whole)"
        if d > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: d - digits.count) + digits
        }
        return text
    }

    /// Three significant digits and an SI suffix: `950`, `12.5k`, `1.5M`, `-3G`.
    public static func compact(_ value: Double) -> String {
        if let special = nonFinite(value) { return special }
        let suffixes: [(Double, String)] = [(1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (scale, suffix) in suffixes where abs(value) >= scale * 0.9995 {
            return short(value / scale, significantDigits: 3) + suffix
        }
        return short(value, significantDigits: 3)
    }

    // MARK: - Helpers

    static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    static func powerOfTen(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    /// The n with 10^n ≤ magnitude < 10^(n+1), for a positive finite magnitude. Compares
    /// against ``powerOfTen(_:)`` so exact powers of ten land on their own exponent.
    static func decimalExponent(of magnitude: Double) -> Int {
        var exponent = 0
        while exponent < 330 && magnitude >= powerOfTen(exponent + 1) { exponent += 1 }
        while exponent > -330 && magnitude < powerOfTen(exponent) { exponent -= 1 }
        return exponent
    }

    /// A fixed-notation number without trailing zeros after the point.
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.last == "0" { t.removeLast() }
        if t.last == "." { t.removeLast() }
        return t == "-0" ? "0" : String(t)
    }
}
