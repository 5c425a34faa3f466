/// The design rule of Hybrid Dilated Convolution (Wang et al., "Understanding Convolution for
/// Semantic Segmentation", WACV 2018) that tells whether a sequence of dilation rates leaves
/// a grid of holes in the receptive field ("gridding").
///
/// With `M_i` the largest distance between two non-zero cells after layer `i`:
/// `M_n = r_n` and `M_i = max(M_{i+1} − 2r_i, M_{i+1} − 2(M_{i+1} − r_i), r_i)`. The rates do
/// not grid when `M_2 ≤ K` (the kernel size) and they share no common factor above 1, the
/// paper's second condition (rates 2, 2, 2 meet the first but still grid). The rule is stated
/// for 3-tap kernels; the path-count map is the exact answer for any stack.
public struct HybridDilatedConvolution: Sendable, Hashable, Codable {
    /// The rates in order, first layer first.
    public let rates: [Int]
    /// The kernel size `K` that must bridge the gaps `M_2` left by the later layers.
    public let kernelSize: Int
    /// `M_1 … M_n`, first layer first; empty without rates.
    public let maximumDistances: [Int]
    /// The greatest common divisor of the rates (1 without rates).
    public let commonFactor: Int

    /// Applies the rule to `rates` with kernel size `kernelSize`.
    public init(rates: [Int], kernelSize: Int) {
        self.rates = rates
        self.kernelSize = kernelSize
        var distances = rates
        if let last = rates.indices.last {
            for i in stride(from: last - 1, through: 0, by: -1) {
                let (next, r) = (distances[i + 1], rates[i])
                distances[i] = max(next - 2 * r, next - 2 * (next - r), r)
            }
        }
        maximumDistances = distances
        commonFactor = rates.reduce(0, greatestCommonDivisor).nonZeroOr(1)
    }

    /// Applies the rule along `axis` of `stack`. Layers whose kernel is 1 on that axis spread no
    /// paths and are left out. A stride multiplies the rate of every later layer, so rates are
    /// taken in input cells: `r_l` times the jump of the layers before `l`.
    /// `K` is the kernel size of the first layer kept.
    public init(stack: LayerStack, axis: Axis) {
        var rates: [Int] = []
        var kernelSize = 1
        var jump = 1
        for layer in stack.geometries(along: axis) {
            if layer.kernelSize > 1 {
                if rates.isEmpty { kernelSize = layer.kernelSize }
                rates.append(layer.rate.multipliedReportingOverflow(by: jump).partialValue)
            }
            jump = jump.multipliedReportingOverflow(by: layer.stride).partialValue
        }
        self.init(rates: rates, kernelSize: kernelSize)
    }

    /// `M_2`, the distance the first layer's kernel must bridge; nil for fewer than two rates.
    public var secondDistance: Int? { maximumDistances.count >= 2 ? maximumDistances[1] : nil }

    /// Whether the rule predicts holes. One layer grids when its rate exceeds 1 (its own taps
    /// leave `r − 1` cells between them); no layer never grids.
    public var grids: Bool {
        guard let secondDistance else { return (rates.first ?? 1) > 1 }
        return secondDistance > kernelSize || commonFactor > 1
    }
}

/// Euclid's greatest common divisor of two non-negative numbers.
func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
}

extension Int {
    fileprivate func nonZeroOr(_ fallback: Int) -> Int { self == 0 ? fallback : self }
}
