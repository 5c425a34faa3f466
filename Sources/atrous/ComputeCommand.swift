import ArgumentParser
import AtrousCore
import AtrousIO

/// `atrous compute`: one dilated convolution from files to a file.
struct ComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Convolve an input array with a kernel and write the result.",
        discussion: """
            The input is (H,W), (H,W,C) or (N,H,W,C) and the kernel (kh,kw) or (kh,kw,Cin,Cout), \
            as TensorFlow lays them out. The result keeps the input's rank and float type.
            """)

    @Option(help: "The input array: a .npy or .csv file, or - for .npy on standard input.")
    var input: String

    @Option(help: "The kernel array: a .npy or .csv file.")
    var kernel: String

    @Option(help: "The bias, a .npy or .csv vector of one value per output channel.")
    var bias: String?

    @Option(help: "The dilation rate: R for both axes, or R,C (also RxC) for height and width.")
    var rate = Pair(square: 1)

    @Option(help: "The stride: S for both axes, or S,T (also SxT) for height and width.")
    var stride = Pair(square: 1)

    @Option(help: "The padding: valid, same, full, causal, or explicit cells T,B,L,R.")
    var padding = Padding.valid

    @Option(help: "What the padded cells hold.")
    var fill = Fill.zeros

    @Option(help: "The result: a .npy, .csv or .json file, or - for .npy on standard output.")
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        // Both checks come before reading and computing, so a bad output name fails fast.
        _ = try ArrayFormat(path: output)
        try OutputFile.ensureWritable(path: output, overwrite: force)
        switch try ArrayFile.read(path: input) {
        case let .float(tensor): try ArrayFile.write(compute(tensor), to: output, overwrite: force)
        case let .double(tensor): try ArrayFile.write(compute(tensor), to: output, overwrite: force)
        }
    }

    /// The convolution of `tensor` in its own float type; the kernel and bias are converted to it.
    private func compute<Scalar: ConvolutionScalar>(_ tensor: Tensor<Scalar>) throws -> Tensor<Scalar> {
        let weights = try ArrayFile.read(path: kernel).converted(to: Scalar.self)
        let offsets = try bias.map { try biasValues(ArrayFile.read(path: $0).converted(to: Scalar.self)) }
        let layer = try Convolution(kernel: weights, bias: offsets, rate: rate, stride: stride,
                                    padding: padding, fill: fill)
        return try layer(tensor)
    }

    /// The bias values, which must form a vector of one value per output channel.
    private func biasValues<Scalar: ConvolutionScalar>(_ tensor: Tensor<Scalar>) throws -> [Scalar] {
        guard tensor.rank == 1 else { throw ConvolutionError.biasRank(shape: tensor.shape) }
        return tensor.scalars
    }
}
