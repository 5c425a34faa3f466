/// The design rule of Hybrid Dilated Convolution (Wang et al., "Understanding Convolution for
/// Semantic Segmentation", WACV 2018) that tells whether a sequence of dilation rates leaves a
/// grid of holes in the receptive field ("gridding").
///
/// The paper stacks groups of rising rates in a sawtooth (1, 2, 5, 1, 2, 5, …), so the rule
/// checks each group; a new group starts wherever the rate falls. Within a group of rates
/// `r_1 … r_n`, with `M_i` the largest distance between two non-zero cells after layer `i`,
/// `M_n = r_n` and `M_i = max(M_{i+1} − 2r_i, M_{i+1} − 2(M_{i+1} − r_i), r_i)`. A group does not
/// grid when `M_2 ≤ K` (the kernel size) and its rates share no common factor above 1, the
/// paper's second condition (rates 2, 2, 2 meet the first but still grid); a group of one layer
/// grids when its rate exceeds 1. The rule is stated for 3-tap kernels and is a design guide;
/// the path-count map is the exact answer for any stack.
public struct HybridDilatedConvolution: Sendable, Hashable, Codable {
    /// The rates in order, first layer first.
    public let rates: [Int]
    /// The groups of rising rates the rule checks one by one.
    public let groups: [Group]

    /// One run of rising rates, checked by the paper's rule.
    public struct Group: Sendable, Hashable, Codable {
        /// The rates in order.
        public let rates: [Int]
        /// The kernel size `K` that must bridge the gaps `M_2` left by the later layers.
        public let kernelSize: Int
        /// `M_1 … M_n`, first layer first.
        public let maximumDistances: [Int]
        /// The greatest common divisor of the rates.
        public let commonFactor: Int

        /// Applies the recurrence to `rates` (not empty) with kernel size `kernelSize`.
        public init(rates: [Int], kernelSize: Int) {
            self.rates = rates
            self.kernelSize = kernelSize
            var distances = rates
            for i in stride(from: rates.count - 2, through: 0, by: -1) {
                let (next, r) = (distances[i + 1], rates[i])
                distances[i] = max(next - 2 * r, next - 2 * (next - r), r)
            }
            maximumDistances = distances
            let factor = rates.reduce(0, greatestCommonDivisor)
            commonFactor = factor == 0 ? 1 : factor
        }

        /// `M_2`, the distance the group's first kernel must bridge; nil for a single layer.
        public var secondDistance: Int? { maximumDistances.count >= 2 ? maximumDistances[1] : nil }

        /// Whether the rule predicts holes for this group.
        public var grids: Bool {
            guard let secondDistance else { return (rates.first ?? 1) > 1 }
            return secondDistance > kernelSize || commonFactor > 1
        }
    }

    /// Applies the rule to `rates`, with `kernelSizes[i]` the kernel size of layer `i`
    /// (3 where omitted).
    public init(rates: [Int], kernelSizes: [Int]? = nil) {
        let kernels = kernelSizes ?? Array(repeating: 3, count: rates.count)
        self.rates = rates
        func group(_ range: Range<Int>) -> Group {
            Group(rates: Array(rates[range]),
                  kernelSize: kernels.indices.contains(range.lowerBound) ? kernels[range.lowerBound] : 3)
        }
        var groups: [Group] = []
        var start = 0
        for end in rates.indices.dropFirst() where rates[end] < rates[end - 1] {
            groups.append(group(start..<end))
            start = end
        }
        if start < rates.count { groups.append(group(start..<rates.count)) }
        self.groups = groups
    }

    /// Applies the rule along `axis` of `stack`. Layers whose kernel is 1 on that axis spread no
    /// paths and are left out. A stride multiplies the rate of every later layer, so rates are
    /// taken in input cells: `r_l` times the jump of the layers before `l`.
    public init(stack: LayerStack, axis: Axis) {
        var rates: [Int] = []
        var kernels: [Int] = []
        var jump = 1
        for layer in stack.geometries(along: axis) {
            if layer.kernelSize > 1 {
                rates.append(layer.rate.multipliedReportingOverflow(by: jump).partialValue)
                kernels.append(layer.kernelSize)
            }
            jump = jump.multipliedReportingOverflow(by: layer.stride).partialValue
        }
        self.init(rates: rates, kernelSizes: kernels)
    }

    /// Whether the rule predicts holes in any group; no layer never grids.
    public var grids: Bool { groups.contains(where: \.grids) }
}

/// Euclid's greatest common divisor of two non-negative numbers.
func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
}
