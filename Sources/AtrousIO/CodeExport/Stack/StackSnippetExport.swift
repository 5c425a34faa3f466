import AtrousCore

/// Writes a stack snippet together with the arrays it loads, as `atrous export-code --layer …`
/// and the explorer's code export of a stack both do.
public enum StackSnippetExport {
    /// Every file an export to `path` writes: the snippet, then its arrays.
    public static func paths(for path: String, biases: [Bool]) -> [String] {
        [path] + StackSnippetFiles(beside: path, biases: biases).all
    }

    /// Checks every file of an export to `path`, before anything is computed.
    /// - Throws: ``CodeExportError/snippetNotAFile(path:)`` for `-`, and ``IOError`` for a
    ///   file that exists (without `overwrite`) or cannot be written.
    public static func ensureWritable(path: String, biases: [Bool], overwrite: Bool) throws {
        guard path != StandardStream.path else { throw CodeExportError.snippetNotAFile(path: path) }
        for file in paths(for: path, biases: biases) { try OutputFile.ensureWritable(path: file, overwrite: overwrite) }
    }

    /// Writes the arrays and, last, the snippet, so a snippet never stands without its files.
    ///
    /// - Parameters:
    ///   - input: the input as its file holds it.
    ///   - stack: the layers; their kernels and biases are written as the stack holds them (HWIO).
    ///   - expected: atrous's last output, which the snippet checks its own against.
    /// - Returns: the files written, the snippet first.
    /// - Throws: ``ConvolutionStackError`` when the layers do not fit the input, ``IOError``
    ///   when a file cannot be written.
    @discardableResult
    public static func write<Scalar: ConvolutionScalar>(
        input: Tensor<Scalar>, stack: ConvolutionStack<Scalar>, expected: Tensor<Scalar>,
        framework: SnippetFramework, to path: String, overwrite: Bool
    ) throws -> [String] {
        guard path != StandardStream.path else { throw CodeExportError.snippetNotAFile(path: path) }
        let convolutions = stack.layers.map(\.convolution)
        let files = StackSnippetFiles(beside: path, biases: convolutions.map { $0.bias != nil })
        let request = try StackSnippetRequest(
            specs: convolutions.map(\.spec), activations: stack.layers.map(\.activation), inputShape: input.shape,
            kernelShapes: convolutions.map(\.kernel.shape), biasShapes: convolutions.map { $0.bias.map { [$0.count] } },
            files: files.relativeToSnippet)
        let source = StackPythonSnippet.source(for: request, framework: framework)
        try ArrayFile.write(input, to: files.input, overwrite: overwrite)
        for (convolution, layerFiles) in zip(convolutions, files.layers) {
            try ArrayFile.write(convolution.kernel, to: layerFiles.kernel, overwrite: overwrite)
            if let bias = convolution.bias, let biasPath = layerFiles.bias {
                try ArrayFile.write(Tensor(shape: [bias.count], scalars: bias), to: biasPath, overwrite: overwrite)
            }
        }
        try ArrayFile.write(expected, to: files.expected, overwrite: overwrite)
        try OutputFile.write(Array(source.utf8), to: path, overwrite: overwrite)
        return [path] + files.all
    }
}
