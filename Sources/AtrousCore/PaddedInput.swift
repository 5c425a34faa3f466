/// An input with its padding materialised: the fill's values written into a larger buffer,
/// so the correlation's inner loops read every tap without a branch on the borders.
struct PaddedInput<Scalar: ConvolutionScalar> {
    let scalars: [Scalar]
    /// The padded extent: height and width include both padding bands.
    let shape: FeatureMapShape

    /// Pads `input` as `geometry` says; shares the input's storage when there is no padding.
    ///
    /// - Complexity: O(N · H_padded · W_padded · C), one copy with a bulk move per input row.
    init(_ input: [Scalar], shape: FeatureMapShape, geometry: ConvolutionGeometry) {
        let (rows, columns) = (geometry.rows, geometry.columns)
        let padded = FeatureMapShape(batch: shape.batch, height: rows.paddedSize,
                                     width: columns.paddedSize, channels: shape.channels)
        self.shape = padded
        guard rows.padBefore + rows.padAfter + columns.padBefore + columns.padAfter > 0 else {
            scalars = input
            return
        }
        let fill = geometry.spec.fill
        let sourceRows = (0..<padded.height).map { fill.sourceIndex($0 - rows.padBefore, size: shape.height) }
        let sourceColumns = (0..<padded.width).map { fill.sourceIndex($0 - columns.padBefore, size: shape.width) }
        let c = shape.channels
        let interior = columns.padBefore..<(columns.padBefore + shape.width)
        scalars = [Scalar](unsafeUninitializedCapacity: padded.count) { out, initialized in
            input.withUnsafeBufferPointer { source in
                guard var o = out.baseAddress, let base = source.baseAddress else { return }
                for n in 0..<shape.batch {
                    let image = base + n * shape.height * shape.width * c
                    for sourceRow in sourceRows {
                        guard let sy = sourceRow else {
                            o.initialize(repeating: 0, count: padded.width * c)
                            o += padded.width * c
                            continue
                        }
                        let row = image + sy * shape.width * c
                        for px in 0..<interior.lowerBound {
                            Self.initializeCell(o, from: row, column: sourceColumns[px], channels: c)
                            o += c
                        }
                        // The interior of a row is one contiguous run of the input row.
                        o.initialize(from: row, count: shape.width * c)
                        o += shape.width * c
                        for px in interior.upperBound..<padded.width {
                            Self.initializeCell(o, from: row, column: sourceColumns[px], channels: c)
                            o += c
                        }
                    }
                }
            }
            initialized = padded.count
        }
    }

    /// Writes one padded cell: a copy of the source column, or zeros when the fill gives none.
    private static func initializeCell(_ cell: UnsafeMutablePointer<Scalar>, from row: UnsafePointer<Scalar>,
                                       column: Int?, channels: Int) {
        if let column {
            cell.initialize(from: row + column * channels, count: channels)
        } else {
            cell.initialize(repeating: 0, count: channels)
        }
    }
}
