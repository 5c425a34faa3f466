import AtrousExplorer

/// How values are read onto a heat map: around zero for signed data, from zero for the rest.
public enum HeatScale: Sendable, Hashable {
    /// Signed data: −limit is the deepest blue, 0 white, +limit the deepest red.
    case diverging(limit: Double)
    /// Non-negative data: 0 is blank, `limit` the strongest level.
    case sequential(limit: Double)

    /// The scale that fits `values`: diverging as soon as one is negative, else sequential.
    /// Non-finite values are ignored.
    public init<Values: Sequence<Double>>(fitting values: Values) {
        self.init(range: FiniteRange(of: values))
    }

    /// The scale for values whose range is already known.
    init(range: FiniteRange) {
        // Zero is always on the scale: a map of small positive values is sequential from 0.
        let smallest = min(0, range.smallest), largest = max(0, range.largest)
        self = smallest < 0 ? .diverging(limit: max(-smallest, largest)) : .sequential(limit: largest)
    }

    /// The step of `value` on a ramp of `steps` levels either side of zero (diverging) or above
    /// it (sequential): 0 only for an exact zero, so a small value never looks like a hole;
    /// negative steps for negative values. Nil for NaN.
    public func step(of value: Double, steps: Int) -> Int? {
        guard !value.isNaN, steps > 0 else { return nil }
        let limit: Double
        switch self {
        case let .diverging(l): limit = l
        case let .sequential(l): limit = l
        }
        if value == 0 { return 0 }
        let ratio = limit > 0 ? min(abs(value) / limit, 1) : 1
        let magnitude = max(1, min(steps, Int((ratio * Double(steps)).rounded(.up))))
        if case .sequential = self, value < 0 { return 0 }
        return value < 0 ? -magnitude : magnitude
    }
}

/// The cells of a heat map: background colours from 256-colour ramps, or shade characters
/// when there is no colour.
public struct HeatPalette: Sendable, Hashable {
    public let colors: Bool

    public init(colors: Bool) { self.colors = colors }

    /// Blue to white to red through the 6×6×6 colour cube, strongest blue first.
    public static let divergingRamp: [UInt8] = [21, 63, 105, 147, 189, 231, 224, 217, 210, 203, 196]
    /// Dark to light through purple, red, orange and yellow, like matplotlib's inferno;
    /// the first entry is zero.
    public static let sequentialRamp: [UInt8] = [234, 54, 90, 126, 167, 208, 215, 220, 227, 230]
    /// Positive (or non-negative) magnitudes in monochrome, zero first.
    public static let shades: [Character] = [" ", "░", "▒", "▓", "█"]
    /// Negative magnitudes in monochrome, so sign survives without colour.
    public static let negativeShades: [Character] = [" ", "-", "=", "≡", "■"]

    /// The cell that stands for `value` on `scale`: a coloured blank, or a shade character.
    /// NaN shows as `?` in either palette.
    public func cell(for value: Double, scale: HeatScale) -> Cell {
        if colors {
            guard let color = background(for: value, scale: scale) else { return Cell("?") }
            return Cell(" ", style: Style(background: color))
        }
        let steps = Self.shades.count - 1
        guard let step = scale.step(of: value, steps: steps) else { return Cell("?") }
        return Cell(step < 0 ? Self.negativeShades[-step] : Self.shades[step])
    }

    /// The background colour of `value` on `scale`, nil for NaN.
    public func background(for value: Double, scale: HeatScale) -> Color? {
        switch scale {
        case .diverging:
            let half = Self.divergingRamp.count / 2
            guard let step = scale.step(of: value, steps: half) else { return nil }
            return .indexed(Self.divergingRamp[half + step])
        case .sequential:
            guard let step = scale.step(of: value, steps: Self.sequentialRamp.count - 1) else { return nil }
            return .indexed(Self.sequentialRamp[step])
        }
    }

    /// A style for text written over the heat colour of `value`: black on light colours,
    /// white on dark ones. Without colours, plain.
    public func textStyle(for value: Double, scale: HeatScale) -> Style {
        guard colors, let background = background(for: value, scale: scale) else { return .plain }
        let foreground: Color = background.luminance > 0.5 ? .indexed(16) : .indexed(231)
        return Style(foreground: foreground, background: background)
    }
}
