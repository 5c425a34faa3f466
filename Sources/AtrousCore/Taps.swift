/// Where one kernel tap of one output cell reads from.
public enum TapSource: Sendable, Hashable {
    /// A real input cell.
    case input
    /// A padded cell beyond the given sides of the input. `sourceRow`/`sourceColumn` name the
    /// input cell whose value the fill copies, or are nil when the fill is zero.
    case padding(sides: [PaddingSide], sourceRow: Int?, sourceColumn: Int?)

    public var isPadding: Bool { if case .padding = self { true } else { false } }
}

/// One term of the sum that makes an output cell.
public struct Tap<Scalar: ConvolutionScalar>: Sendable, Hashable {
    /// The kernel index (row, column) and input channel of the weight.
    public let kernelRow: Int, kernelColumn: Int, inputChannel: Int
    /// The input coordinate read, relative to the unpadded input (negative or past the end
    /// inside the padding).
    public let row: Int, column: Int
    public let source: TapSource
    public let weight: Scalar
    public let value: Scalar
    /// `weight · value` rounded as the convolution's own type rounds it (a float32 product
    /// stays the float32 product when the tap is widened for display).
    public let product: Scalar

    init(kernelRow: Int, kernelColumn: Int, inputChannel: Int, row: Int, column: Int, source: TapSource,
         weight: Scalar, value: Scalar, product: Scalar? = nil) {
        (self.kernelRow, self.kernelColumn, self.inputChannel) = (kernelRow, kernelColumn, inputChannel)
        (self.row, self.column, self.source) = (row, column, source)
        (self.weight, self.value) = (weight, value)
        self.product = product ?? weight * value
    }
}

/// Every term of one output cell's sum, in the order the convolution adds them.
public struct TapBreakdown<Scalar: ConvolutionScalar>: Sendable, Hashable {
    public let batch: Int, outputRow: Int, outputColumn: Int, outputChannel: Int
    public let taps: [Tap<Scalar>]
    /// The bias added first, or zero without bias.
    public let bias: Scalar
    /// `bias + Σ weight·value`, accumulated in the convolution's own order.
    public let sum: Scalar

    /// The same terms ending in `sum`: the value the convolution itself wrote for the cell,
    /// whose vector loop may round the last bit differently from adding the terms in turn.
    public func endingIn(_ sum: Scalar) -> TapBreakdown {
        TapBreakdown(batch: batch, outputRow: outputRow, outputColumn: outputColumn, outputChannel: outputChannel,
                     taps: taps, bias: bias, sum: sum)
    }

    /// The same terms as doubles: weights, values, products and the sum are those of the
    /// convolution's own type, widened exactly, so a float32 layer's line shows its float32 sum.
    public var widened: TapBreakdown<Double> {
        TapBreakdown<Double>(batch: batch, outputRow: outputRow, outputColumn: outputColumn, outputChannel: outputChannel,
                             taps: taps.map { tap in
                                 Tap<Double>(kernelRow: tap.kernelRow, kernelColumn: tap.kernelColumn,
                                             inputChannel: tap.inputChannel, row: tap.row, column: tap.column,
                                             source: tap.source, weight: Double(tap.weight), value: Double(tap.value),
                                             product: Double(tap.product))
                             },
                             bias: Double(bias), sum: Double(sum))
    }
}

extension Convolution {
    /// The breakdown of output cell (`row`, `column`) of output channel `channel` in image `batch`:
    /// every kernel tap with the input coordinate or padding it reads, its weight, value and product.
    ///
    /// - Complexity: O(kh · kw · Cin).
    /// - Throws: ``ConvolutionError`` for an impossible configuration or a position outside the output.
    public func taps(of input: Tensor<Scalar>, row: Int, column: Int, channel: Int = 0,
                     batch: Int = 0) throws -> TapBreakdown<Scalar> {
        let shape = try FeatureMapShape(shape: input.shape)
        let geometry = try geometry(for: shape)
        guard (0..<geometry.rows.outputSize).contains(row), (0..<geometry.columns.outputSize).contains(column),
              (0..<kernelShape.outputChannels).contains(channel), (0..<shape.batch).contains(batch)
        else { throw ConvolutionError.positionOutOfRange(row: row, column: column, outputSize: geometry.outputSize) }
        let fill = spec.fill
        let cin = kernelShape.inputChannels, cout = kernelShape.outputChannels
        let biasValue = bias?[channel] ?? 0
        var sum = biasValue
        var taps: [Tap<Scalar>] = []
        taps.reserveCapacity(kernelShape.height * kernelShape.width * cin)
        for ky in 0..<kernelShape.height {
            let y = geometry.rows.inputIndex(output: row, tap: ky)
            let sourceRow = fill.sourceIndex(y, size: shape.height)
            for kx in 0..<kernelShape.width {
                let x = geometry.columns.inputIndex(output: column, tap: kx)
                let sourceColumn = fill.sourceIndex(x, size: shape.width)
                let sides = geometry.paddingSides(row: y, column: x)
                for ci in 0..<cin {
                    let weight = kernel.scalars[((ky * kernelShape.width + kx) * cin + ci) * cout + channel]
                    var value: Scalar = 0
                    if let sy = sourceRow, let sx = sourceColumn {
                        value = input.scalars[((batch * shape.height + sy) * shape.width + sx) * shape.channels + ci]
                    }
                    let source: TapSource = sides.isEmpty ? .input
                        : .padding(sides: sides, sourceRow: sourceColumn == nil ? nil : sourceRow,
                                   sourceColumn: sourceRow == nil ? nil : sourceColumn)
                    taps.append(Tap(kernelRow: ky, kernelColumn: kx, inputChannel: ci, row: y, column: x,
                                    source: source, weight: weight, value: value))
                    sum += value * weight
                }
            }
        }
        return TapBreakdown(batch: batch, outputRow: row, outputColumn: column, outputChannel: channel,
                            taps: taps, bias: biasValue, sum: sum)
    }
}
