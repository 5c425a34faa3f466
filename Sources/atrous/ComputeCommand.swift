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
            as TensorFlow lays them out; a .pgm or .png image reads as (H,W,C) with values in [0,1]. \
            The result keeps the input's rank and is float32 for a float16 or float32 .npy input, \
            float64 for every other input (float64 or integer .npy, .csv, images). \
            \(LayerFlags.computationDefaults) Every output is the plain sum of its own taps unless \
            --algorithm winograd trades accuracy for speed.
            """)

    @OptionGroup var layer: LayerOptions

    @Option(help: "The result: a .npy, .csv or .json file, or - for .npy on standard output.")
    var output: String

    @Option(help: ArgumentHelp(
        "direct (every output the sum of its own taps) or winograd (3x3 kernels at stride 1; faster, less accurate).",
        discussion: "Winograd's F(4x4,3x3) transform adds and cancels large numbers: its error is several times "
            + "the direct sum's, and a large input value leaks into outputs whose taps do not read it. "
            + "Other kernels and strides run direct."))
    var algorithm: ConvolutionAlgorithm = .direct

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func validate() throws {
        _ = try layer.arrayPaths()
    }

    func run() throws {
        // Both checks come before reading and computing, so a bad output name fails fast.
        _ = try ArrayFormat(path: output)
        try OutputFile.ensureWritable(path: output, overwrite: force)
        switch try ArrayFile.read(path: layer.arrayPaths().input) {
        case let .float(tensor):
            try ArrayFile.write(layer.load(Float.self).convolution(tensor, algorithm: algorithm), to: output, overwrite: force)
        case let .double(tensor):
            try ArrayFile.write(layer.load(Double.self).convolution(tensor, algorithm: algorithm), to: output, overwrite: force)
        }
    }
}
