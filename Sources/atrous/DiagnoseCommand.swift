import ArgumentParser
import AtrousCore
import AtrousIO

/// `atrous diagnose`: which conventions turn an input and a kernel into the output a user has.
struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Find which convolution conventions reproduce an output you have.",
        discussion: """
            Searches rates 1 to 8 and strides 1 to 4 per axis; valid, SAME, symmetric, full, causal \
            and explicit padding up to the effective kernel per side; zeros, reflect, replicate and \
            circular fill; the kernel as given, flipped, with its height and width or its channels \
            swapped; NHWC or NCHW input and output; the kernel applied twice (first at rate 1 with \
            SAME); the bias added or missing. Candidates are computed by atrous's own convolution and \
            compared with --actual within 1e-4 x max(1, max |actual|). The matches are printed \
            plainest first, each as one sentence with a TensorFlow expression that computes it \
            from x (the input with a batch axis added, and a channel axis for an (H,W) map), k (the \
            kernel as (kh,kw,Cin,Cout)) and b (the bias); when nothing matches, the closest \
            configurations with a map of their differences.
            """)

    @Option(help: "The input array: a .npy, .csv, .pgm or .png file.")
    var input: String

    @Option(help: "The kernel array, (kh,kw) or (kh,kw,Cin,Cout): a .npy or .csv file.")
    var kernel: String

    @Option(help: "The output to explain, in the input's layout: a .npy or .csv file.")
    var actual: String

    @Option(help: "The bias the layer was given, a .npy or .csv vector of one value per output channel.")
    var bias: String?

    @Flag(help: "Print the findings as JSON.")
    var json = false

    func run() throws {
        let x = try ArrayFile.read(path: input).converted(to: Double.self)
        let (weights, offsets) = try LoadedLayer<Double>.readWeights(kernel: kernel, bias: bias)
        let y = try ArrayFile.read(path: actual).converted(to: Double.self)
        let report = try Diagnosis.run(input: x, kernel: weights, actual: y, bias: offsets?.scalars)
        print(json ? report.jsonText() : report.text(inputShape: x.shape, kernelShape: weights.shape,
                                                    actualShape: y.shape),
              terminator: "")
    }
}
