/// The receptive-field numbers of a layer stack along one axis, after Araujo et al.,
/// "Computing Receptive Fields of Convolutional Neural Networks" (Distill, 2019), with every
/// kernel taken at its dilated extent `r·(k−1)+1`.
///
/// With `k`, `s`, `p`, `q` the effective kernel, stride and pads before and after of layer `l`,
/// and `J` the jump of the layers before it (1 for the first):
/// size `R_l = R_{l−1} + (k_l − 1)·J`, jump `J_l = J·s_l`, effective padding
/// `P_l = P_{l−1} + p_l·J` before and `Q_l = Q_{l−1} + q_l·J` after.
public struct AxisReceptiveField: Sendable, Hashable, Codable {
    public let axis: Axis
    /// The numbers after each layer, first layer first.
    public let steps: [ReceptiveFieldStep]
    /// Input cells one output of the last layer sees, from the first to the last, holes included.
    public let size: Int
    /// Input cells between neighbouring outputs of the last layer: the product of the strides.
    public let jump: Int
    /// How far before input cell 0 the field of output 0 starts (Araujo's effective padding).
    public let padBefore: Int
    /// The same measure after the last input cell.
    public let padAfter: Int

    /// Accumulates the numbers over `layers`; an empty list gives the identity (size 1, jump 1).
    /// - Throws: ``ReceptiveFieldError/arithmeticOverflow(axis:)`` when a number leaves `Int`.
    public init(axis: Axis, layers: [AxisGeometry]) throws {
        var (size, jump, before, after) = (1, 1, 0, 0)
        var steps: [ReceptiveFieldStep] = []
        steps.reserveCapacity(layers.count)
        for layer in layers {
            guard let grown = Self.adding(size, product: layer.effectiveKernel - 1, jump),
                  let nextBefore = Self.adding(before, product: layer.padBefore, jump),
                  let nextAfter = Self.adding(after, product: layer.padAfter, jump),
                  case let (nextJump, false) = jump.multipliedReportingOverflow(by: layer.stride)
            else { throw ReceptiveFieldError.arithmeticOverflow(axis: axis) }
            (size, jump, before, after) = (grown, nextJump, nextBefore, nextAfter)
            steps.append(ReceptiveFieldStep(geometry: layer, size: size, jump: jump,
                                            padBefore: before, padAfter: after))
        }
        self.axis = axis
        self.steps = steps
        self.size = size
        self.jump = jump
        self.padBefore = before
        self.padAfter = after
    }

    /// The input cells output `output` of the last layer sees: from `output·J − P` for `R` cells.
    public func region(ofOutput output: Int) -> AxisRegion {
        AxisRegion(start: output * jump - padBefore, size: size)
    }

    /// `base + factor·multiplier`, or nil on overflow.
    private static func adding(_ base: Int, product factor: Int, _ multiplier: Int) -> Int? {
        let (product, overflowProduct) = factor.multipliedReportingOverflow(by: multiplier)
        let (sum, overflowSum) = base.addingReportingOverflow(product)
        return overflowProduct || overflowSum ? nil : sum
    }
}

/// The receptive-field numbers after one layer of a stack, along one axis.
public struct ReceptiveFieldStep: Sendable, Hashable, Codable {
    /// The layer's own geometry on this axis (its pads and output size).
    public let geometry: AxisGeometry
    /// Input cells one output of this layer sees, holes included.
    public let size: Int
    /// Input cells between neighbouring outputs of this layer.
    public let jump: Int
    /// Effective padding before and after the input, in input cells.
    public let padBefore: Int
    public let padAfter: Int

    /// The input cells output `output` of this layer sees.
    public func region(ofOutput output: Int) -> AxisRegion {
        AxisRegion(start: output * jump - padBefore, size: size)
    }
}

/// A run of input cells along one axis; `start` is negative (and `end` may pass the input)
/// where the run lies in padding.
public struct AxisRegion: Sendable, Hashable, Codable {
    public let start: Int
    public let end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public init(start: Int, size: Int) { self.init(start: start, end: start + size - 1) }

    public var size: Int { end - start + 1 }
    /// The middle of the run; a half cell when the size is even.
    public var centre: Double { Double(start + end) / 2 }

    /// The part of the run inside an input of `inputSize` cells, or nil when it lies in padding.
    public func clipped(toSize inputSize: Int) -> ClosedRange<Int>? {
        let (low, high) = (max(start, 0), min(end, inputSize - 1))
        return low <= high ? low...high : nil
    }

    /// The smallest run holding both.
    public func union(_ other: AxisRegion) -> AxisRegion {
        AxisRegion(start: min(start, other.start), end: max(end, other.end))
    }
}

/// The region of input cells one output cell sees, per axis.
public struct CellRegion: Sendable, Hashable, Codable {
    public let rows: AxisRegion
    public let columns: AxisRegion

    public init(rows: AxisRegion, columns: AxisRegion) {
        self.rows = rows
        self.columns = columns
    }

    public subscript(axis: Axis) -> AxisRegion { axis == .height ? rows : columns }

    /// The height and width of the region, holes and padding included.
    public var size: Pair { Pair(rows.size, columns.size) }

    /// The smallest region holding both.
    public func union(_ other: CellRegion) -> CellRegion {
        CellRegion(rows: rows.union(other.rows), columns: columns.union(other.columns))
    }
}

/// The receptive-field numbers of a layer stack on both axes.
public struct ReceptiveField: Sendable, Hashable, Codable {
    public let rows: AxisReceptiveField
    public let columns: AxisReceptiveField

    /// Computes the numbers of `stack`.
    /// - Complexity: O(layers).
    /// - Throws: ``ReceptiveFieldError/arithmeticOverflow(axis:)`` when a number leaves `Int`.
    public init(stack: LayerStack) throws {
        rows = try AxisReceptiveField(axis: .height, layers: stack.geometries(along: .height))
        columns = try AxisReceptiveField(axis: .width, layers: stack.geometries(along: .width))
    }

    public subscript(axis: Axis) -> AxisReceptiveField { axis == .height ? rows : columns }

    public var size: Pair { Pair(rows.size, columns.size) }
    public var jump: Pair { Pair(rows.jump, columns.jump) }
    public var padBefore: Pair { Pair(rows.padBefore, columns.padBefore) }
    public var padAfter: Pair { Pair(rows.padAfter, columns.padAfter) }

    /// The input region output cell (`row`, `column`) of the last layer sees. The position is
    /// not checked; see ``LayerStack/validateOutputPosition(row:column:)``.
    public func region(row: Int, column: Int) -> CellRegion {
        CellRegion(rows: rows.region(ofOutput: row), columns: columns.region(ofOutput: column))
    }
}
