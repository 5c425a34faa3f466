import AtrousCore
import AtrousExplorer

/// The whole explorer screen drawn from plain values: every panel placed by ``ScreenLayout``.
///
/// This is the composition `render(state, size)` needs; the state only has to supply the values.
/// On a terminal below the minimum size it draws ``TooSmallMessage`` alone.
public struct ExplorerScreen: Widget {
    public var input: Tensor<Double>
    public var kernel: Tensor<Double>
    public var output: Tensor<Double>
    public var geometry: ConvolutionGeometry
    /// The current output cell's sum, or nil when none is chosen.
    public var breakdown: TapBreakdown<Double>?
    public var inputChannel: Int
    public var outputChannel: Int
    public var batch: Int
    /// The input cell the user picked, and the output cells it reaches.
    public var selectedInput: GridPosition?
    public var reached: Set<GridPosition>
    /// The kernel weight being edited, or nil.
    public var selectedWeight: GridPosition?
    public var isPlaying: Bool
    public var speed: Double
    public var message: Message?
    public var hints: [KeyHint]
    /// The help rows while help is open, else nil.
    public var help: [HelpEntry]?
    public var helpScroll: Int
    /// The receptive-field view while it is on, else nil.
    public var extra: (any Widget & Sendable)?
    public var palette: Palette

    public init(input: Tensor<Double>, kernel: Tensor<Double>, output: Tensor<Double>,
                geometry: ConvolutionGeometry, breakdown: TapBreakdown<Double>? = nil, inputChannel: Int = 0,
                outputChannel: Int = 0, batch: Int = 0, selectedInput: GridPosition? = nil,
                reached: Set<GridPosition> = [], selectedWeight: GridPosition? = nil, isPlaying: Bool = false,
                speed: Double = 2, message: Message? = nil, hints: [KeyHint] = [], help: [HelpEntry]? = nil,
                helpScroll: Int = 0, extra: (any Widget & Sendable)? = nil, palette: Palette) {
        self.input = input
        self.kernel = kernel
        self.output = output
        self.geometry = geometry
        self.breakdown = breakdown
        self.inputChannel = inputChannel
        self.outputChannel = outputChannel
        self.batch = batch
        self.selectedInput = selectedInput
        self.reached = reached
        self.selectedWeight = selectedWeight
        self.isPlaying = isPlaying
        self.speed = speed
        self.message = message
        self.hints = hints
        self.help = help
        self.helpScroll = helpScroll
        self.extra = extra
        self.palette = palette
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        switch ScreenLayout(size: area.size, showsExtras: extra != nil) {
        case let .tooSmall(size, minimum):
            buffer.render(TooSmallMessage(size: size, minimum: minimum, palette: palette), in: area)
        case let .explorer(layout):
            draw(layout.offset(by: area), into: &buffer)
        }
    }

    /// What a click at screen point (`x`, `y`) lands on when the screen fills a terminal of
    /// `size`: an input cell (padding included), a kernel weight, or an output cell.
    public func hit(x: Int, y: Int, size: Size) -> ScreenHit? {
        guard case let .explorer(layout) = ScreenLayout(size: size, showsExtras: extra != nil), help == nil else {
            return nil
        }
        if let cell = inputPanel(layout).position(x: x, y: y, in: layout.input) { return .input(cell) }
        if let weight = kernelPanel(layout).position(x: x, y: y, in: layout.kernel) { return .kernel(weight) }
        if let cell = outputPanel(layout).position(x: x, y: y, in: layout.output) { return .output(cell) }
        return nil
    }

    private var current: GridPosition? {
        breakdown.map { GridPosition(row: $0.outputRow, column: $0.outputColumn) }
    }

    private func inputPanel(_ layout: ExplorerLayout) -> InputPanel {
        InputPanel(input: input, geometry: geometry, taps: breakdown, channel: inputChannel, batch: batch,
                   selection: selectedInput, palette: palette, maxValueWidth: layout.valueWidth)
    }

    private func kernelPanel(_ layout: ExplorerLayout) -> KernelPanel {
        KernelPanel(kernel: kernel, rate: geometry.spec.rate, inputChannel: inputChannel, outputChannel: outputChannel,
                    selection: selectedWeight, palette: palette, maxValueWidth: layout.valueWidth)
    }

    private func outputPanel(_ layout: ExplorerLayout) -> OutputPanel {
        OutputPanel(output: output, channel: outputChannel, batch: batch, current: current, reached: reached,
                    mode: layout.showsOutputHeat ? .both : .values, palette: palette, maxValueWidth: layout.valueWidth)
    }

    private func draw(_ layout: ExplorerLayout, into buffer: inout CellBuffer) {
        buffer.render(inputPanel(layout), in: layout.input)
        buffer.render(kernelPanel(layout), in: layout.kernel)
        buffer.render(outputPanel(layout), in: layout.output)
        if let extra { buffer.render(extra, in: layout.extra) }
        if let breakdown {
            let outputChannels = (try? KernelShape(shape: kernel.shape).outputChannels) ?? 1
            buffer.render(ComputationLine(breakdown: breakdown, showsChannel: outputChannels > 1, palette: palette),
                          in: layout.computation)
        }
        let outputSize = geometry.outputSize
        let position = current.map { $0.row * outputSize.width + $0.column + 1 } ?? 0
        buffer.render(StatusLine(geometry: geometry, inputShape: input.shape, outputShape: output.shape,
                                 position: position, count: outputSize.height * outputSize.width,
                                 isPlaying: isPlaying, speed: speed, palette: palette), in: layout.status)
        buffer.render(MessageLine(message: message, palette: palette), in: layout.message)
        buffer.render(Footer(hints: hints, palette: palette), in: layout.footer)
        if let help {
            buffer.render(HelpOverlay(entries: help, scroll: helpScroll, palette: palette),
                          in: Rect(x: layout.input.x, y: layout.input.y, width: layout.footer.width,
                                   height: layout.footer.maxY - layout.input.y))
        }
    }
}

/// Where a mouse click landed on the explorer screen.
public enum ScreenHit: Sendable, Hashable {
    /// An input cell, relative to the unpadded input (negative or past the end in the padding).
    case input(GridPosition)
    /// A kernel weight by kernel row and column.
    case kernel(GridPosition)
    case output(GridPosition)
}

extension ExplorerLayout {
    /// The layout moved so its origin is `area`'s origin.
    func offset(by area: Rect) -> ExplorerLayout {
        guard area.x != 0 || area.y != 0 else { return self }
        func move(_ r: Rect) -> Rect { Rect(x: r.x + area.x, y: r.y + area.y, width: r.width, height: r.height) }
        return ExplorerLayout(input: move(input), kernel: move(kernel), output: move(output), extra: move(extra),
                              computation: move(computation), status: move(status), message: move(message),
                              footer: move(footer), valueWidth: valueWidth, showsOutputHeat: showsOutputHeat)
    }
}
