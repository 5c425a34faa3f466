import AtrousCore

/// The sum that makes the current output cell, with the real numbers:
/// `y[1,2] = 0.5 + 1·3 + 2·0(pad top) + … (+4 more) = 7.5`.
///
/// Terms follow the kernel's reading order. A padded tap names its side. With several input
/// channels each term is one tap's sum over the channels, and the line says how many.
/// When the line is too long, as many terms as fit are shown and the rest counted; the result
/// always shows.
public struct ComputationLine: Widget {
    public var breakdown: TapBreakdown<Double>
    /// Whether to name the output channel in `y[i,j,c]` (several output channels).
    public var showsChannel: Bool
    public var palette: Palette
    /// The layer's activation: with ReLU the line ends `= s → ReLU r`, so the sum and the value
    /// the output shows are both true.
    public var activation: Activation = .none

    public init(breakdown: TapBreakdown<Double>, showsChannel: Bool = false, palette: Palette) {
        self.breakdown = breakdown
        self.showsChannel = showsChannel
        self.palette = palette
    }

    /// A piece of the line and how it is drawn.
    struct Segment: Equatable {
        var text: String
        var style: Style
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1))
        var x = area.x
        for segment in segments(width: area.width) {
            x = buffer.write(segment.text, x: x, y: area.y, style: segment.style, clip: area)
        }
    }

    // MARK: - Text

    /// The line as segments fitting `width` characters.
    func segments(width: Int) -> [Segment] {
        let head = Segment(text: head, style: palette.header)
        let sum = breakdown.sum
        let value = activation == .relu ? ValueFormat.short(sum) + " → ReLU " + ValueFormat.short(sum < 0 ? 0 : sum)
            : ValueFormat.short(sum)
        let result = Segment(text: " = " + value, style: palette.header)
        let terms = self.terms
        for shown in stride(from: terms.count, through: 0, by: -1) {
            var pieces = [head]
            for (i, term) in terms.prefix(shown).enumerated() {
                if i > 0 { pieces.append(Segment(text: " + ", style: palette.value)) }
                pieces.append(term)
            }
            if shown < terms.count {
                pieces.append(Segment(text: (shown > 0 ? " + " : "") + "… (+\(terms.count - shown) more)",
                                      style: palette.index))
            }
            pieces.append(result)
            if Self.length(pieces) <= width { return pieces }
        }
        // Not even the count fits: the result matters most.
        return Self.cut([head, Segment(text: value, style: palette.header)], to: width)
    }

    /// `y[i,j] = `, with the channel count for multi-channel inputs.
    var head: String {
        let index = showsChannel ? "\(breakdown.outputRow),\(breakdown.outputColumn),\(breakdown.outputChannel)"
            : "\(breakdown.outputRow),\(breakdown.outputColumn)"
        let channels = inputChannels > 1 ? " (Σ \(inputChannels) ch per tap)" : ""
        return "y[\(index)]\(channels) = "
    }

    /// How many input channels each tap sums over.
    var inputChannels: Int { (breakdown.taps.map(\.inputChannel).max() ?? 0) + 1 }

    /// The bias (when not zero), then one term per tap: `w·x`, or with several channels the
    /// tap's sum over them; padded taps name their side.
    var terms: [Segment] {
        var terms: [Segment] = []
        if breakdown.bias != 0 { terms.append(Segment(text: ValueFormat.short(breakdown.bias), style: palette.value)) }
        let taps = breakdown.taps
        let channels = inputChannels
        // The breakdown lists each tap's channels together, in kernel reading order.
        for start in stride(from: 0, to: taps.count, by: channels) {
            let group = taps[start..<min(taps.count, start + channels)]
            guard let tap = group.first else { continue }
            var text = channels > 1 ? ValueFormat.short(group.reduce(0) { $0 + $1.product })
                : ValueFormat.short(tap.weight) + "·" + ValueFormat.short(tap.value)
            if case let .padding(sides, _, _) = tap.source {
                text += "(pad " + sides.map(\.rawValue).joined(separator: "-") + ")"
                terms.append(Segment(text: text, style: palette.padding))
            } else {
                terms.append(Segment(text: text, style: palette.value))
            }
        }
        return terms
    }

    private static func length(_ segments: [Segment]) -> Int {
        segments.reduce(0) { $0 + $1.text.count }
    }

    /// The segments cut at `width` characters, ending in `…` where cut.
    private static func cut(_ segments: [Segment], to width: Int) -> [Segment] {
        guard length(segments) > width else { return segments }
        var room = width
        var fitted: [Segment] = []
        for segment in segments where room > 0 {
            let text = segment.text.count < room ? segment.text : String(segment.text.prefix(room - 1)) + "…"
            fitted.append(Segment(text: text, style: segment.style))
            room -= text.count
        }
        return fitted
    }
}
