import ArgumentParser
import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousIO

extension SnippetFramework: ExpressibleByArgument {}

/// `atrous export-code`: a runnable Python snippet that reproduces one layer, with its arrays.
struct ExportCodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-code",
        abstract: "Write a Python snippet that reproduces a layer with TensorFlow, PyTorch, JAX or NumPy.",
        discussion: """
            The layer comes from --input, --kernel and the layer flags, or from a session saved \
            by the explorer (--session), whose input, kernel and layer take their place. \
            Beside the snippet go the arrays it loads, named after it: for conv.py, conv.input.npy, \
            conv.kernel.npy, conv.bias.npy (with --bias) and conv.expected.npy, atrous's own result. \
            Run the snippet with python3: it prints how far each framework's result lies from \
            atrous's and exits with 1 when they differ. \(LayerFlags.computationDefaults) \
            A stack (repeated --layer as in compute, or a session with several layers) becomes one \
            snippet of the whole stack: a Keras Sequential model, a PyTorch nn.Sequential, a JAX \
            function or NumPy, with conv.input.npy, conv.layer1.kernel.npy, conv.layer1.bias.npy, … \
            and conv.expected.npy, the last layer's output. Examples:
              atrous export-code --framework pytorch --input x.npy --kernel k.npy --rate 2 \\
                --padding same --output conv.py
              atrous export-code --framework jax --session lesson.atrous.json --output lesson.py
            """)

    @Option(help: "The framework: tensorflow, pytorch, jax or numpy.")
    var framework: SnippetFramework

    @Option(help: "A session file saved by the explorer, instead of --input, --kernel and the layer flags.")
    var session: String?

    @OptionGroup var layer: LayerOptions

    @OptionGroup var stack: StackFlags

    @Option(help: "The snippet, a .py file; its arrays are written beside it.")
    var output: String

    @Flag(help: "Replace the snippet and its arrays if they exist.")
    var force = false

    func validate() throws {
        if stack.allLayersDirectory != nil {
            throw ValidationError("--all-layers belongs to compute; a stack snippet checks the last layer's output.")
        }
        if stack.isStack {
            guard session == nil else { throw ValidationError("The session supplies the layers; leave out --layer.") }
            if let flag = layer.givenFlags.first(where: { $0 != "--input" }) {
                throw ValidationError("\(flag) sets up a single layer; a stack gives every layer's data with --layer.")
            }
            guard layer.input != nil else { throw ValidationError("Missing expected argument '--input <input>'.") }
        } else if session != nil {
            if let flag = layer.givenFlags.first {
                throw ValidationError("The session supplies the input, kernel and layer; leave out \(flag).")
            }
        } else {
            _ = try layer.arrayPaths()
        }
    }

    func run() throws {
        let written: [String]
        if stack.isStack {
            // Every name is checked before anything is read, computed or written.
            let biases = try stack.notations().map { $0.bias != nil }
            try StackSnippetExport.ensureWritable(path: output, biases: biases, overwrite: force)
            switch try ArrayFile.read(path: layer.input ?? layer.arrayPaths().input) {
            case let .float(tensor): written = try exportStack(tensor)
            case let .double(tensor): written = try exportStack(tensor)
            }
        } else if let session {
            written = try exportSession(at: session)
        } else {
            try SnippetExport.ensureWritable(path: output, hasBias: layer.bias != nil, overwrite: force)
            switch try ArrayFile.read(path: layer.arrayPaths().input) {
            case let .float(tensor): written = try export(tensor)
            case let .double(tensor): written = try export(tensor)
            }
        }
        print("Wrote \(output) and its arrays \(written.dropFirst().joined(separator: ", ")); "
            + "run it with: python3 \(output)")
    }

    /// Computes the layer in the input's float type, then writes the arrays and the snippet.
    private func export<Scalar: ConvolutionScalar>(_ input: Tensor<Scalar>) throws -> [String] {
        let loaded = try layer.load(Scalar.self)
        return try SnippetExport.write(input: input, kernel: loaded.kernel, bias: loaded.bias,
                                       expected: loaded.convolution(input), spec: loaded.convolution.spec,
                                       framework: framework, to: output, overwrite: force)
    }

    /// Computes the stack in the input's float type, then writes the arrays and the snippet.
    private func exportStack<Scalar: ConvolutionScalar>(_ input: Tensor<Scalar>) throws -> [String] {
        let layers = try stack.load(Scalar.self)
        return try StackSnippetExport.write(input: input, stack: layers, expected: layers(input), framework: framework,
                                            to: output, overwrite: force)
    }

    /// The session's input, kernel and layer (or its whole stack), computed as the explorer
    /// computes them (NHWC, in the input's float type).
    private func exportSession(at path: String) throws -> [String] {
        let state = try ExplorerSession.load(path: path)
        switch state.input {
        case let .float(input): return try exportSession(state, input)
        case let .double(input): return try exportSession(state, input)
        }
    }

    private func exportSession<Scalar: ConvolutionScalar>(_ state: ExplorerState, _ input: Tensor<Scalar>) throws -> [String] {
        if !state.parameters.isPlainLayer {
            let layers = try ConvolutionStack(state.parameters.stackLayers(in: Scalar.self))
            try StackSnippetExport.ensureWritable(path: output, biases: layers.layers.map { $0.convolution.bias != nil },
                                                  overwrite: force)
            return try StackSnippetExport.write(input: input, stack: layers, expected: layers(input),
                                                framework: framework, to: output, overwrite: force)
        }
        try SnippetExport.ensureWritable(path: output, hasBias: false, overwrite: force)
        // Computed again rather than read from the state, so impossible parameters throw the core's own error.
        let convolution = try state.parameters.convolution(in: Scalar.self)
        return try SnippetExport.write(input: input, kernel: convolution.kernel, bias: nil, expected: convolution(input),
                                       spec: state.spec, framework: framework, to: output, overwrite: force)
    }
}
