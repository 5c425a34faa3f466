import ArgumentParser
import AtrousCore
import AtrousIO

/// `atrous compute`: one dilated convolution, or a stack of them, from files to files.
struct ComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Convolve an input array with a kernel, or a stack of layers, and write the result.",
        discussion: """
            The input is (H,W), (H,W,C) or (N,H,W,C) and the kernel (kh,kw) or (kh,kw,Cin,Cout), \
            as TensorFlow lays them out; a .pgm or .png image reads as (H,W,C) with values in [0,1]. \
            The result keeps the input's rank and is float32 for a float16 or float32 .npy input, \
            float64 for every other input (float64 or integer .npy, .csv, images). \
            \(LayerFlags.computationDefaults) Every output is the plain sum of its own taps unless \
            --algorithm winograd trades accuracy for speed (a single layer only). \
            A stack replaces --kernel, --bias and the layer flags with one --layer per layer, first \
            layer first, each reading the previous layer's output: \
            --layer w=W1.npy,b=B1.npy,r=2x2,s=1,p=same,f=zeros,a=relu (b optional; r and s default \
            to 1, p to same, f to zeros, a to none; the kernel size comes from the weights). \
            --output writes the last layer's output, --all-layers DIR every layer's.
            """)

    @OptionGroup var layer: LayerOptions

    @OptionGroup var stack: StackFlags

    @Option(help: "The result: a .npy, .csv or .json file, or - for .npy on standard output.")
    var output: String?

    @Option(help: ArgumentHelp(
        "direct (every output the sum of its own taps) or winograd (3x3 kernels at stride 1; faster, less accurate).",
        discussion: "Winograd's F(4x4,3x3) transform adds and cancels large numbers: its error is several times "
            + "the direct sum's, and a large input value leaks into outputs whose taps do not read it. "
            + "Other kernels and strides run direct."))
    var algorithm: ConvolutionAlgorithm = .direct

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        guard stack.isStack else {
            _ = try layer.arrayPaths()
            guard stack.allLayersDirectory == nil else {
                throw ValidationError("--all-layers writes the layers of a stack; give the layers with --layer.")
            }
            _ = try outputPath()
            return
        }
        guard algorithm == .direct else {
            throw ValidationError("--algorithm winograd applies to a single layer; a stack runs every layer direct.")
        }
        if let flag = layer.givenFlags.first(where: { $0 != "--input" }) {
            throw ValidationError("\(flag) sets up a single layer; a stack gives every layer's data with --layer.")
        }
        guard layer.input != nil else { throw ValidationError("Missing expected argument '--input <input>'.") }
        guard output != nil || stack.allLayersDirectory != nil else {
            throw ValidationError("Missing expected argument '--output <output>' or '--all-layers <directory>'.")
        }
    }

    /// `--output`, which a single layer needs.
    private func outputPath() throws -> String {
        guard let output else { throw ValidationError("Missing expected argument '--output <output>'.") }
        return output
    }

    func run() throws {
        let notations = try stack.notations()
        // Every output is checked before reading and computing, so a bad name fails fast.
        let destinations = stack.isStack ? [output].compactMap { $0 } + notations.indices.compactMap(stack.layerOutputPath)
                                         : [try outputPath()]
        for path in destinations {
            _ = try ArrayFormat(path: path)
            try OutputFile.ensureWritable(path: path, overwrite: force)
        }
        let inputPath = try layer.input ?? layer.arrayPaths().input
        switch try ArrayFile.read(path: inputPath) {
        case let .float(tensor): try compute(tensor)
        case let .double(tensor): try compute(tensor)
        }
    }

    /// Computes in the input's float type and writes every requested output once all are computed.
    private func compute<Scalar: ConvolutionScalar>(_ input: Tensor<Scalar>) throws {
        guard stack.isStack else {
            try ArrayFile.write(layer.load(Scalar.self).convolution(input, algorithm: algorithm), to: outputPath(), overwrite: force)
            return
        }
        let outputs = try stack.load(Scalar.self).outputs(of: input)
        for (index, tensor) in outputs.enumerated() {
            if let path = stack.layerOutputPath(index) { try ArrayFile.write(tensor, to: path, overwrite: force) }
        }
        if let output, let last = outputs.last { try ArrayFile.write(last, to: output, overwrite: force) }
    }
}
