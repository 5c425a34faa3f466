/// The register block shared by the vector loops: six output positions times one vector of
/// output channels, each weight vector loaded once and used for all six.
///
/// With a vector of two registers, the twelve accumulators, a weight vector and a broadcast
/// value fill the sixteen vector registers of x86-64 without spilling.
struct SixAccumulators<Vector: SIMD> where Vector.Scalar: ConvolutionScalar {
    typealias Scalar = Vector.Scalar
    /// Positions per block.
    static var count: Int { 6 }

    var a0: Vector, a1: Vector, a2: Vector, a3: Vector, a4: Vector, a5: Vector

    /// Six accumulators starting at `start` (the bias, or zero).
    @inline(__always)
    init(_ start: Vector) {
        (a0, a1, a2, a3, a4, a5) = (start, start, start, start, start, start)
    }

    /// Adds `weights[k] · x_m[i]` to accumulator `m` for each index `i` of `indices`, taking
    /// the weight vectors in order and leaving `weights` past the last one used.
    @inline(__always)
    mutating func add(_ x: SixInputs<Scalar>, indices: Range<Int>, weights: inout UnsafePointer<Vector>) {
        for i in indices {
            let weight = weights.pointee
            accumulate(&a0, weight, x.x0[i])
            accumulate(&a1, weight, x.x1[i])
            accumulate(&a2, weight, x.x2[i])
            accumulate(&a3, weight, x.x3[i])
            accumulate(&a4, weight, x.x4[i])
            accumulate(&a5, weight, x.x5[i])
            weights += 1
        }
    }

    /// Writes the first `count` accumulators, `pitch` scalars apart, each as its first `width` lanes.
    @inline(__always)
    func store(to destination: UnsafeMutablePointer<Scalar>, pitch: Int, count: Int, width: Int) {
        Self.store(a0, to: destination, width: width)
        if count > 1 { Self.store(a1, to: destination + pitch, width: width) }
        if count > 2 { Self.store(a2, to: destination + 2 &* pitch, width: width) }
        if count > 3 { Self.store(a3, to: destination + 3 &* pitch, width: width) }
        if count > 4 { Self.store(a4, to: destination + 4 &* pitch, width: width) }
        if count > 5 { Self.store(a5, to: destination + 5 &* pitch, width: width) }
    }

    /// Adds the values stored at `destination` (as ``store(to:pitch:count:width:)`` wrote them)
    /// to the first `count` accumulators.
    @inline(__always)
    mutating func add(storedAt destination: UnsafeMutablePointer<Scalar>, pitch: Int, count: Int, width: Int) {
        a0 += Self.load(destination, width: width)
        if count > 1 { a1 += Self.load(destination + pitch, width: width) }
        if count > 2 { a2 += Self.load(destination + 2 &* pitch, width: width) }
        if count > 3 { a3 += Self.load(destination + 3 &* pitch, width: width) }
        if count > 4 { a4 += Self.load(destination + 4 &* pitch, width: width) }
        if count > 5 { a5 += Self.load(destination + 5 &* pitch, width: width) }
    }

    /// The first `width` lanes at `source`, zero beyond.
    @inline(__always)
    static func load(_ source: UnsafeMutablePointer<Scalar>, width: Int) -> Vector {
        if width == Vector.scalarCount { return UnsafeRawPointer(source).loadUnaligned(as: Vector.self) }
        var vector = Vector()
        for lane in 0..<width { vector[lane] = source[lane] }
        return vector
    }

    /// `sum += weight · value`, fused into one rounding where the target has vector FMA
    /// (where it has not, a fused multiply-add would be a library call per lane).
    @inline(__always)
    private func accumulate(_ sum: inout Vector, _ weight: Vector, _ value: Scalar) {
        #if ATROUS_FMA_VECTORS
        sum = sum.addingProduct(weight, value)
        #else
        sum += weight * value
        #endif
    }

    /// Writes the first `width` lanes of `vector` to `destination`.
    @inline(__always)
    static func store(_ vector: Vector, to destination: UnsafeMutablePointer<Scalar>, width: Int) {
        if width == Vector.scalarCount {
            UnsafeMutableRawPointer(destination).storeBytes(of: vector, as: Vector.self)
        } else {
            for lane in 0..<width { destination[lane] = vector[lane] }
        }
    }
}

/// The six input rows a ``SixAccumulators`` block reads from, one per output position.
/// Positions past the end of a row or group repeat the last real one: the block keeps one
/// shape, and their results are not stored.
struct SixInputs<Scalar> {
    let x0, x1, x2, x3, x4, x5: UnsafePointer<Scalar>

    /// The inputs of positions `first..<first+count`, the `m`-th at `base + m·step`.
    @inline(__always)
    init(base: UnsafePointer<Scalar>, step: Int, first: Int, count: Int) {
        let last = first &+ count &- 1
        x0 = base + first &* step
        x1 = base + min(first &+ 1, last) &* step
        x2 = base + min(first &+ 2, last) &* step
        x3 = base + min(first &+ 3, last) &* step
        x4 = base + min(first &+ 4, last) &* step
        x5 = base + min(first &+ 5, last) &* step
    }
}
