import ArgumentParser
import AtrousCore
import AtrousIO

/// The arrays and parameters of one layer, as `compute` and `export-code` both take them.
struct LayerOptions: ParsableArguments {
    @Option(help: "The input array: a .npy, .csv, .pgm or .png file, or - for .npy on standard input.")
    var input: String

    @Option(help: "The kernel array: a .npy or .csv file.")
    var kernel: String

    @Option(help: "The bias, a .npy or .csv vector of one value per output channel.")
    var bias: String?

    /// Rate, stride, padding and fill; see ``LayerFlags/computationDefaults``.
    @OptionGroup var flags: LayerFlags

    /// Reads the kernel and bias in the float type `Scalar` (the input's) and builds the layer.
    /// - Throws: ``IOError`` for an unreadable file, ``ConvolutionError`` for arrays that make no layer.
    func load<Scalar: ConvolutionScalar>(_: Scalar.Type) throws -> LoadedLayer<Scalar> {
        let weights = try ArrayFile.read(path: kernel).converted(to: Scalar.self)
        let offsets = try bias.map { try ArrayFile.read(path: $0).converted(to: Scalar.self) }
        if let offsets, offsets.rank != 1 { throw ConvolutionError.biasRank(shape: offsets.shape) }
        let convolution = try Convolution(kernel: weights, bias: offsets?.scalars, rate: flags.rate ?? Pair(square: 1),
                                          stride: flags.stride ?? Pair(square: 1), padding: flags.padding ?? .valid,
                                          fill: flags.fill ?? .zeros)
        return LoadedLayer(kernel: weights, bias: offsets, convolution: convolution)
    }
}

/// A layer's weights as their files hold them, and the convolution they make.
struct LoadedLayer<Scalar: ConvolutionScalar> {
    let kernel: Tensor<Scalar>
    let bias: Tensor<Scalar>?
    let convolution: Convolution<Scalar>
}
