/// One axis of a candidate layer whose output has the actual's extent: a rate, a stride, the
/// padding before, and every padding after that gives the same output size.
struct AxisChoice: Sendable, Hashable {
    let rate: Int
    let stride: Int
    let padBefore: Int
    let padAfters: [Int]

    /// Every choice that turns `inputSize` cells into `outputSize` with a kernel of `kernelSize`:
    /// rates in `rates`, strides in `strides`, each pad from 0 to the effective kernel. A kernel
    /// of one tap reads the same at every rate, so it is tried at rate 1 only.
    static func all(inputSize: Int, kernelSize: Int, outputSize: Int,
                    rates: ClosedRange<Int>, strides: ClosedRange<Int>) -> [AxisChoice] {
        var choices: [AxisChoice] = []
        for rate in kernelSize == 1 ? 1...1 : rates {
            let kEff = effectiveKernelSize(kernelSize, rate: rate)
            for stride in strides {
                for before in 0...kEff {
                    let afters = (0...kEff).filter { after in
                        let padded = inputSize + before + after
                        return padded >= kEff && (padded - kEff) / stride + 1 == outputSize
                    }
                    if !afters.isEmpty {
                        choices.append(AxisChoice(rate: rate, stride: stride, padBefore: before, padAfters: afters))
                    }
                }
            }
        }
        return choices
    }

    /// Pairs (output index, index into a valid stride-1 correlation of the cells from `cropStart`
    /// on, `validCount` long) for the outputs whose whole window lies inside that crop.
    func interiorPairs(outputSize: Int, cropStart: Int, validCount: Int) -> [(output: Int, valid: Int)] {
        (0..<outputSize).compactMap { output in
            let valid = output * stride - padBefore - cropStart
            return valid >= 0 && valid < validCount ? (output, valid) : nil
        }
    }
}
