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
            The result keeps the input's rank and float type. \(LayerFlags.computationDefaults)
            """)

    @OptionGroup var layer: LayerOptions

    @Option(help: "The result: a .npy, .csv or .json file, or - for .npy on standard output.")
    var output: String

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    func run() throws {
        // Both checks come before reading and computing, so a bad output name fails fast.
        _ = try ArrayFormat(path: output)
        try OutputFile.ensureWritable(path: output, overwrite: force)
        switch try ArrayFile.read(path: layer.input) {
        case let .float(tensor):
            try ArrayFile.write(layer.load(Float.self).convolution(tensor), to: output, overwrite: force)
        case let .double(tensor):
            try ArrayFile.write(layer.load(Double.self).convolution(tensor), to: output, overwrite: force)
        }
    }
}
