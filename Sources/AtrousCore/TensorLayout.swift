/// How an input array is read as NHWC feature maps.
public struct FeatureMapShape: Sendable, Hashable, Codable {
    public var batch: Int
    public var height: Int
    public var width: Int
    public var channels: Int

    public init(batch: Int, height: Int, width: Int, channels: Int) {
        self.batch = batch
        self.height = height
        self.width = width
        self.channels = channels
    }

    /// Reads `(H,W)` as one single-channel map, `(H,W,C)` as one image, `(N,H,W,C)` as is.
    /// - Throws: ``ConvolutionError/inputRank(shape:)`` for any other rank,
    ///   ``ConvolutionError/emptyTensor(role:shape:)`` when an extent is 0.
    public init(shape: [Int]) throws {
        switch shape.count {
        case 2: self.init(batch: 1, height: shape[0], width: shape[1], channels: 1)
        case 3: self.init(batch: 1, height: shape[0], width: shape[1], channels: shape[2])
        case 4: self.init(batch: shape[0], height: shape[1], width: shape[2], channels: shape[3])
        default: throw ConvolutionError.inputRank(shape: shape)
        }
        guard !shape.contains(0) else { throw ConvolutionError.emptyTensor(role: "input", shape: shape) }
    }

    public var spatial: Pair { Pair(height, width) }
    public var dimensions: [Int] { [batch, height, width, channels] }
    public var count: Int { batch * height * width * channels }

    /// The shape in the rank of an input that was read with `init(shape:)`: a rank-2 input with
    /// one channel gives `(H,W)`, rank 3 gives `(H,W,C)`, rank 4 `(N,H,W,C)`.
    public func dimensions(matchingRank rank: Int) -> [Int] {
        guard rank < 4, batch == 1 else { return dimensions }
        return rank == 2 && channels == 1 ? [height, width] : [height, width, channels]
    }
}

/// How a kernel array is read as HWIO weights.
public struct KernelShape: Sendable, Hashable, Codable {
    public var height: Int
    public var width: Int
    public var inputChannels: Int
    public var outputChannels: Int

    public init(height: Int, width: Int, inputChannels: Int, outputChannels: Int) {
        self.height = height
        self.width = width
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
    }

    /// Reads `(kh,kw)` as a single-channel kernel and `(kh,kw,Cin,Cout)` as is.
    /// - Throws: ``ConvolutionError/kernelRank(shape:)`` for any other rank,
    ///   ``ConvolutionError/emptyTensor(role:shape:)`` when an extent is 0.
    public init(shape: [Int]) throws {
        switch shape.count {
        case 2: self.init(height: shape[0], width: shape[1], inputChannels: 1, outputChannels: 1)
        case 4: self.init(height: shape[0], width: shape[1], inputChannels: shape[2], outputChannels: shape[3])
        default: throw ConvolutionError.kernelRank(shape: shape)
        }
        guard !shape.contains(0) else { throw ConvolutionError.emptyTensor(role: "kernel", shape: shape) }
    }

    public var size: Pair { Pair(height, width) }
    public var dimensions: [Int] { [height, width, inputChannels, outputChannels] }
}
