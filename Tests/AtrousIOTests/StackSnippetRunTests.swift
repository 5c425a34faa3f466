import AtrousCore
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

/// Generated stack snippets run under Python and agree with atrous's last output, in every
/// framework that is installed; the others are at least valid Python.
@Suite struct StackSnippetRunTests {
    /// A stack to reproduce: the input's shape, each layer's notation (without `w`), its
    /// kernel's channels, whether it has a bias, in float32 or float64.
    struct StackCase: Sendable, CustomStringConvertible {
        let name: String
        let inputShape: [Int]
        let layers: [(notation: String, cin: Int, cout: Int, kernel: Pair, bias: Bool)]
        let double: Bool
        var description: String { name }

        /// Writes the snippet for `framework` and its arrays into `directory`; returns its path.
        func write(for framework: SnippetFramework, in directory: TemporaryDirectory) throws -> String {
            double ? try write(Double.self, framework, directory) : try write(Float.self, framework, directory)
        }

        private func write<S: ConvolutionScalar>(_: S.Type, _ framework: SnippetFramework,
                                                 _ directory: TemporaryDirectory) throws -> String {
            var random = SplitMix64(seed: UInt64(name.utf8.count * 7 + layers.count))
            func array(_ shape: [Int]) -> Tensor<S> { Tensor(shape: shape) { _ in S(Double.random(in: -1...1, using: &random)) } }
            let layers = try self.layers.map { layer in
                let notation = try ComputedLayerNotation(notation: "w=k.npy," + layer.notation)
                let kernel = array([layer.kernel.height, layer.kernel.width, layer.cin, layer.cout])
                return StackLayer(try Convolution(kernel: kernel, bias: layer.bias ? array([layer.cout]).scalars : nil,
                                                  rate: notation.rate, stride: notation.stride, padding: notation.padding,
                                                  fill: notation.fill), activation: notation.activation)
            }
            let stack = try ConvolutionStack(layers)
            let input = array(inputShape)
            let path = directory.path("\(framework)_\(name).py")
            try StackSnippetExport.write(input: input, stack: stack, expected: stack(input), framework: framework,
                                         to: path, overwrite: false)
            return path
        }
    }

    static let cases: [StackCase] = [
        StackCase(name: "gridding", inputShape: [17, 15],
                  layers: [("r=2,a=relu", 1, 2, Pair(square: 3), true), ("r=2,f=reflect", 2, 2, Pair(square: 3), false),
                           ("r=2,f=replicate,a=relu", 2, 1, Pair(square: 3), true)], double: false),
        StackCase(name: "strided_dilated_uneven", inputShape: [1, 19, 16, 3],
                  layers: [("r=2x1,s=2,p=1,0,2,1,f=circular", 3, 4, Pair(3, 2), true),
                           ("r=2,s=2,p=valid", 4, 2, Pair(square: 2), false),
                           ("r=1,p=same,f=replicate,a=relu", 2, 2, Pair(square: 2), true)], double: true),
        StackCase(name: "wide_circular", inputShape: [4, 5, 2],
                  layers: [("r=3,p=same,f=circular", 2, 2, Pair(square: 3), false), ("r=1,p=full", 2, 1, Pair(square: 2), true)],
                  double: true),
    ]

    private func run(_ framework: SnippetFramework) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for stackCase in Self.cases {
            let result = try Python.runFile(try stackCase.write(for: framework, in: directory))
            #expect(result.status == 0, "\(framework) \(stackCase): \(result.output) \(result.standardError.suffix(600))")
            let lines = result.output.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].contains(" matches atrous: max abs error "), "\(framework) \(stackCase): \(result.output)")
        }
    }

    @Test(.enabled(if: Python.hasNumpy)) func numpyStacksMatch() throws { try run(.numpy) }

    @Test(.enabled(if: Python.canImport(SnippetFramework.jax.pythonModule))) func jaxStacksMatch() throws { try run(.jax) }

    @Test(.enabled(if: Python.canImport(SnippetFramework.tensorflow.pythonModule))) func kerasStacksMatch() throws {
        try run(.tensorflow)
    }

    @Test(.enabled(if: Python.canImport(SnippetFramework.pytorch.pythonModule))) func pytorchStacksMatch() throws {
        try run(.pytorch)
    }

    @Test(.enabled(if: Python.hasNumpy)) func everyStackSnippetCompiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = try Self.cases.flatMap { stackCase in
            try SnippetFramework.allCases.map { try stackCase.write(for: $0, in: directory) }
        }
        let result = try Python.run("import py_compile, sys\nfor path in sys.argv[1:]: py_compile.compile(path, doraise=True)",
                                    arguments: paths)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(paths.count == 12)
    }

    @Test func layersThatDoNotChainAreRefusedBeforeAnythingIsWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = #expect(throws: ConvolutionStackError.self) {
            try StackSnippetRequest(specs: [LayerSpec(kernelSize: Pair(square: 1)), LayerSpec(kernelSize: Pair(square: 1))],
                                    activations: [.none, .none], inputShape: [4, 4],
                                    kernelShapes: [[1, 1, 1, 2], [1, 1, 3, 1]], biasShapes: [nil, nil],
                                    files: StackSnippetFiles(beside: "s.py", biases: [false, false]))
        }
        #expect(error == .channelsDoNotChain(index: 1, previousOutputChannels: 2, inputChannels: 3))
        #expect(try directory.contents() == [])
    }
}
