import AtrousCore

/// What a generated stack snippet reproduces: layers applied one after another, each with its
/// kernel, optional bias and activation, from known files, with atrous's last output to compare.
public struct StackSnippetRequest: Sendable {
    /// Each layer as a one-layer request on the previous layer's output (NHWC), first layer first;
    /// its `files` name the layer's kernel and bias.
    public let layers: [SnippetRequest]
    public let activations: [Activation]
    /// The input as its file holds it.
    public let inputShape: [Int]
    public let files: StackSnippetFiles

    /// Validates every layer against what reaches it.
    /// - Throws: ``ConvolutionStackError`` naming the first layer that does not chain or cannot
    ///   be applied, and ``CodeExportError`` for a bias file that disagrees with the shapes.
    public init(specs: [LayerSpec], activations: [Activation], inputShape: [Int], kernelShapes: [[Int]],
                biasShapes: [[Int]?], files: StackSnippetFiles) throws {
        precondition(specs.count == activations.count && specs.count == kernelShapes.count
            && specs.count == biasShapes.count && specs.count == files.layers.count, "one entry per layer")
        guard !specs.isEmpty else { throw ConvolutionStackError.noLayers }
        var shape = try FeatureMapShape(shape: inputShape).dimensions
        var layers: [SnippetRequest] = []
        for index in specs.indices {
            let kernel = try KernelShape(shape: kernelShapes[index])
            if index > 0, kernel.inputChannels != shape[3] {
                throw ConvolutionStackError.channelsDoNotChain(index: index, previousOutputChannels: shape[3],
                                                               inputChannels: kernel.inputChannels)
            }
            let layerFiles = SnippetFiles(input: files.input, kernel: files.layers[index].kernel,
                                          bias: files.layers[index].bias, expected: files.expected)
            do {
                let request = try SnippetRequest(spec: specs[index], inputShape: shape, kernelShape: kernelShapes[index],
                                                 biasShape: biasShapes[index], files: layerFiles)
                layers.append(request)
                shape = request.output.dimensions
            } catch let error as ConvolutionError {
                throw ConvolutionStackError.layer(index: index, count: specs.count, error: error)
            }
        }
        self.layers = layers
        self.activations = activations
        self.inputShape = inputShape
        self.files = files
    }

    /// The last layer's output as NHWC.
    public var output: FeatureMapShape { layers[layers.count - 1].output }

    /// The last output's shape as atrous writes it: each layer keeps the rank of what it reads
    /// where it can, so a single-channel map becomes (H, W, C) once a layer gives it channels.
    public var outputShape: [Int] {
        layers.reduce(inputShape) { shape, layer in layer.output.dimensions(matchingRank: shape.count) }
    }
}

/// The `.npy` files a stack snippet loads: `stack.py` loads `stack.input.npy`,
/// `stack.layer1.kernel.npy`, `stack.layer1.bias.npy` (for a layer with a bias), … and
/// `stack.expected.npy`, atrous's last output.
public struct StackSnippetFiles: Sendable, Hashable {
    public struct Layer: Sendable, Hashable {
        public var kernel: String
        public var bias: String?
    }

    public var input: String
    public var layers: [Layer]
    public var expected: String

    /// The files beside a snippet, named after it.
    public init(beside snippetPath: String, biases: [Bool]) {
        let stem = snippetPath.hasSuffix(".py") ? String(snippetPath.dropLast(3)) : snippetPath
        input = stem + ".input.npy"
        layers = biases.enumerated().map { index, hasBias in
            Layer(kernel: stem + ".layer\(index + 1).kernel.npy", bias: hasBias ? stem + ".layer\(index + 1).bias.npy" : nil)
        }
        expected = stem + ".expected.npy"
    }

    /// Every file: the input, each layer's kernel and bias, the expected output.
    public var all: [String] { [input] + layers.flatMap { [$0.kernel] + ($0.bias.map { [$0] } ?? []) } + [expected] }

    /// The same files by their last path component, as the snippet beside them loads them.
    public var relativeToSnippet: StackSnippetFiles {
        func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
        var relative = self
        relative.input = name(input)
        relative.layers = layers.map { Layer(kernel: name($0.kernel), bias: $0.bias.map(name)) }
        relative.expected = name(expected)
        return relative
    }
}
