import ArgumentParser
import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousModels

/// What the explorer starts on, as `explore` and `render` both take it: the built-in example
/// with any of its input, kernel and layer replaced.
///
/// Every flag goes through the explorer's own actions, so a flag accepts exactly what the
/// matching key or `:` command accepts, within the same limits, and is refused with the
/// same sentence.
struct ExplorerOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "A session file to reopen (see :save); the other flags then change it.", valueName: "file"))
    var session: String?

    @Option(help: ArgumentHelp(
        "The input: a .npy, .csv, .pgm or .png file, or a built-in pattern.",
        discussion: "A name with a dot or a slash is a file (render also reads - as .npy on standard input). "
            + "A pattern (\(patternNames)) takes the :input command's arguments after colons: checkerboard:16x16, "
            + "random:12x12:seed=7, glyph:char=A.",
        valueName: "file|pattern"))
    var input: String?

    @Option(help: ArgumentHelp(
        "The kernel: a .npy or .csv file of shape (kh,kw) or (kh,kw,Cin,Cout), or a preset.",
        discussion: "Presets: \(presetNames); random takes a seed after a colon, random:seed=4.",
        valueName: "file|preset"))
    var kernel: String?

    @Option(name: .long, parsing: .unconditional,
            help: "The kernel's height and width: a preset is regenerated, a file's weights are cut or padded with zeros.")
    var kernelSize: Pair?

    @OptionGroup var layer: LayerFlags

    @Option(help: ArgumentHelp(
        "A model file to open on its receptive-field view instead of a convolution: \(ModelFile.formats).",
        discussion: "The chosen output cell is the centre of --node (default: the last node with a spatial map); "
            + "--input-size gives the input when the model leaves it open.",
        valueName: "FILE"))
    var model: String?

    @Option(name: .customLong("input-size"), parsing: .unconditional,
            help: ArgumentHelp("With --model, the input height and width when the model leaves them open.", valueName: "HxW"))
    var inputSize: String?

    @Option(help: ArgumentHelp("With --model, the node to analyse (default: the last with a spatial map).", valueName: "NAME"))
    var node: String?

    static let patternNames = InputPattern.cycle.map(\.name).joined(separator: ", ")
    static let presetNames = KernelPreset.cycle.map(\.name).joined(separator: ", ")

    /// The state the explorer starts in: the session, or the built-in example, with the flags applied in the
    /// order input, kernel, kernel size, rate, stride, padding, fill; no undo history.
    ///
    /// Parameters that are possible one by one but impossible together (a kernel larger
    /// than a valid-padded input) are not an error here: the explorer shows why and lets the
    /// user change them.
    ///
    /// - Parameter performer: reads the input and kernel files.
    /// - Throws: ``ExplorerFileError`` for a file that cannot be read, ``ExplorerOptionError``
    ///   for a value the explorer refuses.
    func initialState(performer: EffectPerformer) throws -> ExplorerState {
        if let model { return try modelState(path: model) }
        guard inputSize == nil else { throw ExplorerModelError.withoutModel(flag: "--input-size") }
        guard node == nil else { throw ExplorerModelError.withoutModel(flag: "--node") }
        var state = try session.map { path in try ExplorerSession.load(path: path) } ?? ExplorerState()
        if let input {
            if Self.namesFile(input) {
                try apply(.inputLoaded(try performer.readArray(input), path: input), flag: "--input", value: input,
                          to: &state)
            } else {
                try apply(command: "input", arguments: input, flag: "--input", to: &state)
            }
        }
        if let kernel {
            if Self.namesFile(kernel) {
                state = try Self.state(state, withKernel: try performer.readArray(kernel).doubles, path: kernel)
            } else {
                try apply(command: "kernel", arguments: kernel, flag: "--kernel", to: &state)
            }
        }
        if let kernelSize {
            try apply(.setKernelSize(kernelSize), flag: "--kernel-size", value: "\(kernelSize)", to: &state)
        }
        if let rate = layer.rate { try apply(.setRate(rate), flag: "--rate", value: "\(rate)", to: &state) }
        if let stride = layer.stride { try apply(.setStride(stride), flag: "--stride", value: "\(stride)", to: &state) }
        if let padding = layer.padding {
            try apply(.setPadding(padding), flag: "--padding", value: "\(padding)", to: &state)
        }
        if let fill = layer.fill { try apply(.setFill(fill), flag: "--fill", value: "\(fill)", to: &state) }
        // A session keeps its view (position, channels, help); flags start afresh from parameters.
        return changesParameters ? ExplorerState(parameters: state.parameters, reusingOutputsOf: state) : state
    }

    /// The explorer on the model at `path`, read and analysed as `atrous rf --model` does, with
    /// the same sentences for what it cannot open.
    private func modelState(path: String) throws -> ExplorerState {
        let others = [("--session", session), ("--input", input), ("--kernel", kernel),
                      ("--kernel-size", kernelSize.map { "\($0)" }), ("--rate", layer.rate.map { "\($0)" }),
                      ("--stride", layer.stride.map { "\($0)" }), ("--padding", layer.padding.map { "\($0)" }),
                      ("--fill", layer.fill.map { "\($0)" })]
        if let flag = others.first(where: { $0.1 != nil })?.0 { throw ExplorerModelError.withModel(flag: flag) }
        let (resolved, node) = try ModelOpening.open(path: path, inputSize: inputSize, node: node)
        return ExplorerState(model: try ModelExploration(file: path, model: resolved, node: node))
    }

    /// Whether any flag besides --session was given.
    private var changesParameters: Bool {
        session == nil || input != nil || kernel != nil || kernelSize != nil || layer.rate != nil
            || layer.stride != nil || layer.padding != nil || layer.fill != nil
    }

    /// Whether a value names a file rather than a pattern or preset: it has a dot or a slash.
    static func namesFile(_ value: String) -> Bool {
        value.contains(".") || value.contains("/") || value == "-"
    }

    /// Runs `:command` with the value's colon-separated words as its arguments.
    private func apply(command: String, arguments: String, flag: String, to state: inout ExplorerState) throws {
        let line = command + " " + arguments.split(separator: ":").joined(separator: " ")
        let action: ExplorerAction?
        do {
            action = try ExplorerCommand.parse(line)
        } catch {
            throw ExplorerOptionError(flag: flag, value: arguments, reason: error.description)
        }
        if let action { try apply(action, flag: flag, value: arguments, to: &state) }
    }

    /// Applies `action`; a parameter that stays unchanged with an error message was refused.
    private func apply(_ action: ExplorerAction, flag: String, value: String, to state: inout ExplorerState) throws {
        let before = state.parameters
        update(&state, action)
        if state.parameters == before, let message = state.message, message.kind == .error {
            throw ExplorerOptionError(flag: flag, value: value, reason: message.text)
        }
    }

    /// `state` with a kernel read from a file. Its weights count as set by hand: no preset
    /// regenerates them.
    private static func state(_ state: ExplorerState, withKernel kernel: Tensor<Double>, path: String) throws -> ExplorerState {
        var parameters = state.parameters
        do {
            try parameters.setKernel(kernel, source: .file(path: path, edited: false))
        } catch {
            throw ExplorerOptionError(flag: "--kernel", value: path, reason: "\(error)")
        }
        return ExplorerState(parameters: parameters)
    }
}

/// A flag whose value the explorer refuses, with the explorer's own reason.
struct ExplorerOptionError: Error, CustomStringConvertible {
    let flag: String
    let value: String
    /// The explorer's sentence, such as `The rate must be between 1 and 16, got 20.`
    let reason: String

    /// `Cannot use --rate 20: the rate must be between 1 and 16, got 20.`
    var description: String {
        let lowered = reason.first.map { $0.lowercased() + reason.dropFirst() } ?? reason
        return "Cannot use \(flag) \(value): \(lowered)"
    }
}

/// A flag that does not go with --model, or that needs it; the description is one sentence.
enum ExplorerModelError: Error, CustomStringConvertible {
    case withModel(flag: String)
    case withoutModel(flag: String)

    var description: String {
        switch self {
        case let .withModel(flag): "\(flag) cannot be combined with --model; the model defines the layers and the input."
        case let .withoutModel(flag): "\(flag) goes with --model, which names the model to open."
        }
    }
}
