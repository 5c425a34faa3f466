import AtrousCore

/// How image samples become tensor values.
public enum ImageScale: Sendable, Hashable {
    /// Each sample divided by the format's maximum (255, 65535 or a PGM's maxval), so every
    /// value lies in [0, 1] whatever the bit depth, as `torchvision`'s `ToTensor` and
    /// `tf.image.convert_image_dtype` give.
    case unitInterval
    /// The stored integers as they are: 0...255 for 8-bit images, 0...65535 for 16-bit ones,
    /// 0...maxval for PGM.
    case raw

    /// An (H,W,C) tensor of `samples`, row-major with channels last, scaled to this rule.
    ///
    /// - Parameters:
    ///   - samples: `height·width·channels` integers, row by row, channels interleaved.
    ///   - maxValue: the largest value a sample can take, which `unitInterval` maps to 1.
    func tensor<Sample: BinaryInteger>(_ samples: [Sample], height: Int, width: Int, channels: Int,
                                       maxValue: Int) -> Tensor<Double> {
        let divisor = self == .unitInterval ? Double(maxValue) : 1
        return Tensor(shape: [height, width, channels], scalars: samples.map { Double($0) / divisor })
    }
}
