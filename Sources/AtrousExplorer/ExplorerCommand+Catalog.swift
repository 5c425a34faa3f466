import AtrousCore

extension ExplorerCommand {
    /// Every command, in the order `:help` lists them.
    public static let all: [ExplorerCommand] = [
        ExplorerCommand(names: ["rate", "dilation"], usage: ":rate R[,C]",
                        summary: "dilation rate, one value or height,width") { arguments throws(CommandError) in
            .setRate(try arguments.pair(arguments.required()))
        },
        ExplorerCommand(names: ["kernel", "k"], usage: ":kernel SIZE|PRESET|FILE [seed=N]",
                        summary: "kernel size (5 or 5x3), a .npy or .csv file, or preset: " + KernelPreset.cycle.map(\.name).joined(separator: ", "))
        { arguments throws(CommandError) in try kernelAction(arguments) },
        ExplorerCommand(names: ["ksize", "size"], usage: ":ksize H[xW]", summary: "kernel size") { arguments throws(CommandError) in
            .setKernelSize(try arguments.pair(arguments.required()))
        },
        ExplorerCommand(names: ["stride"], usage: ":stride S[,T]", summary: "stride, one value or height,width") {
            arguments throws(CommandError) in
            .setStride(try arguments.pair(arguments.required()))
        },
        ExplorerCommand(names: ["padding", "pad"], usage: ":padding valid|same|full|causal|T,B,L,R",
                        summary: "padding mode or explicit cells per side") { arguments throws(CommandError) in
            let text = try arguments.required()
            guard let padding = Padding(parsing: text) else { throw arguments.invalid(text) }
            return .setPadding(padding)
        },
        ExplorerCommand(names: ["fill"], usage: ":fill " + Fill.allCases.map(\.rawValue).joined(separator: "|"),
                        summary: "what padded cells hold") { arguments throws(CommandError) in
            let text = try arguments.required()
            guard let fill = Fill(rawValue: text.lowercased()) else { throw .unknownFill(text) }
            return .setFill(fill)
        },
        ExplorerCommand(names: ["input", "in"], usage: ":input PATTERN [HxW] [seed=N] [char=C]",
                        summary: "built-in input: " + InputPattern.cycle.map(\.name).joined(separator: ", "))
        { arguments throws(CommandError) in try inputAction(arguments) },
        ExplorerCommand(names: ["load", "e"], usage: ":load FILE",
                        summary: "read the input from a .npy, .csv, .pgm or .png file") {
            arguments throws(CommandError) in
            .loadInput(path: try arguments.required())
        },
        ExplorerCommand(names: ["actual"], usage: ":actual [FILE]",
                        summary: "compare your output with atrous's and diagnose it; alone, drop it") {
            arguments throws(CommandError) in
            arguments.rest.isEmpty ? .clearActual : .loadActual(path: arguments.rest)
        },
        ExplorerCommand(names: ["diagnose"], usage: ":diagnose",
                        summary: "set the rate, stride, padding and fill that explain the actual output") {
            arguments throws(CommandError) in
            try arguments.none()
            return .applyDiagnosis
        },
        ExplorerCommand(names: ["pin"], usage: ":pin",
                        summary: "keep this configuration as A: further changes make B, shown against it") {
            arguments throws(CommandError) in
            try arguments.none()
            return .pin
        },
        ExplorerCommand(names: ["unpin"], usage: ":unpin", summary: "end the comparison with the pinned A") {
            arguments throws(CommandError) in
            try arguments.none()
            return .unpin
        },
        ExplorerCommand(names: ["open"], usage: ":open FILE",
                        summary: "reopen a session (an array file is loaded as the input)") {
            arguments throws(CommandError) in
            let path = try arguments.required()
            return isArrayFile(path) ? .loadInput(path: path) : .openSession(path: path)
        },
        ExplorerCommand(names: ["save"], usage: ":save [FILE]",
                        summary: "save the session (default \(ExportKind.session.defaultPath))") {
            arguments throws(CommandError) in
            .export(.session, path: arguments.rest.isEmpty ? nil : arguments.rest)
        },
        ExplorerCommand(names: ["export"], usage: ":export [WHAT] [FILE]",
                        summary: "write the output, input, kernel, counts, session, screen or code (alone: the menu)") {
            arguments throws(CommandError) in
            try exportAction(arguments)
        },
        ExplorerCommand(names: ["record", "rec"], usage: ":record FILE.cast|FILE.svg | stop",
                        summary: "record what the screen shows, as an asciicast or an animated SVG, until :record stop") {
            arguments throws(CommandError) in
            let text = try arguments.required()
            if text.lowercased() == "stop" { return .stopRecording }
            guard let format = RecordingFormat(path: text) else { throw .unknownRecordingFormat(text) }
            return .startRecording(path: text, format: format)
        },
        ExplorerCommand(names: ["weight", "w"], usage: ":weight [ROW,COL] VALUE",
                        summary: "set a kernel weight (the selected one without ROW,COL)") { arguments throws(CommandError) in
            _ = try arguments.required()
            let words = arguments.words
            switch words.count {
            case 1: return .setSelectedWeight(try arguments.number(words[0]))
            case 2:
                let cell = try arguments.cell(words[0])
                return .setWeight(row: cell.row, column: cell.column, value: try arguments.number(words[1]))
            default: throw arguments.invalid(arguments.rest)
            }
        },
        ExplorerCommand(names: ["goto", "go"], usage: ":goto ROW,COL", summary: "make an output cell current") {
            arguments throws(CommandError) in
            let cell = try arguments.cell(arguments.required())
            return .selectOutputCell(row: cell.row, column: cell.column)
        },
        ExplorerCommand(names: ["reach"], usage: ":reach ROW,COL", summary: "show the output cells an input cell feeds") {
            arguments throws(CommandError) in
            let cell = try arguments.cell(arguments.required())
            return .selectInputCell(row: cell.row, column: cell.column)
        },
        ExplorerCommand(names: ["stack"], usage: ":stack [" + stackPresets.map(\.name).joined(separator: "|") + "]",
                        summary: "load a layer stack from the literature; alone, show or hide the stack view")
        { arguments throws(CommandError) in
            guard !arguments.rest.isEmpty else { return .toggleStackView }
            guard let preset = StackPreset.named(arguments.rest) else { throw .unknownStack(arguments.rest) }
            return .loadStackPreset(preset)
        },
        ExplorerCommand(names: ["layer", "l"], usage: ":layer add [k=3,r=2,s=1,p=same] | del | N",
                        summary: "add a layer after the selected one (a copy without notation), delete it, or select layer N")
        { arguments throws(CommandError) in try layerAction(arguments) },
        ExplorerCommand(names: ["layers"], usage: ":layers [k=3,r=1 k=3,r=2 ...]",
                        summary: "replace the stack, first layer first (p defaults to same); alone, step the layers overview")
        { arguments throws(CommandError) in
            guard !arguments.rest.isEmpty else { return .cycleLayersOverview }
            return .setLayers(try arguments.words.map { word throws(CommandError) in try layer(word) })
        },
        ExplorerCommand(names: ["activation", "act"], usage: ":activation none|relu",
                        summary: "what the selected layer applies to its output") { arguments throws(CommandError) in
            let text = try arguments.required()
            guard let activation = Activation(rawValue: text.lowercased()) else { throw arguments.invalid(text) }
            return .setActivation(activation)
        },
        ExplorerCommand(names: ["bias"], usage: ":bias none|V|V1,V2,...",
                        summary: "the selected layer's bias: one value for every output channel, or one each") {
            arguments throws(CommandError) in
            let text = try arguments.required()
            if text.lowercased() == "none" { return .setBias(nil) }
            var values: [Double] = []
            for part in text.split(separator: ",") { values.append(try arguments.number(String(part))) }
            return .setBias(values)
        },
        ExplorerCommand(names: ["channel", "ch"], usage: ":channel N", summary: "show channel N (from 0)") {
            arguments throws(CommandError) in
            .selectChannel(try arguments.integer(arguments.required()))
        },
        ExplorerCommand(names: ["step"], usage: ":step N", summary: "in a lesson, open step N (from 1), as its script sets it up") {
            arguments throws(CommandError) in
            .goToStep(try arguments.integer(arguments.required()) - 1)
        },
        ExplorerCommand(names: ["undo"], usage: ":undo", summary: "undo the last parameter change") {
            arguments throws(CommandError) in
            try arguments.none()
            return .undo
        },
        ExplorerCommand(names: ["redo"], usage: ":redo", summary: "redo the last undone change") {
            arguments throws(CommandError) in
            try arguments.none()
            return .redo
        },
        ExplorerCommand(names: ["sum"], usage: ":sum", summary: "every term of the current cell's sum, with the total") {
            arguments throws(CommandError) in
            try arguments.none()
            return .showPage(.sum)
        },
        ExplorerCommand(names: ["notes"], usage: ":notes", summary: "every framework note that applies, in full") {
            arguments throws(CommandError) in
            try arguments.none()
            return .showPage(.notes)
        },
        ExplorerCommand(names: ["shape"], usage: ":shape", summary: "where the output size and the pads come from") {
            arguments throws(CommandError) in
            try arguments.none()
            return .showPage(.shape)
        },
        ExplorerCommand(names: ["help", "h"], usage: ":help", summary: "show the keys and commands") {
            arguments throws(CommandError) in
            try arguments.none()
            return .toggleHelp
        },
        ExplorerCommand(names: ["quit", "q"], usage: ":quit", summary: "leave the explorer") { arguments throws(CommandError) in
            try arguments.none()
            return .quit
        },
    ]

    /// `:export out.npy`, `:export pytorch`, `:export input in.csv`; no argument opens the menu.
    private static func exportAction(_ arguments: CommandArguments) throws(CommandError) -> ExplorerAction {
        let text = arguments.rest
        guard !text.isEmpty else { return .toggleExportMenu }
        let word = String(text.prefix { $0 != " " })
        if let kind = ExportKind(commandWord: word) {
            let path = text.dropFirst(word.count).drop { $0 == " " }
            return .export(kind, path: path.isEmpty ? nil : String(path))
        }
        guard let kind = ExportKind(path: text) else { throw .unknownExport(text) }
        return .export(kind, path: text)
    }

    /// Whether `path` names a file `:load` reads, by its extension.
    private static func isArrayFile(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return [".npy", ".csv", ".pgm", ".png"].contains { lowered.hasSuffix($0) }
    }

    /// `:kernel 5`, `:kernel 5x3`, `:kernel sobel-x`, `:kernel random seed=4`, `:kernel k.npy`.
    private static func kernelAction(_ arguments: CommandArguments) throws(CommandError) -> ExplorerAction {
        let text = try arguments.required()
        if let size = Pair(parsing: text) { return .setKernelSize(size) }
        if isArrayFile(text) || text.contains("/") { return .loadKernel(path: text) }
        let words = arguments.words
        guard let preset = KernelPreset(name: words[0]) else { throw .unknownKernel(words[0]) }
        var seed: UInt64?
        for word in words.dropFirst() {
            guard case .random = preset, let value = arguments.option("seed", in: word).flatMap({ UInt64($0) }) else {
                throw arguments.invalid(word)
            }
            seed = value
        }
        if let seed { return .setKernelPreset(.random(seed: seed)) }
        return .setKernelPreset(preset)
    }

    /// The presets that are one stack; ASPP's parallel branches are for `atrous rf` (`:stack aspp`
    /// says so).
    static let stackPresets = StackPreset.all.filter { !$0.isParallel }

    /// `:layer add`, `:layer add k=3,r=2`, `:layer del`, `:layer 2`.
    private static func layerAction(_ arguments: CommandArguments) throws(CommandError) -> ExplorerAction {
        let words = try arguments.required().split(separator: " ").map(String.init)
        switch words[0].lowercased() {
        case "add", "new":
            guard words.count <= 2 else { throw arguments.invalid(words[2]) }
            return .addLayer(try words.count == 2 ? layer(words[1]) : nil)
        case "del", "delete", "remove", "rm":
            guard words.count == 1 else { throw arguments.invalid(words[1]) }
            return .removeLayer
        default:
            guard words.count == 1, let number = Int(words[0]) else { throw arguments.invalid(arguments.rest) }
            return .selectLayer(number - 1)
        }
    }

    /// One layer in the notation of ``LayerSpec/init(notation:)``.
    private static func layer(_ text: String) throws(CommandError) -> LayerSpec {
        do {
            return try LayerSpec(notation: text)
        } catch let error as LayerNotationError {
            throw .invalidLayer(error)
        } catch {
            throw .invalidLayer(.malformed(text: text))
        }
    }

    /// `:input checkerboard 16x16`, `:input random 12x12 seed=7`, `:input glyph char=A`.
    private static func inputAction(_ arguments: CommandArguments) throws(CommandError) -> ExplorerAction {
        // Spaces or colons, as --input writes it: `random 12x12 seed=7` or `random:12x12:seed=7`.
        let words = try arguments.required().split { $0 == " " || $0 == ":" }.map(String.init)
        guard let first = words.first else { throw .unknownPattern(arguments.rest) }
        let name = first.lowercased()
        guard var pattern = InputPattern.cycle.first(where: { $0.name == name }) else { throw .unknownPattern(first) }
        var size: Pair?
        for word in words.dropFirst() {
            if let seed = arguments.option("seed", in: word), case .random = pattern, let value = UInt64(seed) {
                pattern = .random(seed: value)
            } else if let character = arguments.option("char", in: word), case .glyph = pattern,
                      character.count == 1, let last = word.last {
                pattern = .glyph(Character(last.uppercased()))
            } else if size == nil, let pair = Pair(parsing: word) {
                size = pair
            } else {
                throw arguments.invalid(word)
            }
        }
        return .setInputPattern(pattern, size: size)
    }
}
