import AtrousCore

/// The sum that makes the current output cell, with the real numbers:
/// `y[1,2] = 0.5 + 1·3 + 2·0(pad top) + … (+4 more: :sum) = 7.5`.
///
/// Terms follow the kernel's reading order. A padded tap names its side. With several input
/// channels each term is one tap's sum over the channels, and the line says how many.
/// The sum wraps into the rows the layout gives it; when even those are too few, as many terms
/// as fit are shown and the rest counted, naming `:sum`, which lists every term; the result
/// always shows. Terms that carry a value are shown before zero ones, and the count says when
/// every hidden term is 0 (`… (+6 zeros: :sum)`).
public struct ComputationLine: Widget {
    public var breakdown: TapBreakdown<Double>
    /// Whether to name the output channel in `y[i,j,c]` (several output channels).
    public var showsChannel: Bool
    public var palette: Palette
    /// The layer's activation: with ReLU the line ends `= s → ReLU r`, so the sum and the value
    /// the output shows are both true.
    public var activation: Activation = .none
    /// Words before the sum that say whose it is (`A: `), or nothing.
    public var label = ""

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
        buffer.fill(area)
        for (i, line) in lines(width: area.width, maxLines: area.height).enumerated() {
            var x = area.x
            for segment in line {
                x = buffer.write(segment.text, x: x, y: area.y + i, style: segment.style, clip: area)
            }
        }
    }

    // MARK: - Text

    /// The line as segments fitting `width` characters: ``lines(width:maxLines:)`` on one line.
    func segments(width: Int) -> [Segment] {
        lines(width: width, maxLines: 1).first ?? []
    }

    /// How many lines of `width` characters the whole sum takes.
    public func lineCount(width: Int) -> Int {
        flow(terms, width: width, maxLines: .max)?.count ?? 1
    }

    /// The sum wrapped into at most `maxLines` lines of `width` characters. Continuation
    /// lines are indented under the first term. When not every term fits, as many as fit are
    /// shown and the rest counted, with the key to the whole table; the result always shows.
    func lines(width: Int, maxLines: Int) -> [[Segment]] {
        let terms = self.terms
        let values = termValues
        // Terms that carry a value are kept before zero ones, so the terms shown never all read
        // 0 beside a total that does not; those kept still read in the kernel's order.
        let kept = terms.indices.filter { values[$0] != 0 } + terms.indices.filter { values[$0] == 0 }
        for shown in stride(from: terms.count, through: 0, by: -1) {
            let chosen = kept.prefix(shown).sorted()
            var pieces = chosen.map { terms[$0] }
            if shown < terms.count {
                let hiddenAreZero = kept.dropFirst(shown).allSatisfy { values[$0] == 0 }
                let hidden = terms.count - shown
                let more = "+\(hidden) " + (hiddenAreZero ? (hidden == 1 ? "zero" : "zeros") : "more")
                pieces.append(Segment(text: "… (\(more): :sum)", style: palette.index))
            }
            if let lines = flow(pieces, width: width, maxLines: maxLines) { return lines }
        }
        // Not even the count fits: the result matters most.
        return [Self.cut([Segment(text: head, style: palette.header),
                          Segment(text: resultText, style: palette.header)], to: width)]
    }

    /// The sum, and what a ReLU after the layer makes of it.
    private var resultText: String {
        let sum = breakdown.sum
        return activation == .relu ? ValueFormat.short(sum) + " → ReLU " + ValueFormat.short(max(sum, 0))
            : ValueFormat.short(sum)
    }

    /// `pieces` after the head, joined by ` + ` and followed by ` = result`, broken between
    /// terms into lines of `width`; nil when that takes more than `maxLines` lines.
    private func flow(_ pieces: [Segment], width: Int, maxLines: Int) -> [[Segment]]? {
        let head = Segment(text: head, style: palette.header)
        let indent = head.text.count <= width / 3 ? head.text.count : 2
        let result = Segment(text: " = " + resultText, style: palette.header)
        var lines: [[Segment]] = [[head]]
        var used = head.text.count
        for (i, piece) in pieces.enumerated() {
            let plus = i > 0 ? Segment(text: " + ", style: palette.value) : nil
            var addition = (plus.map { [$0] } ?? []) + [piece]
            if i == pieces.count - 1 { addition.append(result) }
            let length = Self.length(addition)
            if used + length > width && used > indent {
                // Break before the term: its `+` leads the next line.
                guard lines.count < maxLines else { return nil }
                addition = [Segment(text: String(repeating: " ", count: max(0, indent - 2)) + "+ ", style: palette.value),
                            piece] + (i == pieces.count - 1 ? [result] : [])
                lines.append([])
                used = 0
            }
            lines[lines.count - 1] += addition
            used += Self.length(addition)
            if used > width { return nil }
        }
        if pieces.isEmpty {
            lines[0].append(result)
            if Self.length(lines[0]) > width { return nil }
        }
        return lines
    }

    /// `y[i,j] = `, with the channel count for multi-channel inputs.
    var head: String {
        let index = showsChannel ? "\(breakdown.outputRow),\(breakdown.outputColumn),\(breakdown.outputChannel)"
            : "\(breakdown.outputRow),\(breakdown.outputColumn)"
        let channels = inputChannels > 1 ? " (Σ \(inputChannels) ch per tap)" : ""
        return "\(label)y[\(index)]\(channels) = "
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

    /// What each of ``terms`` adds to the sum, in the same order: the bias (when shown), then
    /// each tap's product summed over its channels.
    var termValues: [Double] {
        let channels = inputChannels
        let taps = breakdown.taps
        let products = stride(from: 0, to: taps.count, by: channels).map { start in
            taps[start..<min(taps.count, start + channels)].reduce(0) { $0 + $1.product }
        }
        return (breakdown.bias != 0 ? [breakdown.bias] : []) + products
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
