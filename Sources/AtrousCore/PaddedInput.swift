/// An input with its padding materialised: the fill's values written into a larger buffer,
/// so the correlation's inner loops read every tap without a branch on the borders.
struct PaddedInput<Scalar: ConvolutionScalar> {
    let scalars: [Scalar]
    /// The padded extent: height and width include both padding bands.
    let shape: FeatureMapShape

    /// Padded scalars below which one thread copies: a second costs more than it saves.
    static var scalarsPerWorker: Int { 1 << 17 }

    /// Pads `input` as `geometry` says; shares the input's storage when there is no padding.
    ///
    /// - Parameter workers: threads that share the copy on large inputs.
    /// - Complexity: O(N · H_padded · W_padded · C), one copy with a bulk move per input row.
    init(_ input: [Scalar], shape: FeatureMapShape, geometry: ConvolutionGeometry, workers: Int = 1) {
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
        let workers = min(workers, max(1, padded.count / Self.scalarsPerWorker))
        scalars = [Scalar](unsafeUninitializedCapacity: padded.count) { out, initialized in
            input.withUnsafeBufferPointer { source in
                guard let destination = out.baseAddress, let source = source.baseAddress else { return }
                let copy = PaddingCopy(source: source, destination: destination, shape: shape, padded: padded,
                                       sourceRows: sourceRows, sourceColumns: sourceColumns,
                                       interior: columns.padBefore..<(columns.padBefore + shape.width))
                Workers.forEachChunk(of: shape.batch * padded.height, workers: workers) { copy.fill(rows: $0) }
            }
            initialized = padded.count
        }
    }
}

/// The copy of an input into its padded buffer, shared by the threads that fill its rows.
private struct PaddingCopy<Scalar: ConvolutionScalar>: @unchecked Sendable {
    let source: UnsafePointer<Scalar>
    let destination: UnsafeMutablePointer<Scalar>
    let shape: FeatureMapShape
    let padded: FeatureMapShape
    /// The input row and column each padded row and column copies, nil for zeros.
    let sourceRows: [Int?]
    let sourceColumns: [Int?]
    /// The padded columns that hold the input's own columns.
    let interior: Range<Int>

    /// Writes padded rows `rows`: row `n·H_padded + y` is row `y` of image `n`.
    func fill(rows: Range<Int>) {
        let c = shape.channels
        let rowScalars = padded.width * c
        for paddedRow in rows {
            let image = paddedRow / padded.height
            var o = destination + paddedRow * rowScalars
            guard let sy = sourceRows[paddedRow - image * padded.height] else {
                o.initialize(repeating: 0, count: rowScalars)
                continue
            }
            let row = source + ((image * shape.height + sy) * shape.width) * c
            for px in 0..<interior.lowerBound {
                initializeCell(o, from: row, column: sourceColumns[px])
                o += c
            }
            // The interior of a row is one contiguous run of the input row.
            o.initialize(from: row, count: shape.width * c)
            o += shape.width * c
            for px in interior.upperBound..<padded.width {
                initializeCell(o, from: row, column: sourceColumns[px])
                o += c
            }
        }
    }

    /// Writes one padded cell: a copy of the source column, or zeros when the fill gives none.
    private func initializeCell(_ cell: UnsafeMutablePointer<Scalar>, from row: UnsafePointer<Scalar>, column: Int?) {
        if let column {
            cell.initialize(from: row + column * shape.channels, count: shape.channels)
        } else {
            cell.initialize(repeating: 0, count: shape.channels)
        }
    }
}
