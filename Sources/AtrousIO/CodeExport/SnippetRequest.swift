import AtrousCore

/// What a generated snippet reproduces: one layer applied to arrays of known shapes, loaded
/// from known files, with atrous's result to compare against.
public struct SnippetRequest: Sendable {
    public let spec: LayerSpec
    /// The shapes as stored in the files: the input (H,W), (H,W,C) or (N,H,W,C), the kernel
    /// (kh,kw) or (kh,kw,Cin,Cout), the bias (Cout,).
    public let inputShape: [Int]
    public let kernelShape: [Int]
    public let biasShape: [Int]?
    public let files: SnippetFiles
    /// The resolved geometry: pads per side and output size.
    public let geometry: ConvolutionGeometry
    /// The input and kernel as NHWC and HWIO.
    public let input: FeatureMapShape
    public let kernel: KernelShape

    /// Validates a layer against the arrays it applies to.
    ///
    /// - Throws: ``ConvolutionError`` for shapes or a configuration atrous rejects, and
    ///   ``CodeExportError`` when the spec's kernel size or the bias file disagree with the shapes.
    public init(spec: LayerSpec, inputShape: [Int], kernelShape: [Int], biasShape: [Int]?,
                files: SnippetFiles) throws {
        let input = try FeatureMapShape(shape: inputShape)
        let kernel = try KernelShape(shape: kernelShape)
        guard kernel.size == spec.kernelSize else {
            throw CodeExportError.kernelSizeMismatch(layerKernel: spec.kernelSize, kernelShape: kernelShape)
        }
        guard input.channels == kernel.inputChannels else {
            throw ConvolutionError.channelMismatch(inputChannels: input.channels,
                                                   kernelInputChannels: kernel.inputChannels)
        }
        if let biasShape {
            guard biasShape.count == 1 else { throw ConvolutionError.biasRank(shape: biasShape) }
            guard biasShape[0] == kernel.outputChannels else {
                throw ConvolutionError.biasLength(length: biasShape[0], outputChannels: kernel.outputChannels)
            }
        }
        guard (biasShape != nil) == (files.bias != nil) else {
            throw CodeExportError.biasFileMismatch(hasBiasShape: biasShape != nil)
        }
        self.spec = spec
        self.inputShape = inputShape
        self.kernelShape = kernelShape
        self.biasShape = biasShape
        self.files = files
        self.input = input
        self.kernel = kernel
        geometry = try ConvolutionGeometry(inputSize: input.spatial, spec: spec)
    }

    public var hasBias: Bool { biasShape != nil }

    /// The result as NHWC.
    public var output: FeatureMapShape {
        FeatureMapShape(batch: input.batch, height: geometry.rows.outputSize, width: geometry.columns.outputSize,
                        channels: kernel.outputChannels)
    }

    /// The result's shape as atrous writes it: the input's rank.
    public var outputShape: [Int] { output.dimensions(matchingRank: inputShape.count) }

    var pads: (top: Int, bottom: Int, left: Int, right: Int) { geometry.pads }
    var isPadded: Bool { pads != (0, 0, 0, 0) }
    var isStrided: Bool { spec.stride != Pair(square: 1) }
    var isDilated: Bool { spec.rate != Pair(square: 1) }
    /// The same padding on both sides of each axis.
    var hasSymmetricPads: Bool { pads.top == pads.bottom && pads.left == pads.right }
    /// Whether the padded cells hold anything but zeros somewhere.
    var fillShows: Bool { spec.fill != .zeros && isPadded }
}
