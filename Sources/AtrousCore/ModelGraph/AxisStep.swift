/// How one node's output cells read its input's cells along one axis: the part of a node that
/// receptive fields, regions and path counts need.
public struct AxisStep: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A convolution or pooling window, resolved with its pads.
        case window(AxisGeometry)
        /// Output `o` reads input `o − before` (padding when positive, cropping when negative).
        case shift(before: Int)
        /// Output `o` reads input `⌊o/factor⌋`.
        case upsample(factor: Int)
        /// Every output reads the one input cell.
        case broadcast
        /// Output `o` reads input `o`.
        case identity
    }

    public let kind: Kind
    public let inputSize: Int
    public let outputSize: Int

    public init(kind: Kind, inputSize: Int, outputSize: Int) {
        self.kind = kind
        self.inputSize = inputSize
        self.outputSize = outputSize
    }

    /// The input indices outputs `outputs` read, padding included (they may lie outside
    /// `0..<inputSize`): the region one step back.
    public func inputRange(of outputs: ClosedRange<Int>) -> ClosedRange<Int> {
        switch kind {
        case let .window(g):
            clamped(outputs.lowerBound, times: g.stride, plus: -g.padBefore)
                ... clamped(outputs.upperBound, times: g.stride, plus: g.effectiveKernel - 1 - g.padBefore)
        case let .shift(before):
            clamped(outputs.lowerBound, times: 1, plus: -before)...clamped(outputs.upperBound, times: 1, plus: -before)
        case let .upsample(factor):
            floorDivision(outputs.lowerBound, factor)...floorDivision(outputs.upperBound, factor)
        case .broadcast:
            0...0
        case .identity:
            outputs
        }
    }

    /// Sums `above` (one value per output) back onto the inputs each output reads, counting a
    /// window's every tap inside the input once: the transposed operation with all-ones
    /// weights. Taps in padding read nothing and end their path.
    /// - Complexity: O(outputs · taps).
    public func backward(_ above: UnsafeBufferPointer<Double>, into below: UnsafeMutableBufferPointer<Double>,
                         aboveStride: Int = 1, belowStride: Int = 1) {
        let n = inputSize
        switch kind {
        case let .window(g):
            for o in 0..<outputSize {
                let value = above[o * aboveStride]
                guard value != 0 else { continue }
                var i = o * g.stride - g.padBefore
                for _ in 0..<g.kernelSize {
                    if i >= 0 && i < n { below[i * belowStride] += value }
                    i += g.rate
                }
            }
        case let .shift(before):
            for o in 0..<outputSize {
                let i = o - before
                if i >= 0 && i < n { below[i * belowStride] += above[o * aboveStride] }
            }
        case let .upsample(factor):
            for o in 0..<outputSize { below[(o / factor) * belowStride] += above[o * aboveStride] }
        case .broadcast:
            for o in 0..<outputSize { below[0] += above[o * aboveStride] }
        case .identity:
            for o in 0..<outputSize { below[o * belowStride] += above[o * aboveStride] }
        }
    }

    /// The receptive-field numbers one step further: Araujo et al.'s recurrence for a window
    /// (`R + (k_eff − 1)·J`, `J·s`, start `− p·J`), a shift of the start for padding and
    /// cropping, the jump divided for upsampling, and no jump for a broadcast.
    public func advance(_ field: AxisFieldNumbers) -> AxisFieldNumbers {
        switch kind {
        case let .window(g):
            AxisFieldNumbers(size: field.size + Fraction(g.effectiveKernel - 1) * field.jump,
                             jump: field.jump * Fraction(g.stride),
                             start: field.start - Fraction(g.padBefore) * field.jump)
        case let .shift(before):
            AxisFieldNumbers(size: field.size, jump: field.jump, start: field.start - Fraction(before) * field.jump)
        case let .upsample(factor):
            AxisFieldNumbers(size: field.size, jump: field.jump / factor, start: field.start)
        case .broadcast:
            AxisFieldNumbers(size: field.size, jump: Fraction(0), start: field.start)
        case .identity:
            field
        }
    }
}

/// Araujo et al.'s numbers of one node along one axis, in input cells: the field size, the jump
/// between neighbouring outputs, and where output 0's field starts (minus the effective
/// padding). Fractions appear only after upsampling.
public struct AxisFieldNumbers: Sendable, Hashable {
    public let size: Fraction
    public let jump: Fraction
    public let start: Fraction

    public init(size: Fraction, jump: Fraction, start: Fraction) {
        self.size = size
        self.jump = jump
        self.start = start
    }

    /// The model's input: one cell, jump 1, starting at 0.
    public static let input = AxisFieldNumbers(size: Fraction(1), jump: Fraction(1), start: Fraction(0))

    /// Araujo's effective padding before the input: `−start`.
    public var padBefore: Fraction { Fraction(0) - start }
    /// The last input cell of output 0's field.
    public var end: Fraction { start + size - Fraction(1) }
    /// The middle of output 0's field.
    public var centre: Fraction { (start + end) / 2 }

    /// Whether any of the numbers left the integer range.
    public var overflowed: Bool { size.overflowed || jump.overflowed || start.overflowed }

    /// The smallest field holding both, with the first's jump.
    public func union(_ other: AxisFieldNumbers) -> AxisFieldNumbers {
        let start = min(start, other.start)
        let end = max(end, other.end)
        return AxisFieldNumbers(size: end - start + Fraction(1), jump: jump, start: start)
    }
}

/// `⌊a/b⌋` for a positive `b`, also for negative `a`.
func floorDivision(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? a / b : -((-a + b - 1) / b)
}

/// `a·b + c`, held within ±2^52 so that a region carried back through many strided layers of
/// padding cannot trap; a region that large lies wholly in padding either way.
func clamped(_ a: Int, times b: Int, plus c: Int) -> Int {
    let limit = 1 << 52
    let (product, o1) = a.multipliedReportingOverflow(by: b)
    let (sum, o2) = product.addingReportingOverflow(c)
    if o1 || o2 { return (a < 0) != (b < 0) ? -limit : limit }
    return min(max(sum, -limit), limit)
}
