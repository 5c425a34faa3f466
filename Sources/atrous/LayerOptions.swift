import ArgumentParser
import AtrousCore
import AtrousIO

/// The arrays and parameters of one layer, as `compute` and `export-code` both take them.
///
/// The arrays are optional here so that `export-code --session` can go without them;
/// ``arrayPaths()`` requires them wherever the layer comes from flags.
struct LayerOptions: ParsableArguments {
    @Option(help: "The input array: a .npy, .csv, .pgm or .png file, or - for .npy on standard input.")
    var input: String?

    @Option(help: "The kernel array: a .npy or .csv file.")
    var kernel: String?

    @Option(help: "The bias, a .npy or .csv vector of one value per output channel.")
    var bias: String?

    /// Rate, stride, padding and fill; see ``LayerFlags/computationDefaults``.
    @OptionGroup var flags: LayerFlags

    /// The input and kernel files, which every layer read from flags needs.
    /// - Throws: `ValidationError` naming the first missing flag.
    func arrayPaths() throws -> (input: String, kernel: String) {
        guard let input else { throw ValidationError("Missing expected argument '--input <input>'.") }
        guard let kernel else { throw ValidationError("Missing expected argument '--kernel <kernel>'.") }
        return (input, kernel)
    }

    /// The flags that were given, by name, for refusing them where something else supplies the layer.
    var givenFlags: [String] {
        [("--input", input != nil), ("--kernel", kernel != nil), ("--bias", bias != nil),
         ("--rate", flags.rate != nil), ("--stride", flags.stride != nil), ("--padding", flags.padding != nil),
         ("--fill", flags.fill != nil)]
            .filter(\.1).map(\.0)
    }

    /// Reads the kernel and bias in the float type `Scalar` (the input's) and builds the layer.
    /// - Throws: `ValidationError` for a missing `--kernel`, ``IOError`` for an unreadable file,
    ///   ``ConvolutionError`` for arrays that make no layer.
    func load<Scalar: ConvolutionScalar>(_: Scalar.Type) throws -> LoadedLayer<Scalar> {
        let (weights, offsets) = try LoadedLayer<Scalar>.readWeights(kernel: arrayPaths().kernel, bias: bias)
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

    /// Reads a kernel and an optional bias vector in the float type `Scalar`.
    /// - Throws: ``IOError`` for an unreadable file, ``ConvolutionError/biasRank(shape:)`` for a
    ///   bias that is not a vector.
    static func readWeights(kernel: String, bias: String?) throws -> (kernel: Tensor<Scalar>, bias: Tensor<Scalar>?) {
        let weights = try ArrayFile.read(path: kernel).converted(to: Scalar.self)
        let offsets = try bias.map { try ArrayFile.read(path: $0).converted(to: Scalar.self) }
        if let offsets, offsets.rank != 1 { throw ConvolutionError.biasRank(shape: offsets.shape) }
        return (weights, offsets)
    }
}
