import AtrousCore
import AtrousExplorer

/// The whole explorer screen drawn from plain values: every panel placed by ``ScreenLayout``.
///
/// This is the composition `render(state, size)` needs; the state only has to supply the values.
/// On a terminal below the minimum size it draws ``TooSmallMessage`` alone. Impossible
/// parameters (no geometry, no output) still show the input, unpadded, and the kernel, with
/// the reason in place of the output.
public struct ExplorerScreen: Widget {
    public var input: AnyTensor
    /// What the input panel calls its map: `Input`, or the layer output a stacked layer reads.
    public var inputName = "Input"
    /// The range and decimals of the input and output channels shown, when known (the state
    /// keeps them), so a frame does not read the whole maps again.
    public var inputSummary: MapSummary?
    public var outputSummary: MapSummary?
    /// The layer's activation, which the computation line applies after the sum.
    public var activation: Activation = .none
    public var kernel: Tensor<Double>
    /// The layer as set, possible or not.
    public var layer: LayerSpec
    /// The resolved geometry and the output, or nil when the parameters are impossible.
    public var geometry: ConvolutionGeometry?
    public var output: AnyTensor?
    /// Why the parameters are impossible, shown where the output would be.
    public var problem: String?
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
    /// Whether the status line shows that `:record` is recording.
    public var isRecording = false
    public var message: ExplorerMessage?
    /// The open `:` command line, drawn in place of the message; nil when closed.
    public var commandLine: CommandLineText?
    public var hints: [KeyHint]
    /// The help rows while help is open, else nil.
    public var help: [HelpEntry]?
    public var helpScroll: Int
    /// The help overlay's title: its page.
    public var helpTitle: String
    /// The title of the keys page, which truncates rather than wraps in one column.
    public static let keysTitle = "Keys"
    /// The receptive-field view while it is on, else nil.
    public var extra: (any Widget & Sendable)?
    /// The pinned A against B while one is pinned and the receptive-field view is off; B's
    /// computation line then reads `B: y[…] = …`.
    public var comparison: PinnedComparisonPanel?
    /// A menu drawn over the panels, as the help is, while it is open (the export menu).
    public var overlay: (any Widget & Sendable)?
    /// The layers overview, drawn over the panels only, while it is on; nil otherwise.
    public var layersOverview: (any Widget & Sendable)?
    public var palette: Palette

    public init(input: AnyTensor, kernel: Tensor<Double>, layer: LayerSpec, geometry: ConvolutionGeometry?,
                output: AnyTensor?, problem: String? = nil, breakdown: TapBreakdown<Double>? = nil,
                inputChannel: Int = 0, outputChannel: Int = 0, batch: Int = 0, selectedInput: GridPosition? = nil,
                reached: Set<GridPosition> = [], selectedWeight: GridPosition? = nil, isPlaying: Bool = false,
                speed: Double = 2, message: ExplorerMessage? = nil, commandLine: CommandLineText? = nil,
                hints: [KeyHint] = [], help: [HelpEntry]? = nil, helpScroll: Int = 0, helpTitle: String = keysTitle,
                extra: (any Widget & Sendable)? = nil, overlay: (any Widget & Sendable)? = nil,
                palette: Palette) {
        self.input = input
        self.kernel = kernel
        self.layer = layer
        self.geometry = geometry
        self.output = output
        self.problem = problem
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
        self.commandLine = commandLine
        self.hints = hints
        self.help = help
        self.helpScroll = helpScroll
        self.helpTitle = helpTitle
        self.extra = extra
        self.overlay = overlay
        self.palette = palette
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        switch layout(size: area.size) {
        case let .tooSmall(size, minimum):
            buffer.render(TooSmallMessage(size: size, minimum: minimum, palette: palette), in: area)
        case let .explorer(layout):
            draw(layout.offset(by: area), into: &buffer)
        }
    }

    /// What a click at screen point (`x`, `y`) lands on when the screen fills a terminal of
    /// `size`: an input cell (padding included), a kernel weight, or an output cell.
    public func hit(x: Int, y: Int, size: Size) -> ScreenHit? {
        guard case let .explorer(layout) = layout(size: size), help == nil,
              overlay == nil, layersOverview == nil else {
            return nil
        }
        if let cell = inputPanel(layout)?.position(x: x, y: y, in: layout.input) { return .input(cell) }
        if let weight = kernelPanel(layout).position(x: x, y: y, in: layout.kernel) { return .kernel(weight) }
        if let cell = outputPanel(layout)?.position(x: x, y: y, in: layout.output) { return .output(cell) }
        if let cell = shownComparison?.position(x: x, y: y, in: layout.extra) { return .output(cell) }
        return nil
    }

    /// The layout for a terminal of `size`, given what each panel asks for.
    func layout(size: Size) -> ScreenLayout {
        let probe = ExplorerLayout(size: size, showsExtras: false)
        var needs = PanelNeeds(input: inputPanel(probe)?.preferredSize(maxValueWidth: probe.valueWidth) ?? Size(width: 0, height: 0),
                               kernel: kernelPanel(probe).preferredSize(),
                               output: outputPanel(probe)?.preferredSize() ?? Size(width: 0, height: 0),
                               computationLines: computationLine?.lineCount(width: size.width) ?? 1)
        // The kernel's height depends on the width it got: a footprint that does not fit
        // beside the weights goes below them.
        let comparisonRows = shownComparison?.preferredHeight(width: size.width) ?? 0
        if case let .explorer(widths) = ScreenLayout(size: size, showsExtras: extra != nil,
                                                      comparisonRows: comparisonRows, needs: needs) {
            needs.kernel.height = kernelPanel(widths).preferredHeight(width: widths.kernel.width)
        }
        return ScreenLayout(size: size, showsExtras: extra != nil, comparisonRows: comparisonRows, needs: needs)
    }

    var computationLine: ComputationLine? {
        breakdown.map { breakdown in
            let outputChannels = (try? KernelShape(shape: kernel.shape).outputChannels) ?? 1
            var line = ComputationLine(breakdown: breakdown, showsChannel: outputChannels > 1, palette: palette)
            line.activation = activation
            if shownComparison != nil { line.label = "B: " }
            return line
        }
    }

    /// The comparison when it is drawn: the receptive-field view, when on, comes first.
    private var shownComparison: PinnedComparisonPanel? { extra == nil ? comparison : nil }

    private var current: GridPosition? {
        breakdown.map { GridPosition(row: $0.outputRow, column: $0.outputColumn) }
    }

    /// The geometry the input panel draws with: the layer's, or with impossible parameters the
    /// input alone, no padding around it.
    private var inputGeometry: ConvolutionGeometry? {
        if let geometry { return geometry }
        guard let shape = try? FeatureMapShape(shape: input.shape) else { return nil }
        return try? ConvolutionGeometry(inputSize: shape.spatial, spec: LayerSpec(kernelSize: Pair(square: 1), fill: layer.fill))
    }

    func inputPanel(_ layout: ExplorerLayout) -> InputPanel? {
        inputGeometry.map { geometry in
            InputPanel(input: input, geometry: geometry, taps: breakdown, channel: inputChannel, batch: batch,
                       selection: selectedInput, palette: palette, maxValueWidth: layout.valueWidth, name: inputName,
                       summary: inputSummary)
        }
    }

    func kernelPanel(_ layout: ExplorerLayout) -> KernelPanel {
        KernelPanel(kernel: kernel, rate: layer.rate, inputChannel: inputChannel, outputChannel: outputChannel,
                    selection: selectedWeight, palette: palette, maxValueWidth: layout.valueWidth)
    }

    func outputPanel(_ layout: ExplorerLayout) -> OutputPanel? {
        output.map { output in
            OutputPanel(output: output, channel: outputChannel, batch: batch, current: current, reached: reached,
                        // While compared, B's heat map is the comparison's, on the scale it shares with A.
                        mode: layout.showsOutputHeat && shownComparison == nil ? .both : .values, palette: palette,
                        maxValueWidth: layout.valueWidth,
                        summary: outputSummary)
        }
    }

    private func draw(_ layout: ExplorerLayout, into buffer: inout CellBuffer) {
        if let inputPanel = inputPanel(layout) { buffer.render(inputPanel, in: layout.input) }
        buffer.render(kernelPanel(layout), in: layout.kernel)
        if let outputPanel = outputPanel(layout) {
            buffer.render(outputPanel, in: layout.output)
        } else {
            buffer.render(NoOutputPanel(reason: problem ?? "The parameters are impossible.", palette: palette),
                          in: layout.output)
        }
        if let extra {
            buffer.render(extra, in: layout.extra)
        } else if let shownComparison {
            buffer.render(shownComparison, in: layout.extra)
        }
        if let layersOverview {
            // Over the panels, under the computation line: the keys that change a layer stay in sight.
            let area = helpArea(layout).splitTop(max(layout.computation.y - helpArea(layout).y, 0)).0
            buffer.fill(area)
            buffer.render(layersOverview, in: area)
        }
        if let computationLine { buffer.render(computationLine, in: layout.computation) }
        if !layout.legend.isEmpty { buffer.render(legend(layout), in: layout.legend) }
        let outputSize = geometry?.outputSize ?? Pair(square: 0)
        let position = current.map { $0.row * outputSize.width + $0.column + 1 } ?? 0
        buffer.render(StatusLine(spec: layer, geometry: geometry, inputShape: input.shape, outputShape: output?.shape,
                                 position: position, count: outputSize.height * outputSize.width,
                                 isPlaying: isPlaying, speed: speed, isRecording: isRecording, palette: palette),
                      in: layout.status)
        if let commandLine {
            buffer.render(CommandLinePrompt(line: commandLine, palette: palette), in: layout.message)
        } else {
            buffer.render(MessageLine(message: message, palette: palette), in: layout.message)
        }
        buffer.render(Footer(hints: hints, palette: palette), in: layout.footer)
        // A modal box hides the panels around it too, so no stray digit reads as part of it.
        if let help {
            buffer.fill(helpArea(layout))
            buffer.render(HelpOverlay(entries: help, title: helpTitle, scroll: helpScroll,
                                      wrapsAlways: helpTitle != Self.keysTitle, palette: palette), in: helpArea(layout))
        }
        if let overlay {
            buffer.fill(helpArea(layout))
            buffer.render(overlay, in: helpArea(layout))
        }
    }
}

extension ExplorerScreen {
    /// The legend for what `layout` shows: the marks in use and a scale per heat map.
    func legend(_ layout: ExplorerLayout) -> Legend {
        var heatMaps: [Legend.HeatMap] = []
        var arrows = false
        if let input = inputPanel(layout), !layout.input.isEmpty {
            let placement = input.placement(in: layout.input)
            arrows = arrows || !ScrollMarker.arrows([placement.grid]).isEmpty
            if placement.grid.cellWidth <= input.labelWidth {
                heatMaps.append(Legend.HeatMap(name: "input", range: placement.plane.range))
            }
        }
        if let output = outputPanel(layout), !layout.output.isEmpty {
            let plane = output.plane
            let parts = output.parts(plane, in: layout.output)
            arrows = arrows || !ScrollMarker.arrows(parts.map(\.grid)).isEmpty
            if parts.contains(where: \.isHeat) {
                heatMaps.append(Legend.HeatMap(name: "output", range: plane.range))
            }
        }
        let weights = kernelPanel(layout).placement(in: layout.kernel).weightsGrid
        arrows = arrows || !ScrollMarker.arrows([weights]).isEmpty
        return Legend(palette: palette, showsPaddingTap: breakdown?.taps.contains { $0.source.isPadding } ?? false,
                      showsReach: selectedInput != nil, showsScrollArrows: arrows, heatMaps: heatMaps)
    }

    /// Where the help and menus are drawn: from the panels' top down to the footer, which
    /// keeps showing the keys that close them.
    fileprivate func helpArea(_ layout: ExplorerLayout) -> Rect {
        let top = min(layout.input.y, layout.extra.isEmpty ? layout.input.y : layout.extra.y)
        return Rect(x: layout.footer.x, y: top, width: layout.footer.width, height: layout.footer.y - top)
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
                              computation: move(computation), legend: move(legend), status: move(status),
                              message: move(message),
                              footer: move(footer), valueWidth: valueWidth, showsOutputHeat: showsOutputHeat)
    }
}
