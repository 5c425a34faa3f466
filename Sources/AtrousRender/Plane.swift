import AtrousCore
import AtrousExplorer

/// One 2-D slice of a tensor: a single channel of one feature map, or the weights of one
/// (input, output) channel pair of a kernel. Panels draw planes.
struct Plane: Sendable, Equatable {
    let height: Int
    let width: Int
    /// Row-major values.
    let values: [Double]
    /// The values' finite range, read once for the number format and the heat scale.
    let range: FiniteRange
    /// The fewest decimals that write every value exactly, when a ``MapSummary`` told it;
    /// nil to read it from the values when a format is asked for.
    private let knownDecimals: Int?

    init(height: Int, width: Int, values: [Double], summary: MapSummary? = nil) {
        self.height = height
        self.width = width
        self.values = values
        range = summary?.range ?? FiniteRange(of: values)
        knownDecimals = summary?.decimals
    }

    /// Channel `channel` of image `batch` of an NHWC map (rank 2, 3 or 4, read as
    /// ``FeatureMapShape`` reads it); an empty plane when the tensor or the indices do not fit.
    ///
    /// `summary`, when it describes this channel of this map, saves the passes over the whole
    /// plane for its range and decimals: the state keeps one for the maps on screen.
    init(featureMap tensor: Tensor<Double>, batch: Int = 0, channel: Int = 0, summary: MapSummary? = nil) {
        let summary = summary.flatMap { $0.describes(channel: channel, batch: batch) ? $0 : nil }
        guard let shape = try? FeatureMapShape(shape: tensor.shape),
              (0..<shape.batch).contains(batch), (0..<shape.channels).contains(channel)
        else { self.init(height: 0, width: 0, values: []); return }
        let (h, w, c) = (shape.height, shape.width, shape.channels)
        let base = batch * h * w * c
        if c == 1 && tensor.scalars.count == h * w {
            // The whole tensor is the plane: share its storage rather than copy it at every frame.
            self.init(height: h, width: w, values: tensor.scalars, summary: summary)
        } else if c == 1 {
            self.init(height: h, width: w, values: Array(tensor.scalars[base..<(base + h * w)]), summary: summary)
        } else {
            self.init(height: h, width: w, values: (0..<(h * w)).map { tensor.scalars[base + $0 * c + channel] },
                      summary: summary)
        }
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

    /// The value at (`row`, `column`), or nil outside the plane.
    subscript(row: Int, column: Int) -> Double? {
        guard (0..<height).contains(row), (0..<width).contains(column) else { return nil }
        return values[row * width + column]
    }
}
