import AtrousCore

/// The one-line summary of the layer and the walk: rate, kernel, stride, padding with its pads
/// per side, fill, shapes in → out, position n/N, play state and speed, and the help key.
///
/// When the line is too narrow, items first switch to short forms, then the least useful
/// ones drop, so the rate and the position stay longest. `? help` stays at the right edge.
/// When the parameters are impossible there are no pads, output or position to show, and
/// the line says so where they would be.
public struct StatusLine: Widget {
    /// The layer as set, possible or not.
    public var spec: LayerSpec
    /// The resolved geometry, or nil when the parameters are impossible.
    public var geometry: ConvolutionGeometry?
    /// The shapes of the input and output arrays as stored (see ``shape(_:)`` for how they
    /// show); no output when impossible.
    public var inputShape: [Int]
    public var outputShape: [Int]?
    /// The current cell's place in the walk, 1-based, of `count`.
    public var position: Int
    public var count: Int
    public var isPlaying: Bool
    /// Steps per second during play.
    public var speed: Double
    /// Whether `:record` is recording: the line then starts with `● REC`, kept to the last.
    public var isRecording = false
    public var palette: Palette

    public init(spec: LayerSpec, geometry: ConvolutionGeometry?, inputShape: [Int], outputShape: [Int]?,
                position: Int, count: Int, isPlaying: Bool = false, speed: Double = 2, isRecording: Bool = false,
                palette: Palette) {
        self.spec = spec
        self.geometry = geometry
        self.inputShape = inputShape
        self.outputShape = outputShape
        self.position = position
        self.count = count
        self.isPlaying = isPlaying
        self.speed = speed
        self.isRecording = isRecording
        self.palette = palette
    }

    /// The line of a possible layer, whose spec the geometry carries.
    public init(geometry: ConvolutionGeometry, inputShape: [Int], outputShape: [Int], position: Int, count: Int,
                isPlaying: Bool = false, speed: Double = 2, palette: Palette) {
        self.init(spec: geometry.spec, geometry: geometry, inputShape: inputShape, outputShape: outputShape,
                  position: position, count: count, isPlaying: isPlaying, speed: speed, palette: palette)
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

    /// Every item in display order. Impossible parameters have no pads, output or position:
    /// the padding shows as set and the position item says `impossible`.
    var items: [Item] {
        let speedText = ValueFormat.short(speed) + "/s"
        let size = "\(spec.kernelSize.height)x\(spec.kernelSize.width)"
        let rate = Item(long: "rate \(spec.rate)", short: "r\(spec.rate)", keep: 8)
        let kernel = Item(long: "kernel \(size)", short: "k\(size)", keep: 6)
        let stride = Item(long: "stride \(spec.stride)", short: "s\(spec.stride)", keep: 5)
        let fill = Item(long: "fill \(spec.fill)", short: "\(spec.fill)", keep: 2)
        let play = Item(long: isPlaying ? "▶ \(speedText)" : "paused \(speedText)",
                        short: isPlaying ? "▶\(speedText)" : "paused", keep: 4)
        let input = Self.shape(inputShape)
        let recording = isRecording ? [Item(long: "● REC", short: "●", keep: 10)] : []
        guard let geometry, let outputShape else {
            return recording + [rate, kernel, stride, Item(long: "pad \(spec.padding)", short: "\(spec.padding)", keep: 7), fill,
                    Item(long: "\(input) → no output", short: "\(input)→none", keep: 3),
                    Item(long: "impossible", short: "impossible", keep: 9), play]
        }
        let (t, b, l, r) = geometry.pads
        let mode = if case .explicit = spec.padding { "pad" } else { "pad \(spec.padding)" }
        let shortMode = if case .explicit = spec.padding { "" } else { "\(spec.padding) " }
        let output = Self.shape(outputShape)
        return recording + [
            rate, kernel, stride,
            Item(long: "\(mode) t\(t) b\(b) l\(l) r\(r)", short: "\(shortMode)\(t),\(b),\(l),\(r)", keep: 7),
            fill,
            Item(long: "\(input) → \(output)", short: "\(input)→\(output)", keep: 3),
            Item(long: "cell \(position)/\(count)", short: "\(position)/\(count)", keep: 9),
            play,
        ]
    }

    /// `9x9`, `9x9x3`, `2x9x9x3`: the array's shape with a batch of one and a single channel
    /// left out, as a reader names a feature map; other shapes as stored.
    static func shape(_ dimensions: [Int]) -> String {
        var shown = dimensions
        if shown.count == 4, shown[0] == 1 { shown.removeFirst() }
        if shown.count == 3, shown[2] == 1 { shown.removeLast() }
        return shown.map(String.init).joined(separator: "x")
    }
}
