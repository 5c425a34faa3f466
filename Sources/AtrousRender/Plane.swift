import AtrousCore
import AtrousExplorer

/// One 2-D slice of a tensor: a single channel of one feature map, or the weights of one
/// (input, output) channel pair of a kernel. Panels draw planes.
struct Plane: Sendable, Equatable {
    let height: Int
    let width: Int
    /// The values in the float type of the map they belong to, read in place: an 8192x8192
    /// float32 map is neither copied nor widened to draw the cells a frame shows.
    private let storage: AnyTensor
    /// Where value (0, 0) lies in the storage, and the step from one value to the next in
    /// row-major order (the channel count when the plane is one channel of several).
    private let base: Int
    private let step: Int
    /// The values' finite range, read once for the number format and the heat scale.
    let range: FiniteRange
    /// The fewest decimals that write every value exactly, when a ``MapSummary`` told it;
    /// nil to read it from the values when a format is asked for.
    private let knownDecimals: Int?

    init(height: Int, width: Int, values: [Double], summary: MapSummary? = nil) {
        self.init(height: height, width: width, storage: .double(Tensor(shape: [values.count], scalars: values)),
                  base: 0, step: 1, summary: summary)
    }

    private init(height: Int, width: Int, storage: AnyTensor, base: Int, step: Int, summary: MapSummary?) {
        self.height = height
        self.width = width
        self.storage = storage
        self.base = base
        self.step = step
        knownDecimals = summary?.decimals
        if let summary {
            range = summary.range
        } else if case let .float(floats) = storage, step == 1, base == 0, floats.count == height * width {
            range = FiniteRange(of: floats.scalars)
        } else if case let .double(doubles) = storage, step == 1, base == 0, doubles.count == height * width {
            range = FiniteRange(of: doubles.scalars)
        } else {
            range = FiniteRange(of: (0..<(height * width)).lazy.map { storage[flat: base + $0 * step] })
        }
    }

    /// Channel `channel` of image `batch` of an NHWC map (rank 2, 3 or 4, read as
    /// ``FeatureMapShape`` reads it); an empty plane when the tensor or the indices do not fit.
    ///
    /// `summary`, when it describes this channel of this map, saves the passes over the whole
    /// plane for its range and decimals: the state keeps one for the maps on screen.
    init(featureMap tensor: AnyTensor, batch: Int = 0, channel: Int = 0, summary: MapSummary? = nil) {
        let summary = summary.flatMap { $0.describes(channel: channel, batch: batch) ? $0 : nil }
        guard let shape = try? FeatureMapShape(shape: tensor.shape),
              (0..<shape.batch).contains(batch), (0..<shape.channels).contains(channel)
        else { self.init(height: 0, width: 0, values: []); return }
        let (h, w, c) = (shape.height, shape.width, shape.channels)
        // The plane shares the tensor's storage rather than copy it at every frame.
        self.init(height: h, width: w, storage: tensor, base: batch * h * w * c + channel, step: c, summary: summary)
    }

    /// ``init(featureMap:batch:channel:summary:)`` of a map of doubles.
    init(featureMap tensor: Tensor<Double>, batch: Int = 0, channel: Int = 0, summary: MapSummary? = nil) {
        self.init(featureMap: .double(tensor), batch: batch, channel: channel, summary: summary)
    }

    /// The weights of input channel `inputChannel` into output channel `outputChannel` of an
    /// HWIO kernel (rank 2 or 4); an empty plane when the tensor or the indices do not fit.
    init(kernel tensor: Tensor<Double>, inputChannel: Int = 0, outputChannel: Int = 0) {
        guard let shape = try? KernelShape(shape: tensor.shape),
              (0..<shape.inputChannels).contains(inputChannel), (0..<shape.outputChannels).contains(outputChannel)
        else { self.init(height: 0, width: 0, values: []); return }
        let (cin, cout) = (shape.inputChannels, shape.outputChannels)
        self.init(height: shape.height, width: shape.width,
                  values: (0..<(shape.height * shape.width)).map { tensor.scalars[($0 * cin + inputChannel) * cout + outputChannel] })
    }

    /// The format that writes every value in at most `maxWidth` characters (see
    /// ``ValueFormat/fitting(_:maxWidth:minWidth:)``).
    func format(maxWidth: Int, minWidth: Int = 2) -> ValueFormat {
        ValueFormat.fitting(range: range, decimals: knownDecimals ?? MapSummary.exactDecimals(of: values)
                                ?? ValueFormat.maximumDecimals,
                            maxWidth: maxWidth, minWidth: minWidth)
    }

    /// Every value in row-major order, widened to doubles as they are read.
    var values: LazyMapSequence<Range<Int>, Double> {
        let (storage, base, step) = (storage, base, step)
        return (0..<(height * width)).lazy.map { storage[flat: base + $0 * step] }
    }

    /// The value at (`row`, `column`), or nil outside the plane.
    subscript(row: Int, column: Int) -> Double? {
        guard (0..<height).contains(row), (0..<width).contains(column) else { return nil }
        return storage[flat: base + (row * width + column) * step]
    }

    static func == (lhs: Plane, rhs: Plane) -> Bool {
        lhs.height == rhs.height && lhs.width == rhs.width && lhs.range == rhs.range
            && lhs.knownDecimals == rhs.knownDecimals && lhs.values.elementsEqual(rhs.values)
    }
}
