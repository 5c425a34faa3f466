import AtrousCore

/// Writes a snippet together with the arrays it loads, as `atrous export-code` and the
/// explorer's code export both do.
public enum SnippetExport {
    /// Every file an export to `path` writes: the snippet, then the arrays named after it
    /// (see ``SnippetFiles/init(beside:hasBias:)``).
    public static func paths(for path: String, hasBias: Bool) -> [String] {
        [path] + SnippetFiles(beside: path, hasBias: hasBias).all
    }

    /// Checks every file of an export to `path`, before anything is computed.
    /// - Throws: ``CodeExportError/snippetNotAFile(path:)`` for `-`, and ``IOError`` for a
    ///   file that exists (without `overwrite`) or cannot be written.
    public static func ensureWritable(path: String, hasBias: Bool, overwrite: Bool) throws {
        guard path != StandardStream.path else { throw CodeExportError.snippetNotAFile(path: path) }
        for file in paths(for: path, hasBias: hasBias) {
            try OutputFile.ensureWritable(path: file, overwrite: overwrite)
        }
    }

    /// Writes the arrays and, last, the snippet for `framework`, so a snippet never stands
    /// without the files it loads. Every file is written atomically.
    ///
    /// - Parameters:
    ///   - input: the input as its file holds it, (H,W), (H,W,C) or (N,H,W,C).
    ///   - kernel: the kernel as its file holds it, (kh,kw) or (kh,kw,Cin,Cout).
    ///   - bias: one value per output channel, or nil.
    ///   - expected: atrous's result for the layer, which the snippet checks its own against.
    ///   - spec: the layer.
    ///   - path: the snippet's path; the arrays go beside it.
    /// - Returns: the files written, the snippet first.
    /// - Throws: ``ConvolutionError`` or ``CodeExportError`` when the arrays and the layer do
    ///   not fit together, ``IOError`` when a file cannot be written.
    @discardableResult
    public static func write<Scalar: ConvolutionScalar>(
        input: Tensor<Scalar>, kernel: Tensor<Scalar>, bias: Tensor<Scalar>?, expected: Tensor<Scalar>,
        spec: LayerSpec, framework: SnippetFramework, to path: String, overwrite: Bool
    ) throws -> [String] {
        guard path != StandardStream.path else { throw CodeExportError.snippetNotAFile(path: path) }
        let files = SnippetFiles(beside: path, hasBias: bias != nil)
        let request = try SnippetRequest(spec: spec, inputShape: input.shape, kernelShape: kernel.shape,
                                         biasShape: bias?.shape, files: files.relativeToSnippet)
        let source = PythonSnippet.source(for: request, framework: framework)
        try ArrayFile.write(input, to: files.input, overwrite: overwrite)
        try ArrayFile.write(kernel, to: files.kernel, overwrite: overwrite)
        if let bias, let biasPath = files.bias { try ArrayFile.write(bias, to: biasPath, overwrite: overwrite) }
        try ArrayFile.write(expected, to: files.expected, overwrite: overwrite)
        try OutputFile.write(Array(source.utf8), to: path, overwrite: overwrite)
        return [path] + files.all
    }
}
