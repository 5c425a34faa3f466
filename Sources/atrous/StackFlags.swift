import ArgumentParser
import AtrousCore
import AtrousIO

/// The repeated `--layer` of `compute`: a stack of computed layers, each in the notation of
/// ``ComputedLayerNotation`` (the `rf` notation with its data).
struct StackFlags: ParsableArguments {
    @Option(name: .customLong("layer"),
            help: ArgumentHelp("A layer of a stack, first layer first: w=W.npy[,b=B.npy],r=R,s=S,p=P,f=FILL,a=none|relu.",
                               valueName: "layer"))
    var layers: [String] = []

    @Option(name: .customLong("all-layers"),
            help: ArgumentHelp("A directory to write every layer's output to, as layer1.npy, layer2.npy, …",
                               valueName: "directory"))
    var allLayersDirectory: String?

    /// Whether the command computes a stack rather than the one layer of `--kernel`.
    var isStack: Bool { !layers.isEmpty }

    /// The layers as written.
    /// - Throws: ``LayerNotationError`` for the first layer that cannot be read.
    func notations() throws -> [ComputedLayerNotation] {
        try layers.map { try ComputedLayerNotation(notation: $0) }
    }

    /// Where `--all-layers` writes layer `index` (from 0).
    func layerOutputPath(_ index: Int) -> String? {
        allLayersDirectory.map { directory in
            (directory.hasSuffix("/") ? directory : directory + "/") + "layer\(index + 1).npy"
        }
    }

    /// Reads every layer's weights and bias in the float type `Scalar` and chains them.
    /// - Throws: ``IOError`` for an unreadable file, ``ConvolutionError`` for arrays that make
    ///   no layer, ``ConvolutionStackError`` for layers whose channels do not chain.
    func load<Scalar: ConvolutionScalar>(_: Scalar.Type) throws -> ConvolutionStack<Scalar> {
        let notations = try notations()
        let layers = try notations.enumerated().map { index, notation in
            do {
                let (kernel, bias) = try LoadedLayer<Scalar>.readWeights(kernel: notation.weights, bias: notation.bias)
                let convolution = try Convolution(kernel: kernel, bias: bias?.scalars, rate: notation.rate,
                                                  stride: notation.stride, padding: notation.padding, fill: notation.fill)
                return StackLayer(convolution, activation: notation.activation)
            } catch let error as ConvolutionError {
                throw ConvolutionStackError.layer(index: index, count: notations.count, error: error)
            }
        }
        return try ConvolutionStack(layers)
    }
}
