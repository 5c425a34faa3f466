import ArgumentParser
import AtrousCore
import AtrousIO
import AtrousModels
import Foundation

/// `atrous rf`: the receptive field of a layer stack, one output cell's region and path counts,
/// coverage and the Hybrid Dilated Convolution rule.
struct RFCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rf",
        abstract: "Receptive field, path counts and gridding of a stack of dilated convolutions.",
        discussion: """
            Give the layers with --layer (first layer first) and the input with --input-size, name a preset, or read a model with --model (\(ModelFile.formats)). Path counts treat every kernel weight as 1 and padding as zeros.

            With --model, the node analysed is the last one with a spatial map unless --node names another, and the input size is the model's own unless it leaves it open, when --input-size gives it. Pooling windows count as paths, adds and concatenations sum their branches' paths, and a global operation (global pooling, dense, flatten) is reported as a dependency on every input cell beside the local field.

            Presets, with the input size used when --input-size is not given:
            \(StackPreset.all.map { "  \($0.name) (\($0.inputSize.height)x\($0.inputSize.width))\n      \($0.summary)" }.joined(separator: "\n"))

            wavenet analyses the last output cell by default, the others the centre. aspp runs its branches side by side and sums their outputs, so --counts writes the summed map.
            """)

    @Option(name: .customLong("input-size"), parsing: .unconditional, help: ArgumentHelp("The input height and width.", valueName: "HxW"))
    var inputSize: String?

    @Option(name: .customLong("layer"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("A layer, repeatable: k=3 or 3x5, r=rate (1), s=stride (1), p=same|valid|causal|full|T,B,L,R (same).",
                               valueName: "k=K,r=R,s=S,p=P"))
    var layers: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("The output cell of the last layer to analyse (default: the centre).", valueName: "Y,X"))
    var at: String?

    @Option(help: ArgumentHelp("Write the cell's path-count map as a float64 .npy of the input's shape.", valueName: "F.npy"))
    var counts: String?

    @Flag(help: "Overwrite the --counts file if it exists.")
    var force = false

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: ArgumentHelp("A named stack: \(StackPreset.all.map(\.name).joined(separator: ", ")).", valueName: "NAME"))
    var preset: String?

    @Option(help: ArgumentHelp("A model file: \(ModelFile.formats).", valueName: "FILE"))
    var model: String?

    @Option(help: ArgumentHelp("With --model, the node to analyse (default: the last with a spatial map).", valueName: "NAME"))
    var node: String?

    func run() throws {
        if let counts { try OutputFile.ensureWritable(path: counts, overwrite: force) }
        if let model {
            guard layers.isEmpty, preset == nil else { throw RFCommandError.modelWithLayers }
            return try report(try analyse(modelAt: model))
        }
        guard node == nil else { throw RFCommandError.nodeWithoutModel }
        let (stacks, defaultCell) = try resolveStacks()
        let position = try at.map(Self.parsePosition) ?? defaultCell.position(in: stacks[0])
        let result: RFResult = stacks.count == 1
            ? .stack(try ReceptiveFieldAnalysis(stack: stacks[0], position: position))
            : .parallel(try ParallelBranchAnalysis(branches: stacks, position: position))
        try report(result)
    }

    /// Writes the --counts file, if asked for, then prints the result.
    private func report(_ result: RFResult) throws {
        if let counts {
            try OutputFile.write(NumpyWriter.encode(try result.pathCountTensor()), to: counts, overwrite: force)
        }
        print(json ? result.jsonText() : result.text, terminator: json ? "\n" : "")
    }

    /// Reads the model, resolves it on its own input size or --input-size, and analyses the node.
    private func analyse(modelAt path: String) throws -> RFResult {
        let (resolved, index) = try ModelOpening.open(path: path, inputSize: inputSize, node: node)
        let position = try at.map(Self.parsePosition)
        return .model(try ModelFieldAnalysis(model: resolved, node: index, position: position), file: path)
    }

    /// The stacks to analyse, from the preset or the layers, on the given or the preset's input size.
    private func resolveStacks() throws -> ([LayerStack], StackPreset.DefaultCell) {
        let size = try inputSize.map(Self.parseInputSize)
        if let preset {
            guard layers.isEmpty else { throw RFCommandError.presetWithLayers }
            guard let named = StackPreset.named(preset) else { throw RFCommandError.unknownPreset(preset) }
            return (try named.stacks(inputSize: size), named.defaultCell)
        }
        guard !layers.isEmpty else { throw RFCommandError.noLayers }
        guard let size else { throw RFCommandError.missingInputSize }
        let specs = try layers.map { try LayerSpec(notation: $0) }
        return ([try LayerStack(inputSize: size, specs: specs)], .centre)
    }

    static func parseInputSize(_ text: String) throws -> Pair {
        guard let size = Pair(parsing: text), size.height >= 1, size.width >= 1,
              size.height <= LayerSpec.notationLimit, size.width <= LayerSpec.notationLimit
        else { throw RFCommandError.badInputSize(text) }
        return size
    }

    private static func parsePosition(_ text: String) throws -> Pair {
        guard let position = Pair(parsing: text), text.contains(",") || text.lowercased().contains("x")
        else { throw RFCommandError.badPosition(text) }
        return position
    }

}

/// A mistake in the `rf` command's flags. Each message is one sentence naming the flag.
enum RFCommandError: Error, CustomStringConvertible {
    case badInputSize(String)
    case badPosition(String)
    case missingInputSize
    case noLayers
    case presetWithLayers
    case unknownPreset(String)
    case modelWithLayers
    case nodeWithoutModel
    case oneDimensionalHeight(Pair)

    var description: String {
        switch self {
        case let .badInputSize(text):
            "--input-size '\(text)' must be HxW or H with sizes from 1 to \(LayerSpec.notationLimit)."
        case let .badPosition(text):
            "--at '\(text)' must be an output cell Y,X such as 3,4."
        case .missingInputSize:
            "--input-size is required with --layer, for example --input-size 32x32."
        case .noLayers:
            "Give at least one --layer (for example --layer k=3,r=2), a --preset or a --model."
        case .presetWithLayers:
            "--preset and --layer cannot be combined; the preset defines the layers."
        case .modelWithLayers:
            "--model cannot be combined with --layer or --preset; the model defines the layers."
        case .nodeWithoutModel:
            "--node names a node of a --model."
        case let .oneDimensionalHeight(size):
            "The model is one-dimensional, so --input-size must be 1xN, not \(size.height)x\(size.width)."
        case let .unknownPreset(name):
            "--preset '\(name)' is unknown; use one of \(StackPreset.all.map(\.name).joined(separator: ", "))."
        }
    }
}
