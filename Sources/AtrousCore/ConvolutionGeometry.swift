/// The geometry of one layer applied to an input of a known size: both axes resolved and
/// the fill checked against the pads.
public struct ConvolutionGeometry: Sendable, Hashable, Codable {
    public let spec: LayerSpec
    public let rows: AxisGeometry
    public let columns: AxisGeometry

    /// Resolves and validates the geometry.
    /// - Throws: ``ConvolutionError`` naming the first impossible parameter.
    public init(inputSize: Pair, spec: LayerSpec) throws {
        self.spec = spec
        rows = try AxisGeometry(axis: .height, inputSize: inputSize.height, kernelSize: spec.kernelSize.height,
                                rate: spec.rate.height, stride: spec.stride.height, padding: spec.padding)
        columns = try AxisGeometry(axis: .width, inputSize: inputSize.width, kernelSize: spec.kernelSize.width,
                                   rate: spec.rate.width, stride: spec.stride.width, padding: spec.padding)
        if spec.fill == .reflect {
            for axis in [rows, columns] where max(axis.padBefore, axis.padAfter) >= axis.inputSize {
                throw ConvolutionError.reflectPaddingTooLarge(axis: axis.axis, pad: max(axis.padBefore, axis.padAfter),
                                                              inputSize: axis.inputSize)
            }
        }
    }

    public subscript(axis: Axis) -> AxisGeometry { axis == .height ? rows : columns }

    public var inputSize: Pair { Pair(rows.inputSize, columns.inputSize) }
    public var outputSize: Pair { Pair(rows.outputSize, columns.outputSize) }
    public var effectiveKernel: Pair { Pair(rows.effectiveKernel, columns.effectiveKernel) }

    /// Padding per side, in the order top, bottom, left, right.
    public var pads: (top: Int, bottom: Int, left: Int, right: Int) {
        (rows.padBefore, rows.padAfter, columns.padBefore, columns.padAfter)
    }

    /// The sides of the input that a (possibly padded) coordinate lies beyond; empty inside.
    public func paddingSides(row: Int, column: Int) -> [PaddingSide] {
        var sides: [PaddingSide] = []
        if row < 0 { sides.append(.top) }
        if row >= rows.inputSize { sides.append(.bottom) }
        if column < 0 { sides.append(.left) }
        if column >= columns.inputSize { sides.append(.right) }
        return sides
    }
}
