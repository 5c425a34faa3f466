/// Path counts through a stack of all-ones kernels with zero padding, one axis at a time.
///
/// With every weight 1, a 2-D kernel is the outer product of two 1-D all-ones kernels, so the
/// number of paths between two cells is the product of the counts along each axis: the 2-D map
/// is the outer product of two vectors, each found by a 1-D pass.
extension LayerStack {
    /// How many paths join each input cell to output `output` of the last layer along `axis`:
    /// a one-hot map back-propagated through each layer's transposed dilated convolution.
    /// Taps that read padding end their path, as zero padding contributes nothing.
    ///
    /// - Complexity: O(Σ output size · kernel size) over the layers.
    /// - Throws: ``ReceptiveFieldError/pathCountOverflow(axis:)`` when a count exceeds `UInt64`.
    public func pathCounts(along axis: Axis, toOutput output: Int) throws -> [UInt64] {
        try pathCountsByLayer(along: axis, toOutput: output)[0]
    }

    /// The same back-propagation, keeping every stage: element 0 holds the counts over the
    /// input, element `l` (from 1) the counts over the output of layer `l`, and the last element
    /// is the one-hot map of output `output`. What a layer-by-layer picture of the paths draws.
    ///
    /// - Complexity: O(Σ output size · kernel size) over the layers.
    /// - Throws: ``ReceptiveFieldError/pathCountOverflow(axis:)`` when a count exceeds `UInt64`.
    public func pathCountsByLayer(along axis: Axis, toOutput output: Int) throws -> [[UInt64]] {
        let geometries = geometries(along: axis)
        var counts = [UInt64](repeating: 0, count: geometries[geometries.count - 1].outputSize)
        counts[output] = 1
        var stages = [counts]
        for layer in geometries.reversed() {
            var below = [UInt64](repeating: 0, count: layer.inputSize)
            for o in counts.indices where counts[o] != 0 {
                for tap in 0..<layer.kernelSize {
                    let i = layer.inputIndex(output: o, tap: tap)
                    guard i >= 0, i < layer.inputSize else { continue }
                    let (sum, overflow) = below[i].addingReportingOverflow(counts[o])
                    guard !overflow else { throw ReceptiveFieldError.pathCountOverflow(axis: axis) }
                    below[i] = sum
                }
            }
            counts = below
            stages.append(counts)
        }
        return stages.reversed()
    }

    /// How many paths join input cell `input` to each output of the last layer along `axis`:
    /// a one-hot map run forward through each layer's dilated convolution.
    ///
    /// - Complexity: O(Σ output size · kernel size) over the layers.
    /// - Throws: ``ReceptiveFieldError/pathCountOverflow(axis:)`` when a count exceeds `UInt64`.
    public func pathCounts(along axis: Axis, fromInput input: Int) throws -> [UInt64] {
        var counts = [UInt64](repeating: 0, count: inputSize[axis])
        counts[input] = 1
        for layer in geometries(along: axis) {
            var above = [UInt64](repeating: 0, count: layer.outputSize)
            for o in above.indices {
                var sum: UInt64 = 0
                for tap in 0..<layer.kernelSize {
                    let i = layer.inputIndex(output: o, tap: tap)
                    guard i >= 0, i < layer.inputSize, counts[i] != 0 else { continue }
                    let (next, overflow) = sum.addingReportingOverflow(counts[i])
                    guard !overflow else { throw ReceptiveFieldError.pathCountOverflow(axis: axis) }
                    sum = next
                }
                above[o] = sum
            }
            counts = above
        }
        return counts
    }

    /// The path-count map of output cell (`row`, `column`) of the last layer over the input:
    /// cell (i, j) counts the paths from input (i, j) to that output, which is the gradient of
    /// the output with respect to the input when every kernel weight is 1 and padding is zero.
    /// Its non-zero cells are the receptive field; zeros inside it are holes (gridding).
    ///
    /// - Complexity: O(H·W) for the map plus one 1-D pass per axis.
    /// - Throws: ``ConvolutionError/positionOutOfRange(row:column:outputSize:)`` for a position
    ///   outside the output, ``ReceptiveFieldError`` when a count overflows or the map is too large.
    public func pathCounts(row: Int, column: Int) throws -> PathCountMap {
        try validateOutputPosition(row: row, column: column)
        return try PathCountMap(rows: pathCounts(along: .height, toOutput: row),
                                columns: pathCounts(along: .width, toOutput: column))
    }

    /// The projective field of input cell (`row`, `column`): the map over the last layer's
    /// output of how many paths join that input cell to each output.
    ///
    /// - Complexity: O(H_out·W_out) for the map plus one 1-D pass per axis.
    /// - Throws: ``ReceptiveFieldError`` for a position outside the input, an overflowing count
    ///   or a map too large.
    public func projectiveField(row: Int, column: Int) throws -> PathCountMap {
        try validateInputPosition(row: row, column: column)
        return try PathCountMap(rows: pathCounts(along: .height, fromInput: row),
                                columns: pathCounts(along: .width, fromInput: column))
    }
}
