import AtrousCore
import AtrousIO
import AtrousTestSupport
import Testing

/// One layer configuration whose snippets the tests generate and run, with seeded random
/// arrays and atrous's own result written beside the snippet.
struct SnippetCase: Sendable, CustomTestStringConvertible {
    let name: String
    let inputShape: [Int]
    let kernelShape: [Int]
    let hasBias: Bool
    let rate: Pair
    let stride: Pair
    let padding: Padding
    let fill: Fill
    let double: Bool

    init(_ name: String, input: [Int], kernel: [Int], bias: Bool = false, rate: Pair = Pair(square: 1),
         stride: Pair = Pair(square: 1), padding: Padding = .valid, fill: Fill = .zeros, double: Bool = false) {
        self.name = name
        inputShape = input
        kernelShape = kernel
        hasBias = bias
        self.rate = rate
        self.stride = stride
        self.padding = padding
        self.fill = fill
        self.double = double
    }

    var testDescription: String { name }

    var spec: LayerSpec {
        LayerSpec(kernelSize: Pair(kernelShape[0], kernelShape[1]), rate: rate, stride: stride, padding: padding, fill: fill)
    }

    static let all: [SnippetCase] = [
        SnippetCase("rank 2, rate 2, same", input: [9, 11], kernel: [3, 3], rate: Pair(square: 2), padding: .same),
        SnippetCase("rank 2, even kernel, uneven same", input: [8, 10], kernel: [2, 4], padding: .same),
        SnippetCase("rank 4 with bias, rates 2x3, stride 2, same", input: [2, 9, 11, 3], kernel: [3, 3, 3, 4],
                    bias: true, rate: Pair(2, 3), stride: Pair(square: 2), padding: .same, double: true),
        SnippetCase("rank 3, full, circular, rate 3", input: [7, 8, 2], kernel: [2, 3, 2, 3], rate: Pair(square: 3),
                    padding: .full, fill: .circular),
        SnippetCase("uneven explicit pads, replicate", input: [9, 11], kernel: [3, 2], rate: Pair(square: 2),
                    padding: .explicit(top: 3, bottom: 0, left: 1, right: 4), fill: .replicate),
        SnippetCase("causal, rate 2", input: [4, 16], kernel: [1, 3], rate: Pair(square: 2), padding: .causal),
        SnippetCase("valid stride 2x1, reflect never shows", input: [9, 11], kernel: [3, 3], stride: Pair(2, 1),
                    fill: .reflect),
        SnippetCase("rank 4 with bias, same, reflect, rate 2, stride 3", input: [1, 10, 9, 2], kernel: [3, 3, 2, 3],
                    bias: true, rate: Pair(square: 2), stride: Pair(square: 3), padding: .same, fill: .reflect),
        SnippetCase("circular pads wider than the input", input: [5, 6], kernel: [3, 3], rate: Pair(square: 2),
                    padding: .explicit(top: 7, bottom: 7, left: 8, right: 8), fill: .circular),
        SnippetCase("circular pads as wide as the input", input: [5, 6], kernel: [3, 3], rate: Pair(square: 2),
                    padding: .explicit(top: 5, bottom: 5, left: 6, right: 6), fill: .circular),
        SnippetCase("rank 3 with bias, valid, stride 2, rate 2", input: [12, 13, 2], kernel: [3, 3, 2, 2], bias: true,
                    rate: Pair(square: 2), stride: Pair(square: 2)),
        SnippetCase("same, stride 2, even pads", input: [9, 9], kernel: [3, 3], stride: Pair(square: 2), padding: .same),
        SnippetCase("symmetric explicit zeros, rate 2", input: [6, 7], kernel: [3, 3], rate: Pair(square: 2),
                    padding: .explicit(top: 2, bottom: 2, left: 1, right: 1), double: true),
        SnippetCase("1x1 kernel with bias", input: [1, 4, 5, 3], kernel: [1, 1, 3, 2], bias: true),
    ]

    /// Writes the case's arrays and atrous's result beside `NAME.py` in `directory`, and the
    /// snippet for `framework`; returns the snippet's path.
    func write(for framework: SnippetFramework, in directory: TemporaryDirectory, named name: String = "snippet") throws -> String {
        double ? try write(Double.self, for: framework, in: directory, named: name)
            : try write(Float.self, for: framework, in: directory, named: name)
    }

    private func write<Scalar: ConvolutionScalar>(_: Scalar.Type, for framework: SnippetFramework,
                                                  in directory: TemporaryDirectory, named snippetName: String) throws -> String {
        var random = SplitMix64(seed: UInt64(name.utf8.count * 31 + inputShape.reduce(0, +)))
        func array(_ shape: [Int]) -> Tensor<Scalar> {
            Tensor(shape: shape) { _ in Scalar(Double.random(in: -1...1, using: &random)) }
        }
        let input = array(inputShape), kernel = array(kernelShape)
        let bias = hasBias ? array([kernelShape.count == 4 ? kernelShape[3] : 1]) : nil
        let layer = try Convolution(kernel: kernel, bias: bias?.scalars, rate: rate, stride: stride,
                                    padding: padding, fill: fill)
        let files = SnippetFiles(beside: snippetName + ".py", hasBias: hasBias)
        try ArrayFile.write(input, to: directory.path(files.input), overwrite: true)
        try ArrayFile.write(kernel, to: directory.path(files.kernel), overwrite: true)
        if let bias, let path = files.bias { try ArrayFile.write(bias, to: directory.path(path), overwrite: true) }
        try ArrayFile.write(try layer(input), to: directory.path(files.expected), overwrite: true)
        let request = try SnippetRequest(spec: spec, inputShape: inputShape, kernelShape: kernelShape,
                                         biasShape: bias?.shape, files: files)
        try directory.write(Array(PythonSnippet.source(for: request, framework: framework).utf8), to: snippetName + ".py")
        return directory.path(snippetName + ".py")
    }
}
