/// The layout changes a diagnosis applies to its arrays before handing them to ``Convolution``.
extension Tensor where Scalar == Double {
    /// The rank-4 tensor with its axes in `order`: axis `i` of the result is axis `order[i]` of this one.
    func permuted(_ order: [Int]) -> Tensor {
        precondition(rank == 4 && order.sorted() == [0, 1, 2, 3], "permuted needs rank 4 and a permutation")
        let newShape = order.map { shape[$0] }
        var strides = [1, 1, 1, 1]
        for axis in stride(from: 2, through: 0, by: -1) { strides[axis] = strides[axis + 1] * shape[axis + 1] }
        let sourceStrides = order.map { strides[$0] }
        var result: [Double] = []
        result.reserveCapacity(count)
        for a in 0..<newShape[0] {
            for b in 0..<newShape[1] {
                for c in 0..<newShape[2] {
                    let base = a * sourceStrides[0] + b * sourceStrides[1] + c * sourceStrides[2]
                    for d in 0..<newShape[3] { result.append(scalars[base + d * sourceStrides[3]]) }
                }
            }
        }
        return Tensor(shape: newShape, scalars: result)
    }

    /// The rank-4 HWIO kernel turned by 180 degrees in its spatial axes.
    func flippedSpatially() -> Tensor {
        let (kh, kw) = (shape[0], shape[1])
        return Tensor(shape: shape) { index in
            self[kh - 1 - index[0], kw - 1 - index[1], index[2], index[3]]
        }
    }

    /// The NHWC tensor's rows `rows` and columns `columns`.
    func cropped(rows: Range<Int>, columns: Range<Int>) -> Tensor {
        if rows == 0..<shape[1] && columns == 0..<shape[2] { return self }
        let (height, width, channels) = (shape[1], shape[2], shape[3])
        var result: [Double] = []
        result.reserveCapacity(shape[0] * rows.count * columns.count * channels)
        for n in 0..<shape[0] {
            for row in rows {
                let start = ((n * height + row) * width + columns.lowerBound) * channels
                result.append(contentsOf: scalars[start..<(start + columns.count * channels)])
            }
        }
        return Tensor(shape: [shape[0], rows.count, columns.count, channels], scalars: result)
    }

    /// The rank-4 HWIO kernel's first `count` output channels.
    func firstOutputChannels(_ count: Int) -> Tensor {
        if count == shape[3] { return self }
        let rows = scalars.count / shape[3]
        var result: [Double] = []
        result.reserveCapacity(rows * count)
        for row in 0..<rows { result.append(contentsOf: scalars[(row * shape[3])..<(row * shape[3] + count)]) }
        return Tensor(shape: [shape[0], shape[1], shape[2], count], scalars: result)
    }
}
