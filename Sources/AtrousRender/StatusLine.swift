import AtrousCore

/// The one-line summary of the layer and the walk: rate, kernel, stride, padding with its pads
/// per side, fill, shapes in → out, position n/N, play state and speed, and the help key.
///
/// When the line is too narrow, items first switch to short forms, then the least useful
/// ones drop, so the rate and the position stay longest. `? help` stays at the right edge.
public struct StatusLine: Widget {
    public var geometry: ConvolutionGeometry
    /// The shapes of the input and output arrays as stored.
    public var inputShape: [Int]
    public var outputShape: [Int]
    /// The current cell's place in the walk, 1-based, of `count`.
    public var position: Int
    public var count: Int
    public var isPlaying: Bool
    /// Steps per second during play.
    public var speed: Double
    public var palette: Palette

    public init(geometry: ConvolutionGeometry, inputShape: [Int], outputShape: [Int], position: Int, count: Int,
                isPlaying: Bool = false, speed: Double = 2, palette: Palette) {
        self.geometry = geometry
        self.inputShape = inputShape
        self.outputShape = outputShape
        self.position = position
        self.count = count
        self.isPlaying = isPlaying
        self.speed = speed
        self.palette = palette
    }

    static let help = "? help"

    /// One item of the line in its long and short forms; higher `keep` drops later.
    struct Item: Equatable {
        let long: String
        let short: String
        let keep: Int
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, with: Cell(" ", style: palette.status))
        let help = Self.help.count + 1 <= area.width ? Self.help : ""
        // One blank before the items and one between them and the help key.
        let room = area.width - 1 - (help.isEmpty ? 0 : help.count + 1)
        buffer.write(" " + text(width: room), x: area.x, y: area.y, style: palette.status, clip: row)
        buffer.write(help, x: area.maxX - help.count, y: area.y, style: palette.status.overlaid(by: Style(bold: true)),
                     clip: row)
    }

    /// The items that fit `width` characters, joined: the least useful items switch to their
    /// short forms one by one, then drop one by one.
    func text(width: Int) -> String {
        var items = self.items.map { (item: $0, isShort: false) }
        let order = items.indices.sorted { items[$0].item.keep < items[$1].item.keep }
        func joined() -> String? {
            let parts = items.map { $0.isShort ? $0.item.short : $0.item.long }
            for separator in ["  ", " "] where parts.joined(separator: separator).count <= width {
                return parts.joined(separator: separator)
            }
            return nil
        }
        if let text = joined() { return text }
        for index in order {
            items[index].isShort = true
            if let text = joined() { return text }
        }
        for item in order.map({ self.items[$0] }) {
            items.removeAll { $0.item == item }
            if let text = joined() { return text }
        }
        return ""
    }

    /// Every item in display order.
    var items: [Item] {
        let spec = geometry.spec
        let (t, b, l, r) = geometry.pads
        let mode = if case .explicit = spec.padding { "pad" } else { "pad \(spec.padding)" }
        let shortMode = if case .explicit = spec.padding { "" } else { "\(spec.padding) " }
        let speedText = ValueFormat.short(speed) + "/s"
        return [
            Item(long: "rate \(spec.rate)", short: "r\(spec.rate)", keep: 8),
            Item(long: "kernel \(spec.kernelSize.height)x\(spec.kernelSize.width)",
                 short: "k\(spec.kernelSize.height)x\(spec.kernelSize.width)", keep: 6),
            Item(long: "stride \(spec.stride)", short: "s\(spec.stride)", keep: 5),
            Item(long: "\(mode) t\(t) b\(b) l\(l) r\(r)", short: "\(shortMode)\(t),\(b),\(l),\(r)", keep: 7),
            Item(long: "fill \(spec.fill)", short: "\(spec.fill)", keep: 2),
            Item(long: "\(Self.shape(inputShape)) → \(Self.shape(outputShape))",
                 short: "\(Self.shape(inputShape))→\(Self.shape(outputShape))", keep: 3),
            Item(long: "cell \(position)/\(count)", short: "\(position)/\(count)", keep: 9),
            Item(long: isPlaying ? "▶ \(speedText)" : "paused \(speedText)",
                 short: isPlaying ? "▶\(speedText)" : "paused", keep: 4),
        ]
    }

    /// `5x5`, `5x5x3`, `2x5x5x3`: the array's shape as stored.
    static func shape(_ dimensions: [Int]) -> String {
        dimensions.map(String.init).joined(separator: "x")
    }
}
