import AtrousCore

/// How CSV and JSON lay a tensor out as 2-D maps: one map per (batch, channel).
///
/// Rank 0 is a 1x1 map, rank 1 one row, rank 2 `(H,W)` one map, rank 3 `(H,W,C)` one map per
/// channel and rank 4 `(N,H,W,C)` one per image and channel, as ``FeatureMapShape`` reads them.
struct MapLayout: Sendable, Hashable {
    let shape: [Int]
    let batch: Int, height: Int, width: Int, channels: Int

    /// - Throws: ``IOError/unsupportedRank(format:shape:)`` above rank 4.
    init(shape: [Int], format: String) throws(IOError) {
        self.shape = shape
        switch shape.count {
        case 0: (batch, height, width, channels) = (1, 1, 1, 1)
        case 1: (batch, height, width, channels) = (1, 1, shape[0], 1)
        case 2: (batch, height, width, channels) = (1, shape[0], shape[1], 1)
        case 3: (batch, height, width, channels) = (1, shape[0], shape[1], shape[2])
        case 4: (batch, height, width, channels) = (shape[0], shape[1], shape[2], shape[3])
        default: throw .unsupportedRank(format: format, shape: shape)
        }
    }

    /// Whether each map is labelled with its batch and channel: ranks 3 and 4 may hold several.
    var isLabelled: Bool { shape.count >= 3 }

    /// Every (batch, channel) map, image by image.
    var maps: [(batch: Int, channel: Int)] {
        (0..<batch).flatMap { b in (0..<channels).map { c in (b, c) } }
    }

    /// The flat row-major offset of one element.
    func offset(batch b: Int, channel c: Int, row: Int, column: Int) -> Int {
        ((b * height + row) * width + column) * channels + c
    }

    /// The element's index in the tensor's own rank, for messages.
    func index(batch b: Int, channel c: Int, row: Int, column: Int) -> [Int] {
        switch shape.count {
        case 0: []
        case 1: [column]
        case 2: [row, column]
        case 3: [row, column, c]
        default: [b, row, column, c]
        }
    }
}
