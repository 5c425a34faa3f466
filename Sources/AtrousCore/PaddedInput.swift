/// An input with its padding materialised: the fill's values written into a larger buffer.
struct PaddedInput<Scalar: ConvolutionScalar> {
    let scalars: [Scalar]
    /// The padded extent: height and width include both padding bands.
    let shape: FeatureMapShape

    init(_ input: [Scalar], shape: FeatureMapShape, geometry: ConvolutionGeometry) {
        let (rows, columns) = (geometry.rows, geometry.columns)
        let padded = FeatureMapShape(batch: shape.batch, height: rows.paddedSize,
                                     width: columns.paddedSize, channels: shape.channels)
        self.shape = padded
        let fill = geometry.spec.fill
        let sourceRows = (0..<padded.height).map { fill.sourceIndex($0 - rows.padBefore, size: shape.height) }
        let sourceColumns = (0..<padded.width).map { fill.sourceIndex($0 - columns.padBefore, size: shape.width) }
        let c = shape.channels
        var result = [Scalar](repeating: 0, count: padded.count)
        result.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { source in
                var o = out.baseAddress!
                for n in 0..<shape.batch {
                    let image = source.baseAddress! + n * shape.height * shape.width * c
                    for sy in sourceRows {
                        for sx in sourceColumns {
                            if let sy, let sx {
                                o.update(from: image + (sy * shape.width + sx) * c, count: c)
                            }
                            o += c
                        }
                    }
                }
            }
        }
        scalars = result
    }
}
