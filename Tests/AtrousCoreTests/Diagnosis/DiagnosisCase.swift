import AtrousCore

/// Seeded arrays for diagnosis tests, and the layouts a mixed-up convention produces, each
/// written out here by index so the tests do not lean on the code they check.
enum DiagnosisCase {
    static func random(_ shape: [Int], seed: UInt64) -> Tensor<Double> {
        var generator = SplitMix64(seed: seed)
        return Tensor(shape: shape) { _ in Double(generator.integer(in: -100...100)) / 50 }
    }

    /// A true convolution's kernel: HWIO turned by 180 degrees.
    static func flipped(_ k: Tensor<Double>) -> Tensor<Double> {
        Tensor(shape: k.shape) { i in k[k.shape[0] - 1 - i[0], k.shape[1] - 1 - i[1], i[2], i[3]] }
    }

    /// HWIO read as WHIO.
    static func swappedAxes(_ k: Tensor<Double>) -> Tensor<Double> {
        Tensor(shape: [k.shape[1], k.shape[0], k.shape[2], k.shape[3]]) { i in k[i[1], i[0], i[2], i[3]] }
    }

    /// HWIO read as HWOI.
    static func swappedChannels(_ k: Tensor<Double>) -> Tensor<Double> {
        Tensor(shape: [k.shape[0], k.shape[1], k.shape[3], k.shape[2]]) { i in k[i[0], i[1], i[3], i[2]] }
    }

    /// An (H,W,C) map as (C,H,W).
    static func channelsFirst(_ x: Tensor<Double>) -> Tensor<Double> {
        Tensor(shape: [x.shape[2], x.shape[0], x.shape[1]]) { i in x[i[1], i[2], i[0]] }
    }
}
