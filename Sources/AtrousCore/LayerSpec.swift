/// The parameters of one convolution layer, independent of any data.
public struct LayerSpec: Sendable, Hashable, Codable {
    public var kernelSize: Pair
    public var rate: Pair
    public var stride: Pair
    public var padding: Padding
    public var fill: Fill

    public init(kernelSize: Pair, rate: Pair = Pair(square: 1), stride: Pair = Pair(square: 1),
                padding: Padding = .valid, fill: Fill = .zeros) {
        self.kernelSize = kernelSize
        self.rate = rate
        self.stride = stride
        self.padding = padding
        self.fill = fill
    }

    /// The extent a dilated kernel covers: `r·(k−1)+1` per axis.
    public var effectiveKernel: Pair {
        Pair(effectiveKernelSize(kernelSize.height, rate: rate.height),
             effectiveKernelSize(kernelSize.width, rate: rate.width))
    }
}

/// The extent a kernel of `size` taps covers at `rate`: `rate·(size−1)+1`.
@inlinable
public func effectiveKernelSize(_ size: Int, rate: Int) -> Int {
    rate * (size - 1) + 1
}
