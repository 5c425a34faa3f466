/// A 3x3 kernel in the Winograd domain of F(4x4, 3x3): each input/output channel pair's
/// taps `g` become the 6x6 `G·g·Gᵀ` (see ``WinogradF43``), packed for the direct loop's
/// kernel, which multiplies them with the transformed inputs.
struct WinogradWeights<Vector: SIMD> where Vector.Scalar: ConvolutionScalar {
    typealias Scalar = Vector.Scalar
    /// `[ξ][block][ci][lane]` for the 36 positions ξ = 6·i + j of the 6x6 domain, in blocks
    /// of `lanes` output channels (the kernel's block), zero past Cout: at each ξ, the packed
    /// weights of a 1x1 kernel (see ``DirectWeights``).
    let weights: [Scalar]
    /// The bias of each vector of output channels, zero past Cout or without bias.
    let biases: [Vector]
    /// Output channels per block of ``weights``.
    let lanes: Int

    /// Transforms an HWIO 3x3 kernel, a vector of output channels at a time; `lanes` must be
    /// a multiple of the vector's.
    ///
    /// - Complexity: O(Cin · Cout), once per call.
    init(kernel: UnsafeBufferPointer<Scalar>, shape: KernelShape, bias: [Scalar]?, lanes: Int) {
        precondition(lanes % Vector.scalarCount == 0, "a block of \(lanes) channels is not whole vectors")
        let (cin, cout) = (shape.inputChannels, shape.outputChannels)
        let blocks = (cout + lanes - 1) / lanes
        let positionPitch = blocks * cin * lanes
        var weights = [Scalar](repeating: 0, count: 36 * positionPitch)
        weights.withUnsafeMutableBufferPointer { weights in
            guard let weights = weights.baseAddress, let kernel = kernel.baseAddress else { return }
            let taps = UnsafeMutablePointer<Vector>.allocate(capacity: 9 + 18)
            defer { taps.deallocate() }
            let columns = taps + 9
            for channel in stride(from: 0, to: cout, by: Vector.scalarCount) {
                let used = min(Vector.scalarCount, cout &- channel)
                let (block, lane) = (channel / lanes, channel % lanes)
                for ci in 0..<cin {
                    for tap in 0..<9 {
                        taps[tap] = load(kernel + ((tap &* cin &+ ci) &* cout &+ channel), count: used)
                    }
                    // G·g down each of the three columns of taps, then ·Gᵀ along each of the six rows.
                    for kx in 0..<3 {
                        WinogradF43.transformKernel({ taps[3 &* $0 &+ kx] }, { columns[3 &* $0 &+ kx] = $1 })
                    }
                    let first = weights + ((block &* cin &+ ci) &* lanes &+ lane)
                    for i in 0..<6 {
                        WinogradF43.transformKernel({ columns[3 &* i &+ $0] }, { j, value in
                            UnsafeMutableRawPointer(first + (6 &* i &+ j) &* positionPitch)
                                .storeBytes(of: value, as: Vector.self)
                        })
                    }
                }
            }
        }
        self.weights = weights
        biases = Vector.blocks(of: bias, channels: cout)
        self.lanes = lanes
    }
}
