import AtrousCore
import AtrousExplorer

/// The explorer's screen on a model (`atrous explore --model`): a status line naming the model,
/// node and chosen cell; the model's receptive-field panel over the whole body; the message
/// line (or the command line); the footer's keys. The help overlay covers the body as it does
/// on the convolution's screen.
public struct ModelScreen: Widget, Sendable {
    public var state: ExplorerState
    public var model: ModelExploration
    public var palette: Palette
    /// Whether the status line shows that `:record` is recording.
    public var isRecording: Bool

    public init(state: ExplorerState, model: ModelExploration, palette: Palette, isRecording: Bool) {
        self.state = state
        self.model = model
        self.palette = palette
        self.isRecording = isRecording
    }

    /// The smallest terminal the screen is drawn on: the table's narrowest column and a few rows.
    public static let minimum = Size(width: 40, height: 10)

    /// The footer's keys on a model: what works here.
    static let normalHints = [KeyHint("q", "quit"), KeyHint("H J K L", "cell"), KeyHint("{ }", "layers"),
                              KeyHint("?", "help"), KeyHint(":", "command")]

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.width >= Self.minimum.width, area.height >= Self.minimum.height else {
            buffer.render(TooSmallMessage(size: area.size, minimum: Self.minimum, palette: palette), in: area)
            return
        }
        buffer.fill(area)
        let (status, rest) = area.splitTop(1)
        let (body, bottom) = rest.splitTop(rest.height - 2)
        let (messageArea, footerArea) = bottom.splitTop(1)
        buffer.write(statusTexts.firstFitting(width: status.width), x: status.x, y: status.y, style: palette.header,
                     clip: status)
        buffer.render(ModelFieldPanel(model: model, palette: palette), in: body)
        if let commandLine = state.mode.commandLine {
            buffer.render(CommandLinePrompt(line: commandLine, palette: palette), in: messageArea)
        } else {
            let legend = ExplorerMessage.info("H J K L move the chosen cell, { } scroll the layer table, q quits.")
            buffer.render(MessageLine(message: state.message ?? legend, palette: palette), in: messageArea)
        }
        let hints = state.mode == .normal ? Self.normalHints : ExplorerScreen.hints(for: state.mode)
        buffer.render(Footer(hints: hints, palette: palette), in: footerArea)
        if state.mode == .help {
            buffer.fill(body)
            let entries = state.helpPage == .keys ? Self.helpEntries : ExplorerScreen.helpEntries(for: state)
            buffer.render(HelpOverlay(entries: entries, title: ExplorerScreen.helpTitle(for: state),
                                      scroll: state.helpScroll, wrapsAlways: state.helpPage != .keys, palette: palette),
                          in: body)
        }
    }

    /// The keys that act on a model, as the help lists them: the others edit a convolution,
    /// which a model's fixed layers do not have.
    static let helpEntries = [
        HelpEntry(key: "H J K L", description: "move the chosen output cell (h j k l and the arrows too)", group: "Model"),
        HelpEntry(key: "{ }", description: "move the layer table's highlighted row, scrolling it", group: "Model"),
        HelpEntry(key: ":", description: "commands: :record FILE.cast records the screen, :quit leaves",
                  group: "Model"),
        HelpEntry(key: "?", description: "this help; Esc or ? closes it", group: "Model"),
        HelpEntry(key: "q", description: "quit", group: "Model"),
        HelpEntry(key: "other keys", description: "edit a convolution; on a model they say its layers are fixed",
                  group: "Model"),
    ]

    /// `● REC  cell (8, 8) of 17x17 · row 12/12`, and shorter forms.
    var statusTexts: [String] {
        let recording = isRecording ? "● REC  " : ""
        let cell = "cell (\(model.cell.height), \(model.cell.width)) of \(model.outputSize.height)x\(model.outputSize.width)"
        let row = "layer \(model.selectedRow + 1)/\(model.rows.count)"
        return ["\(recording)\(cell) · \(row) · \(model.model.graph.nodes.count) nodes in the model",
                "\(recording)\(cell) · \(row)", "\(recording)\(cell)"]
    }
}
