import AtrousCore

/// A convolution workload: input and kernel shapes, layer parameters, algorithm and threads.
public struct ConvolutionWorkload: Sendable, Hashable {
    public var batch: Int, height: Int, width: Int, inputChannels: Int, outputChannels: Int
    public var kernel: Pair
    public var rate: Pair
    public var stride: Pair
    public var padding: Padding
    /// The core's computation: direct, as everywhere by default, or Winograd's on request.
    public var algorithm: ConvolutionAlgorithm
    /// Threads the convolution may use; nil for its default (every active processor).
    public var workers: Int?

    public init(batch: Int = 1, height: Int, width: Int, inputChannels: Int, outputChannels: Int, kernel: Pair,
                rate: Pair, stride: Pair = Pair(square: 1), padding: Padding = .same,
                algorithm: ConvolutionAlgorithm = .direct, workers: Int? = nil) {
        self.batch = batch
        self.height = height
        self.width = width
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        self.kernel = kernel
        self.rate = rate
        self.stride = stride
        self.padding = padding
        self.algorithm = algorithm
        self.workers = workers
    }

    /// The seed workload: 1x100x100x32 float32 through a 3x3x32x64 kernel at rate 2, SAME
    /// padding, as `tf.nn.atrous_conv2d` computes it.
    public static let seed = ConvolutionWorkload(height: 100, width: 100, inputChannels: 32, outputChannels: 64,
                                                 kernel: Pair(square: 3), rate: Pair(square: 2))

    /// What the explorer computes on each change: one 64x64 map, one 3x3 kernel at rate 2.
    public static let explorer = ConvolutionWorkload(height: 64, width: 64, inputChannels: 1, outputChannels: 1,
                                                     kernel: Pair(square: 3), rate: Pair(square: 2))

    /// The same workload with other settings.
    public func with(rate: Pair? = nil, kernel: Pair? = nil, algorithm: ConvolutionAlgorithm? = nil,
                     workers: Int?? = nil) -> ConvolutionWorkload {
        var copy = self
        if let rate { copy.rate = rate }
        if let algorithm { copy.algorithm = algorithm }
        if let kernel { copy.kernel = kernel }
        if let workers { copy.workers = workers }
        return copy
    }

    /// `NxHxWxC -> Cout, kernel k, rate r, padding p, T`, for the report; a stride other than
    /// 1, Winograd's algorithm and a thread count are named when they apply.
    public func summary<Scalar: ConvolutionScalar>(_: Scalar.Type) -> String {
        let threads = workers.map { ", " + counted($0, "thread") } ?? ""
        let strideText = stride == Pair(square: 1) ? "" : "stride \(stride), "
        let algorithmText = algorithm == .winograd ? ", Winograd F(4x4,3x3)" : ""
        return "\(batch)x\(height)x\(width)x\(inputChannels) -> \(outputChannels), kernel \(kernel), rate \(rate), "
            + "\(strideText)padding \(padding), \(Scalar.dtypeName)\(algorithmText)\(threads)"
    }

    /// Two FLOPs per multiply-add of the direct convolution (taps on padding included, as a
    /// framework counts them).
    public func flops(outputSize: Pair) -> Double {
        2 * Double(batch * outputSize.height * outputSize.width * outputChannels)
            * Double(kernel.height * kernel.width * inputChannels)
    }

    /// A figure that times `layer(input)` on seeded random data and checks sampled output
    /// cells against the convolution's own tap-by-tap sum (``Convolution/taps(of:row:column:channel:batch:)``),
    /// which shares no code with the fast loop.
    public func figure<Scalar: ConvolutionScalar>(name: String, type _: Scalar.Type,
                                                  repetitions: Int) -> BenchFigure {
        let workload = self
        let geometry = try? ConvolutionGeometry(inputSize: Pair(height, width),
                                                spec: LayerSpec(kernelSize: kernel, rate: rate, stride: stride,
                                                                padding: padding))
        return BenchFigure(name: name, summary: summary(Scalar.self),
                           flops: geometry.map { flops(outputSize: $0.outputSize) },
                           repetitions: repetitions) {
            try workload.prepare(Scalar.self)
        }
    }

    private func prepare<Scalar: ConvolutionScalar>(_: Scalar.Type) throws -> PreparedWork {
        var generator = SplitMix64(seed: 0x5EED)
        func values(_ count: Int) -> [Scalar] {
            (0..<count).map { _ in Scalar(Double.random(in: -1...1, using: &generator)) }
        }
        let input = Tensor(shape: [batch, height, width, inputChannels],
                           scalars: values(batch * height * width * inputChannels))
        let kernelShape = [kernel.height, kernel.width, inputChannels, outputChannels]
        let layer = try Convolution(kernel: Tensor(shape: kernelShape, scalars: values(kernelShape.reduce(1, *))),
                                    rate: rate, stride: stride, padding: padding)
        let (workers, algorithm) = (self.workers ?? Workers.active, self.algorithm)
        var last: Tensor<Scalar>?
        var sampler = SplitMix64(seed: 0xC0FFEE)
        return PreparedWork(
            run: { last = try layer(input, workers: workers, algorithm: algorithm) },
            check: {
                guard let output = last else { return "the convolution produced nothing" }
                return Self.checkSampledCells(of: output, layer: layer, input: input, using: &sampler)
            })
    }

    /// Compares 32 random output cells with their tap-by-tap sums; nil when all agree.
    ///
    /// The tolerance is 1e-4 relative to the sum of the terms' magnitudes, the scale of
    /// any rounding in a sum whatever order or algorithm adds it up (a small cell of a
    /// large map can carry rounding from its large terms); a wrong result misses by far more.
    static func checkSampledCells<Scalar: ConvolutionScalar>(
        of output: Tensor<Scalar>, layer: Convolution<Scalar>, input: Tensor<Scalar>,
        using generator: inout SplitMix64
    ) -> String? {
        let (batch, height, width, channels) = (output.shape[0], output.shape[1], output.shape[2], output.shape[3])
        for _ in 0..<32 {
            let (image, row, column, channel) = (Int.random(in: 0..<batch, using: &generator),
                                                 Int.random(in: 0..<height, using: &generator),
                                                 Int.random(in: 0..<width, using: &generator),
                                                 Int.random(in: 0..<channels, using: &generator))
            guard let breakdown = try? layer.taps(of: input, row: row, column: column, channel: channel, batch: image)
            else { return "output cell (\(image), \(row), \(column)) has no tap breakdown" }
            let (value, expected) = (output[image, row, column, channel], breakdown.sum)
            let magnitude = breakdown.taps.reduce(abs(Double(breakdown.bias))) { $0 + abs(Double($1.product)) }
            let tolerance = 1e-4 * max(1, magnitude)
            guard abs(Double(value) - Double(expected)) <= tolerance else {
                return "output cell (\(image), \(row), \(column), \(channel)) is \(value), its taps sum to \(expected)"
            }
        }
        return nil
    }
}
