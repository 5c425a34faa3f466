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
        let padded = Self.shape(of: shape, geometry: geometry)
        self.shape = padded
        guard Self.pads(geometry) else {
            scalars = input
            return
        }
        let workers = min(workers, max(1, padded.count / Self.scalarsPerWorker))
        scalars = [Scalar](unsafeUninitializedCapacity: padded.count) { out, initialized in
            input.withUnsafeBufferPointer { source in
                guard let destination = out.baseAddress, let source = source.baseAddress else { return }
                let copy = PaddingCopy(source: source, shape: shape, geometry: geometry)
                let rowScalars = padded.width * shape.channels
                let whole = PaddedRows(start: destination)
                Workers.forEachChunk(of: shape.batch * padded.height, workers: workers) { rows in
                    copy.fill(rows: rows, into: whole.start + rows.lowerBound * rowScalars)
                }
            }
            initialized = padded.count
        }
    }

    /// Whether `geometry` adds any padding.
    static func pads(_ geometry: ConvolutionGeometry) -> Bool {
        geometry.rows.padBefore + geometry.rows.padAfter + geometry.columns.padBefore + geometry.columns.padAfter > 0
    }

    /// The padded extent of an input of `shape` under `geometry`.
    static func shape(of shape: FeatureMapShape, geometry: ConvolutionGeometry) -> FeatureMapShape {
        FeatureMapShape(batch: shape.batch, height: geometry.rows.paddedSize, width: geometry.columns.paddedSize,
                        channels: shape.channels)
    }
}

/// The copy of an input into its padded buffer, shared by the threads that fill its rows.
struct PaddingCopy<Scalar: ConvolutionScalar>: @unchecked Sendable {
    let source: UnsafePointer<Scalar>
    let shape: FeatureMapShape
    let padded: FeatureMapShape
    /// The input row and column each padded row and column copies, nil for zeros.
    let sourceRows: [Int?]
    let sourceColumns: [Int?]
    /// The padded columns that hold the input's own columns.
    let interior: Range<Int>

    /// The copy of `source`, an input of `shape`, padded as `geometry` says.
    init(source: UnsafePointer<Scalar>, shape: FeatureMapShape, geometry: ConvolutionGeometry) {
        let (rows, columns) = (geometry.rows, geometry.columns)
        let fill = geometry.spec.fill
        self.source = source
        self.shape = shape
        padded = PaddedInput<Scalar>.shape(of: shape, geometry: geometry)
        sourceRows = (0..<padded.height).map { fill.sourceIndex($0 - rows.padBefore, size: shape.height) }
        sourceColumns = (0..<padded.width).map { fill.sourceIndex($0 - columns.padBefore, size: shape.width) }
        interior = columns.padBefore..<(columns.padBefore + shape.width)
    }

    /// Writes padded rows `rows` one after another from `destination`: row `n·H_padded + y` is
    /// row `y` of image `n`.
    func fill(rows: Range<Int>, into destination: UnsafeMutablePointer<Scalar>) {
        let c = shape.channels
        let rowScalars = padded.width * c
        for paddedRow in rows {
            let image = paddedRow / padded.height
            var o = destination + (paddedRow - rows.lowerBound) * rowScalars
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

/// The padded buffer, which the threads fill in disjoint rows.
private struct PaddedRows<Scalar>: @unchecked Sendable {
    let start: UnsafeMutablePointer<Scalar>
}
