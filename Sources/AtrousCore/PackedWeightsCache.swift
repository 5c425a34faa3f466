/// A layer's weights as the direct loop reads them (``DirectWeights``), packed by the first
/// convolution that needs them and kept for the next: a layer convolves many inputs with the
/// same weights, and at 256 channels packing them costs about a fifth of a 16x16 convolution
/// (measured). The kernel and bias of a ``Convolution`` never change, so what was packed stays
/// right; it is packed again only for another block width (another ``VectorKernel``).
final class PackedWeightsCache<Scalar: ConvolutionScalar>: @unchecked Sendable {
    private let lock = PthreadMutex()
    /// The weights last packed; guarded by `lock`.
    private var packed: DirectWeights<Scalar>?

    /// The weights packed in blocks of `lanes`, from `pack` unless they were packed before.
    /// Threads that ask at once may each pack them; each gets a whole, equal copy.
    func weights(lanes: Int, pack: () -> DirectWeights<Scalar>) -> DirectWeights<Scalar> {
        if let packed = lock.withLock({ packed }), packed.lanes == lanes { return packed }
        let made = pack()
        lock.withLock { packed = made }
        return made
    }
}
