/// A 3x3 kernel in the Winograd domain of F(4x4, 3x3): each input/output channel pair's
/// taps `g` become the 6x6 `G·g·Gᵀ` (see ``WinogradF43``), grouped for the vector loop.
struct WinogradWeights<Vector: SIMD> where Vector.Scalar: ConvolutionScalar {
    typealias Scalar = Vector.Scalar
    /// `[ξ][block][ci]` for the 36 positions ξ = 6·i + j of the 6x6 domain, one vector of
    /// output channels each, zero past Cout.
    let weights: [Vector]
    /// The bias of each block's output channels, zero past Cout or without bias.
    let biases: [Vector]

    /// Transforms an HWIO 3x3 kernel, a vector of output channels at a time.
    ///
    /// - Complexity: O(Cin · Cout), once per call.
    init(kernel: UnsafeBufferPointer<Scalar>, shape: KernelShape, bias: [Scalar]?) {
        let lanes = Vector.scalarCount
        let (cin, cout) = (shape.inputChannels, shape.outputChannels)
        let blocks = (cout + lanes - 1) / lanes
        let positionPitch = blocks * cin
        var weights = [Vector](repeating: Vector(), count: 36 * positionPitch)
        weights.withUnsafeMutableBufferPointer { weights in
            guard let weights = weights.baseAddress, let kernel = kernel.baseAddress else { return }
            let taps = UnsafeMutablePointer<Vector>.allocate(capacity: 9 + 18)
            defer { taps.deallocate() }
            let columns = taps + 9
            for block in 0..<blocks {
                let channel = block &* lanes, used = min(lanes, cout &- block &* lanes)
                for ci in 0..<cin {
                    for tap in 0..<9 {
                        taps[tap] = load(kernel + ((tap &* cin &+ ci) &* cout &+ channel), count: used)
                    }
                    // G·g down each of the three columns of taps, then ·Gᵀ along each of the six rows.
                    for kx in 0..<3 {
                        WinogradF43.transformKernel({ taps[3 &* $0 &+ kx] }, { columns[3 &* $0 &+ kx] = $1 })
                    }
                    let first = weights + (block &* cin &+ ci)
                    for i in 0..<6 {
                        WinogradF43.transformKernel({ columns[3 &* i &+ $0] }, { j, value in
                            first[(6 &* i &+ j) &* positionPitch] = value
                        })
                    }
                }
            }
        }
        self.weights = weights
        biases = Vector.blocks(of: bias, channels: cout)
    }
}
