import AtrousCore
import AtrousExplorer

/// The frame the explorer shows for `state` on a terminal of `size`: the one function from
/// the state to the screen, shared by the terminal loop and `atrous render`.
///
/// - Parameters:
///   - state: what to show.
///   - size: the terminal's columns and rows.
///   - colors: the colour palette when true, else the monochrome one.
///   - showsRecording: whether the status line shows that `:record` is recording; a
///     recorded frame leaves the sign out, as a screen recorder would not see it.
/// - Returns: a buffer of exactly `size`.
/// - Complexity: O(cells of the screen + cells of the input and output shown).
public func render(_ state: ExplorerState, size: Size, colors: Bool, showsRecording: Bool = true) -> CellBuffer {
    let palette = Palette(colors: colors)
    if let model = state.model {
        return CellBuffer.rendering(ModelScreen(state: state, model: model, palette: palette,
                                                isRecording: showsRecording && state.recording != nil), size: size)
    }
    var explorer = ExplorerScreen(state: state, palette: palette)
    explorer.isRecording = showsRecording && state.recording != nil
    guard let progress = state.lesson else { return CellBuffer.rendering(explorer, size: size) }
    return CellBuffer.rendering(LessonScreen(narration: NarrationPanel(progress: progress, palette: palette),
                                             explorer: explorer), size: size)
}

extension ExplorerScreen {
    /// The screen for `state`: its panels, its mode (help, command line) and its footer keys.
    public init(state: ExplorerState, palette: Palette) {
        self.init(input: state.layerInput ?? state.input, kernel: state.kernel, layer: state.spec, geometry: state.geometry,
                  output: state.output, problem: state.problem, breakdown: state.taps,
                  inputChannel: state.inputChannel, outputChannel: state.outputChannel,
                  selectedInput: state.inputReach?.input, reached: state.inputReach?.cells ?? [],
                  selectedWeight: state.selectedWeight, isPlaying: state.playback.isPlaying,
                  speed: Double(state.playback.stepsPerSecond), message: state.message ?? Self.legend(for: state),
                  commandLine: state.mode.commandLine, hints: Self.hints(for: state.mode, inLesson: state.lesson != nil),
                  help: state.mode == .help ? Self.helpEntries(for: state) : nil, helpScroll: state.helpScroll,
                  helpTitle: Self.helpTitle(for: state),
                  extra: receptiveFieldWidget(for: state, palette: palette)
                      ?? (state.pinned == nil ? comparisonWidget(for: state, palette: palette) : nil),
                  overlay: state.mode == .exportMenu ? ExportMenuOverlay(palette: palette) : nil, palette: palette)
        inputName = state.layerInputName
        inputSummary = state.inputSummary
        outputSummary = state.outputSummary
        activation = state.parameters.activation
        comparison = extra == nil ? pinnedWidget(for: state, palette: palette) : nil
        layersOverview = state.overview.isShown ? LayersOverviewPanel(state: state, palette: palette) : nil
    }

    /// The footer's keys for a mode, from the key map's own lists.
    ///
    /// In normal mode the way out comes first, where a newcomer looks for it on any width;
    /// the help key already stands at the status line's right edge. In a lesson its keys come
    /// next; outside one they are left out.
    static func hints(for mode: ExplorerMode, inLesson: Bool = false) -> [KeyHint] {
        let hints: [FooterHint]
        switch mode {
        case .normal:
            let quit = Set(KeyBinding.table.filter { $0.action == .quit }.compactMap(\.footerWord))
            let lesson = Set(KeyBinding.table.filter { $0.group == .lesson }.compactMap(\.footerWord))
            hints = KeyBinding.footerHints.filter { quit.contains($0.word) }
                + (inLesson ? KeyBinding.footerHints.filter { lesson.contains($0.word) } : [])
                + KeyBinding.footerHints.filter { !quit.contains($0.word) && !lesson.contains($0.word) }
        case .commandLine: hints = KeyBinding.commandLineHints
        case .help: hints = KeyBinding.helpHints
        case .exportMenu: hints = KeyBinding.exportMenuHints
        case .confirmOverwrite: hints = KeyBinding.overwriteHints
        }
        return hints.map { KeyHint($0.keys, $0.word) }
    }

    /// What the message line says when there is nothing to report: how to read the lettered
    /// cells, and the first keys to try. Nil when there is no current cell to explain.
    static func legend(for state: ExplorerState) -> ExplorerMessage? {
        guard let taps = state.taps else { return nil }
        let count = state.spec.kernelSize.height * state.spec.kernelSize.width
        let letters = count == 1 ? "a" : "a–\(TapLabel.label(index: count - 1))"
        // The output cell named as the computation line names it, channel and all.
        let channel = state.kernelShape.outputChannels > 1 ? ",\(taps.outputChannel)" : ""
        let cell = "y[\(taps.outputRow),\(taps.outputColumn)\(channel)]"
        return .info("Taps \(letters): input cell × weight, summed into \(cell). Arrows move, Space plays.")
    }

    /// The rows of the help overlay's open page.
    static func helpEntries(for state: ExplorerState) -> [HelpEntry] {
        switch state.helpPage {
        case .keys: return helpEntries
        case .sum:
            guard let taps = state.taps else {
                return [HelpEntry(key: "none", description: "No output cell: the parameters are impossible.", group: "Sum")]
            }
            return SumTable.entries(taps, kernelWidth: state.spec.kernelSize.width)
        case .shape:
            guard let geometry = state.geometry else {
                return [HelpEntry(key: "none", description: state.configurationError?.description ?? "No geometry.",
                                  group: "Shape")]
            }
            let padding = state.spec.padding
            return [(geometry.rows, "Rows"), (geometry.columns, "Columns")].flatMap { axis, group in
                zip(["kernel", "output"], axis.derivation(padding: padding)).map {
                    HelpEntry(key: $0, description: $1, group: group)
                }
            }
        case .notes:
            guard !state.notes.isEmpty else {
                return [HelpEntry(key: "none", description: "No framework note applies to this layer.",
                                  group: "Framework notes")]
            }
            return state.notes.map {
                HelpEntry(key: $0.id, description: $0.description + " (" + $0.frameworks.joined(separator: ", ") + ")",
                          group: "Framework notes")
            }
        }
    }

    /// The overlay's title for the open page.
    static func helpTitle(for state: ExplorerState) -> String {
        switch state.helpPage {
        case .keys: keysTitle
        case .sum: state.taps.map { SumTable.title($0, showsChannel: state.kernelShape.outputChannels > 1) } ?? "Sum"
        case .notes: "Notes"
        case .shape: "Shape"
        }
    }

    /// Every key and command, grouped as ``HelpTopic/all`` lists them.
    static let helpEntries: [HelpEntry] = HelpTopic.all.map {
        HelpEntry(key: $0.keys, description: $0.summary, group: $0.group)
    }
}
