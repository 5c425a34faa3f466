import AtrousCore

/// What a panel needs to know of a whole map before it draws part of it: the finite range
/// (for the heat scale and the number width) and how many decimals write every value exactly
/// (for the number format).
///
/// Both take a pass over the map. The state computes them once per map and channel when the
/// map or the channel changes, so a frame (a cursor move on an 8192x8192 input) draws only the
/// cells it shows.
public struct MapSummary: Sendable, Equatable {
    /// The channel and image of the map summarised.
    public let channel: Int
    public let batch: Int
    /// The smallest and largest finite values.
    public let range: FiniteRange
    /// The fewest decimals, up to ``maximumDecimals``, that write every value exactly;
    /// ``maximumDecimals`` when no count does.
    public let decimals: Int

    /// The most decimals a grid shows; beyond three the cells get too wide to compare by eye.
    public static let maximumDecimals = 3

    /// The summary of channel `channel` of image `batch` of an NHWC map (rank 2, 3 or 4); nil
    /// when the tensor or the indices do not fit.
    /// - Complexity: O(H·W), two passes at most over the channel's values (the second stops at
    ///   the first value that needs more decimals).
    public init?(featureMap tensor: AnyTensor, batch: Int = 0, channel: Int = 0) {
        switch tensor {
        case let .float(floats):
            guard let values = Self.channel(channel, batch: batch, of: floats) else { return nil }
            self.init(channel: channel, batch: batch, range: FiniteRange(of: values),
                      decimals: Self.exactDecimals(of: values.lazy.map { Double($0) }))
        case let .double(doubles):
            guard let values = Self.channel(channel, batch: batch, of: doubles) else { return nil }
            self.init(channel: channel, batch: batch, range: FiniteRange(of: values), decimals: Self.exactDecimals(of: values))
        }
    }

    /// ``init(featureMap:batch:channel:)`` of a map of doubles.
    public init?(featureMap tensor: Tensor<Double>, batch: Int = 0, channel: Int = 0) {
        self.init(featureMap: .double(tensor), batch: batch, channel: channel)
    }

    /// ``init(featureMap:batch:channel:)`` of a map of float32 values, read as they are.
    public init?(featureMap tensor: Tensor<Float>, batch: Int = 0, channel: Int = 0) {
        self.init(featureMap: .float(tensor), batch: batch, channel: channel)
    }

    private init(channel: Int, batch: Int, range: FiniteRange, decimals: Int?) {
        self.channel = channel
        self.batch = batch
        self.range = range
        self.decimals = decimals ?? Self.maximumDecimals
    }

    /// The values of channel `channel` of image `batch` of an NHWC map, sharing its storage
    /// when the map is that one channel; nil when the tensor or the indices do not fit.
    private static func channel<S: ConvolutionScalar>(_ channel: Int, batch: Int, of tensor: Tensor<S>) -> [S]? {
        guard let shape = try? FeatureMapShape(shape: tensor.shape),
              (0..<shape.batch).contains(batch), (0..<shape.channels).contains(channel)
        else { return nil }
        let (h, w, c) = (shape.height, shape.width, shape.channels)
        let base = batch * h * w * c
        return c == 1 && tensor.scalars.count == h * w ? tensor.scalars
            : c == 1 ? Array(tensor.scalars[base..<(base + h * w)])
            : (0..<(h * w)).map { tensor.scalars[base + $0 * c + channel] }
    }

    /// The summary of `values`, said to be channel `channel` of image `batch`.
    public init(values: [Double], channel: Int = 0, batch: Int = 0) {
        self.channel = channel
        self.batch = batch
        range = FiniteRange(of: values)
        decimals = Self.exactDecimals(of: values) ?? Self.maximumDecimals
    }

    /// Whether this summarises channel `channel` of image `batch`.
    public func describes(channel: Int, batch: Int) -> Bool {
        self.channel == channel && self.batch == batch
    }

    /// The fewest decimals, up to ``maximumDecimals``, that write every finite value of
    /// `values` exactly (to a relative 1e-9); nil when none do.
    ///
    /// - Complexity: at most ``maximumDecimals`` + 1 passes, each stopping at the first value
    ///   that needs more decimals, so typical data costs little.
    public static func exactDecimals<Values: Collection<Double>>(of values: Values) -> Int? {
        (0...maximumDecimals).first { d in
            let scale = (0..<d).reduce(1.0) { power, _ in power * 10 }
            return values.allSatisfy { v in
                let scaled = v * scale
                return !v.isFinite || abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled))
            }
        }
    }
}
