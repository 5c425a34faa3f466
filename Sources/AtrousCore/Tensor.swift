/// A dense array of any rank in row-major (C) order: a shape plus contiguous storage.
///
/// Feature maps are NHWC and kernels HWIO, as in TensorFlow. Rank-2 and rank-3 arrays are
/// accepted where a single map or a single image makes sense; ``FeatureMapShape`` and
/// ``KernelShape`` say how each rank is read.
public struct Tensor<Scalar: ConvolutionScalar>: Sendable, Equatable {
    /// The extent of each axis, outermost first.
    public let shape: [Int]
    /// The elements in row-major order; `scalars.count` is the product of `shape`.
    public var scalars: [Scalar]

    /// Wraps existing storage.
    /// - Precondition: `scalars.count` equals the product of `shape`.
    public init(shape: [Int], scalars: [Scalar]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative extent in shape \(shape)")
        precondition(shape.reduce(1, *) == scalars.count,
                     "shape \(shape) needs \(shape.reduce(1, *)) elements, got \(scalars.count)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of the given shape filled with `value`.
    public init(shape: [Int], repeating value: Scalar = 0) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }

    /// A tensor whose element at each multi-index is `body(index)`, filled in row-major order.
    public init(shape: [Int], _ body: ([Int]) -> Scalar) {
        var scalars: [Scalar] = []
        scalars.reserveCapacity(shape.reduce(1, *))
        var index = Array(repeating: 0, count: shape.count)
        let total = shape.reduce(1, *)
        for _ in 0..<total {
            scalars.append(body(index))
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        self.init(shape: shape, scalars: scalars)
    }

    public var rank: Int { shape.count }
    public var count: Int { scalars.count }

    /// The flat offset of a multi-index.
    @inlinable
    public func offset(_ index: [Int]) -> Int {
        assert(index.count == shape.count, "index \(index) has the wrong rank for shape \(shape)")
        var offset = 0
        for axis in 0..<shape.count {
            assert(index[axis] >= 0 && index[axis] < shape[axis], "index \(index) out of shape \(shape)")
            offset = offset * shape[axis] + index[axis]
        }
        return offset
    }

    public subscript(_ index: Int...) -> Scalar {
        get { scalars[offset(index)] }
        set { scalars[offset(index)] = newValue }
    }

    /// The same elements under another shape with the same element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, scalars: scalars)
    }

    /// The elements converted to another float type.
    public func converted<Other: ConvolutionScalar>(to _: Other.Type = Other.self) -> Tensor<Other> {
        Tensor<Other>(shape: shape, scalars: scalars.map { Other($0) })
    }

    /// The largest absolute difference to `other`, or infinity when the shapes differ.
    public func maxAbsoluteDifference(to other: Tensor) -> Scalar {
        guard shape == other.shape else { return .infinity }
        var worst: Scalar = 0
        for (a, b) in zip(scalars, other.scalars) { worst = Swift.max(worst, abs(a - b)) }
        return worst
    }

    /// Whether every element is within `relativeTolerance * max(1, max|other|)` of `other`,
    /// the agreement rule of the conformance cases.
    public func isClose(to other: Tensor, relativeTolerance: Scalar = 1e-4) -> Bool {
        guard shape == other.shape else { return false }
        let scale = Swift.max(1, other.scalars.lazy.map { abs($0) }.max() ?? 0)
        return maxAbsoluteDifference(to: other) <= relativeTolerance * scale
    }
}
