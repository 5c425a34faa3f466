import ArgumentParser
import AtrousCore
import AtrousIO

extension SnippetFramework: ExpressibleByArgument {}

/// `atrous export-code`: a runnable Python snippet that reproduces one layer, with its arrays.
struct ExportCodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-code",
        abstract: "Write a Python snippet that reproduces a layer with TensorFlow, PyTorch, JAX or NumPy.",
        discussion: """
            Beside the snippet go the arrays it loads, named after it: for conv.py, conv.input.npy, \
            conv.kernel.npy, conv.bias.npy (with --bias) and conv.expected.npy, atrous's own result. \
            Run the snippet with python3: it prints how far each framework's result lies from \
            atrous's and exits with 1 when they differ. \(LayerFlags.computationDefaults) Example:
              atrous export-code --framework pytorch --input x.npy --kernel k.npy --rate 2 \\
                --padding same --output conv.py
            """)

    @Option(help: "The framework: tensorflow, pytorch, jax or numpy.")
    var framework: SnippetFramework

    @OptionGroup var layer: LayerOptions

    @Option(help: "The snippet, a .py file; its arrays are written beside it.")
    var output: String

    @Flag(help: "Replace the snippet and its arrays if they exist.")
    var force = false

    func run() throws {
        guard output != StandardStream.path else { throw CodeExportError.snippetNotAFile(path: output) }
        let files = SnippetFiles(beside: output, hasBias: layer.bias != nil)
        // Every name is checked before anything is computed or written.
        for path in [output] + files.all { try OutputFile.ensureWritable(path: path, overwrite: force) }
        switch try ArrayFile.read(path: layer.input) {
        case let .float(tensor): try export(tensor, files: files)
        case let .double(tensor): try export(tensor, files: files)
        }
        print("Wrote \(output) and its arrays \(files.all.joined(separator: ", ")); run it with: python3 \(output)")
    }

    /// Computes the layer in the input's float type, then writes the arrays and, last, the snippet,
    /// so a snippet never stands without the files it loads.
    private func export<Scalar: ConvolutionScalar>(_ input: Tensor<Scalar>, files: SnippetFiles) throws {
        let loaded = try layer.load(Scalar.self)
        let expected = try loaded.convolution(input)
        let request = try SnippetRequest(spec: loaded.convolution.spec, inputShape: input.shape,
                                         kernelShape: loaded.kernel.shape, biasShape: loaded.bias?.shape,
                                         files: files.relativeToSnippet)
        let source = PythonSnippet.source(for: request, framework: framework)
        try ArrayFile.write(input, to: files.input, overwrite: force)
        try ArrayFile.write(loaded.kernel, to: files.kernel, overwrite: force)
        if let bias = loaded.bias, let path = files.bias { try ArrayFile.write(bias, to: path, overwrite: force) }
        try ArrayFile.write(expected, to: files.expected, overwrite: force)
        try OutputFile.write(Array(source.utf8), to: output, overwrite: force)
    }
}
