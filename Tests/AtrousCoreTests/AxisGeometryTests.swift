import Testing
@testable import AtrousCore

/// Per-axis geometry: pads and output size for every padding mode, checked against the
/// frameworks' published formulas on hand-worked cases.
struct AxisGeometryTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let input: Int, kernel: Int, rate: Int, stride: Int
        let padding: Padding
        let before: Int, after: Int, output: Int
        var testDescription: String { "in \(input) k \(kernel) r \(rate) s \(stride) \(padding)" }
    }

    @Test(arguments: [
        // valid: out = floor((in - k_eff) / s) + 1
        Case(input: 9, kernel: 3, rate: 2, stride: 1, padding: .valid, before: 0, after: 0, output: 5),
        Case(input: 18, kernel: 3, rate: 1, stride: 3, padding: .valid, before: 0, after: 0, output: 6),
        Case(input: 17, kernel: 5, rate: 1, stride: 3, padding: .valid, before: 0, after: 0, output: 5),
        // same: out = ceil(in / s), the odd cell after
        Case(input: 9, kernel: 3, rate: 2, stride: 1, padding: .same, before: 2, after: 2, output: 9),
        Case(input: 13, kernel: 2, rate: 2, stride: 1, padding: .same, before: 1, after: 1, output: 13),
        Case(input: 18, kernel: 2, rate: 1, stride: 1, padding: .same, before: 0, after: 1, output: 18),
        Case(input: 18, kernel: 3, rate: 2, stride: 2, padding: .same, before: 1, after: 2, output: 9),
        Case(input: 19, kernel: 4, rate: 3, stride: 2, padding: .same, before: 4, after: 5, output: 10),
        Case(input: 10, kernel: 3, rate: 1, stride: 4, padding: .same, before: 0, after: 1, output: 3),
        // an effective kernel larger than the input under SAME still gives ceil(in/s)
        Case(input: 4, kernel: 3, rate: 4, stride: 1, padding: .same, before: 4, after: 4, output: 4),
        // a stride larger than the effective kernel needs no padding
        Case(input: 10, kernel: 1, rate: 1, stride: 4, padding: .same, before: 0, after: 0, output: 3),
        // full: k_eff - 1 on each side
        Case(input: 8, kernel: 3, rate: 2, stride: 1, padding: .full, before: 4, after: 4, output: 12),
        Case(input: 10, kernel: 2, rate: 4, stride: 1, padding: .full, before: 4, after: 4, output: 14),
        // causal on the width: k_eff - 1 on the left only
        Case(input: 32, kernel: 3, rate: 2, stride: 1, padding: .causal, before: 4, after: 0, output: 32),
        Case(input: 32, kernel: 2, rate: 4, stride: 2, padding: .causal, before: 4, after: 0, output: 16),
        // explicit
        Case(input: 8, kernel: 3, rate: 2, stride: 1, padding: .explicit(top: 9, bottom: 9, left: 1, right: 0),
             before: 1, after: 0, output: 5),
    ])
    func widthAxis(_ c: Case) throws {
        let g = try AxisGeometry(axis: .width, inputSize: c.input, kernelSize: c.kernel, rate: c.rate,
                                 stride: c.stride, padding: c.padding)
        #expect(g.padBefore == c.before)
        #expect(g.padAfter == c.after)
        #expect(g.outputSize == c.output)
        #expect(g.effectiveKernel == c.rate * (c.kernel - 1) + 1)
    }

    @Test func causalLeavesTheHeightUnpadded() throws {
        let g = try AxisGeometry(axis: .height, inputSize: 1, kernelSize: 1, rate: 3, stride: 1, padding: .causal)
        #expect(g.padBefore == 0 && g.padAfter == 0 && g.outputSize == 1)
    }

    @Test func explicitPaddingIsReadPerAxis() throws {
        let padding = Padding.explicit(top: 3, bottom: 1, left: 0, right: 2)
        let rows = try AxisGeometry(axis: .height, inputSize: 9, kernelSize: 2, rate: 3, stride: 1, padding: padding)
        let columns = try AxisGeometry(axis: .width, inputSize: 7, kernelSize: 2, rate: 3, stride: 1, padding: padding)
        #expect((rows.padBefore, rows.padAfter, rows.outputSize) == (3, 1, 10))
        #expect((columns.padBefore, columns.padAfter, columns.outputSize) == (0, 2, 6))
    }

    @Test func inputIndexFollowsTheFormula() throws {
        let g = try AxisGeometry(axis: .height, inputSize: 18, kernelSize: 3, rate: 2, stride: 2, padding: .same)
        // o·s − pad_before + r·j
        #expect(g.inputIndex(output: 0, tap: 0) == -1)
        #expect(g.inputIndex(output: 3, tap: 2) == 3 * 2 - 1 + 4)
        #expect(g.inputIndex(output: 8, tap: 2) == 19) // in the bottom padding
    }

    @Test func outputsReadingAnInputCell() throws {
        let g = try AxisGeometry(axis: .width, inputSize: 9, kernelSize: 3, rate: 2, stride: 1, padding: .same)
        #expect(g.outputs(reading: 4) == [2, 4, 6])
        #expect(g.outputs(reading: 0) == [0, 2])
    }

    @Test(arguments: [
        (Padding.valid, 5, 3, 3, 1, ConvolutionError.emptyOutput(axis: .width, inputSize: 5, padBefore: 0, padAfter: 0,
                                                                  kernelSize: 3, rate: 3)),
        (Padding.same, 5, 0, 1, 1, ConvolutionError.kernelSizeBelowOne(axis: .width, size: 0)),
        (Padding.same, 5, 3, 0, 1, ConvolutionError.rateBelowOne(axis: .width, rate: 0)),
        (Padding.same, 5, 3, 1, 0, ConvolutionError.strideBelowOne(axis: .width, stride: 0)),
        (Padding.explicit(top: 0, bottom: 0, left: -1, right: 0), 5, 3, 1, 1,
         ConvolutionError.negativePadding(axis: .width, before: -1, after: 0)),
        (Padding.valid, 0, 1, 1, 1, ConvolutionError.inputSizeBelowOne(axis: .width, size: 0)),
    ] as [(Padding, Int, Int, Int, Int, ConvolutionError)])
    func impossibleParameters(_ padding: Padding, _ input: Int, _ kernel: Int, _ rate: Int, _ stride: Int,
                              _ expected: ConvolutionError) {
        #expect(throws: expected) {
            try AxisGeometry(axis: .width, inputSize: input, kernelSize: kernel, rate: rate, stride: stride,
                             padding: padding)
        }
    }

    @Test func causalRefusesATallKernel() {
        #expect(throws: ConvolutionError.causalNeedsFlatKernel(kernelHeight: 3)) {
            try AxisGeometry(axis: .height, inputSize: 9, kernelSize: 3, rate: 1, stride: 1, padding: .causal)
        }
    }

    @Test func sameMatchesCeilOnEveryStride() throws {
        for input in 1...20 {
            for stride in 1...5 {
                for kernel in 1...4 {
                    for rate in 1...3 {
                        let g = try AxisGeometry(axis: .height, inputSize: input, kernelSize: kernel, rate: rate,
                                                 stride: stride, padding: .same)
                        #expect(g.outputSize == (input + stride - 1) / stride)
                        #expect(g.padAfter - g.padBefore == 0 || g.padAfter - g.padBefore == 1)
                    }
                }
            }
        }
    }
}
