extension SIMD where Scalar: ConvolutionScalar {
    /// `count` vectors, zero except where `fill` writes them through a flat view of their
    /// lanes: lane `l` of vector `v` is element `v·scalarCount + l`.
    static func array(count: Int, filling fill: (UnsafeMutableBufferPointer<Scalar>) -> Void) -> [Self] {
        var vectors = [Self](repeating: Self(), count: count)
        vectors.withUnsafeMutableBufferPointer { vectors in
            vectors.withMemoryRebound(to: Scalar.self) { fill($0) }
        }
        return vectors
    }

    /// `values` cut into vectors of `scalarCount` lanes, the last padded with zeros; zero
    /// vectors for nil. One vector per block of output channels: `ceil(channels / scalarCount)`.
    static func blocks(of values: [Scalar]?, channels: Int) -> [Self] {
        array(count: (channels + scalarCount - 1) / scalarCount) { lanes in
            for (channel, value) in (values ?? []).enumerated() { lanes[channel] = value }
        }
    }
}
