import AtrousCore
import AtrousExplorer
import AtrousIO
import AtrousRender

/// Writes what ``ExplorerEffect/export(_:path:overwrite:)`` asks for: arrays, sessions,
/// screen captures and snippets, each file atomically, none overwritten unless allowed.
public enum Exporter {
    /// The files an export of `kind` to `path` writes, the main one first.
    public static func paths(_ kind: ExportKind, to path: String, subject: ExportSubject) -> [String] {
        switch kind {
        case .session: SessionFile.paths(for: session(subject), at: path)
        case .snippet where exportsStack(subject.state):
            StackSnippetExport.paths(for: path, biases: subject.state.parameters.weights.map { $0.bias != nil })
        case .snippet: SnippetExport.paths(for: path, hasBias: false)
        case .output, .input, .kernel, .counts, .screen: [path]
        }
    }

    /// Writes `kind` to `path`.
    ///
    /// What is to be written and every file are checked before anything is written, so an
    /// export either writes all its files or none (short of a failure of the disk itself), and
    /// the user is never asked about overwriting a file for an export that cannot be made.
    /// - Returns: the files written, the main one first.
    /// - Throws: ``IOError/outputExists(path:)`` naming the first file that exists when
    ///   `overwrite` is false; otherwise an error whose description is one sentence:
    ///   ``ExportError``, ``IOError``, or the core's error when the layer cannot be computed.
    @discardableResult
    public static func perform(_ kind: ExportKind, to path: String, overwrite: Bool,
                               subject: ExportSubject) throws -> [String] {
        try checkSubject(kind, path: path, subject: subject)
        for file in paths(kind, to: path, subject: subject) {
            try OutputFile.ensureWritable(path: file, overwrite: overwrite)
        }
        let state = subject.state
        switch kind {
        case .output:
            try ArrayFile.write(output(state), to: path, overwrite: overwrite)
        case .input:
            try ArrayFile.write(state.input, to: path, overwrite: overwrite)
        case .kernel:
            try ArrayFile.write(kernel(state, path: path), to: path, overwrite: overwrite)
        case .counts:
            guard let map = subject.pathCounts else { throw ExportError.noPathCounts }  // checked above
            let counts = Tensor(shape: [map.size.height, map.size.width], scalars: try map.exactDoubles())
            try ArrayFile.write(counts, to: path, overwrite: overwrite)
        case .session:
            return try SessionFile.write(session(subject), to: path, overwrite: overwrite)
        case let .screen(format):
            guard let screen = subject.screen else { throw ExportError.noScreen }  // checked above
            try OutputFile.write(Array(screen.captured(as: format).utf8), to: path, overwrite: overwrite)
        case let .snippet(framework):
            switch state.input {
            case let .float(input): return try snippet(input, state, framework: framework, to: path, overwrite: overwrite)
            case let .double(input): return try snippet(input, state, framework: framework, to: path, overwrite: overwrite)
            }
        }
        return [path]
    }

    /// Writes a snippet that computes in the input's float type `S`, as the explorer does.
    private static func snippet<S: ConvolutionScalar>(_ input: Tensor<S>, _ state: ExplorerState,
                                                      framework: SnippetFramework, to path: String,
                                                      overwrite: Bool) throws -> [String] {
        if exportsStack(state) {
            // The whole stack, each layer reading the one before, as the explorer computes it.
            let stack = try ConvolutionStack(state.parameters.stackLayers(in: S.self))
            return try StackSnippetExport.write(input: input, stack: stack, expected: stack(input),
                                                framework: framework, to: path, overwrite: overwrite)
        }
        return try SnippetExport.write(input: input, kernel: state.kernel.converted(to: S.self), bias: nil,
                                       expected: output(state).converted(to: S.self), spec: state.spec,
                                       framework: framework, to: path, overwrite: overwrite)
    }

    /// The kernel as it is written to `path`, so that `atrous compute --kernel` reads back the
    /// same kernel: HWIO in a `.npy`; one `kh×kw` table in a `.csv` or `.json` (which hold
    /// 2-D maps), refused for a kernel with several channels.
    static func kernel(_ state: ExplorerState, path: String) throws -> Tensor<Double> {
        guard try ArrayFormat(path: path) != .npy else { return state.kernel }
        let shape = state.kernelShape
        guard shape.inputChannels == 1, shape.outputChannels == 1 else {
            throw ExportError.kernelNeedsNpy(shape: state.kernel.shape)
        }
        return state.kernel.reshaped([shape.size.height, shape.size.width])
    }

    /// Checks that `kind` can be made from `subject` and has a name it can be written under.
    private static func checkSubject(_ kind: ExportKind, path: String, subject: ExportSubject) throws {
        guard path != StandardStream.path else { throw ExportError.standardOutput }
        switch kind {
        case .output: _ = try ArrayFormat(path: path); _ = try output(subject.state)
        case .input: _ = try ArrayFormat(path: path)
        case .kernel: _ = try kernel(subject.state, path: path)
        case .counts:
            _ = try ArrayFormat(path: path)
            guard subject.pathCounts != nil else { throw ExportError.noPathCounts }
        case .screen: guard subject.screen != nil else { throw ExportError.noScreen }
        case .snippet where exportsStack(subject.state):
            if let error = subject.state.stackOutputs.error { throw error }
        case .snippet: _ = try output(subject.state)
        case .session: break
        }
    }

    /// Whether a snippet reproduces the whole stack: more than one layer, or one with a bias or an activation.
    private static func exportsStack(_ state: ExplorerState) -> Bool { !state.parameters.isPlainLayer }

    private static func session(_ subject: ExportSubject) -> ExplorerSession {
        ExplorerSession(state: subject.state)
    }

    private static func output(_ state: ExplorerState) throws -> AnyTensor {
        guard let output = state.output else { throw ExportError.noOutput(state.problem) }
        return output
    }
}
