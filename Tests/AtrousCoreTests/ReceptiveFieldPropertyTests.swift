import AtrousCore
import Testing

/// Random small stacks checked against the real convolution and against each other.
@Suite("Receptive field properties")
struct ReceptiveFieldPropertyTests {
    /// Small random stacks that resolve (those with an empty output are skipped), with a seed each.
    static func randomStacks(count: Int, seed: UInt64) -> [LayerStack] {
        var generator = SplitMix64(seed: seed)
        var stacks: [LayerStack] = []
        while stacks.count < count {
            let input = Pair(Int.random(in: 1...11, using: &generator), Int.random(in: 1...11, using: &generator))
            let specs = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                randomLayer(using: &generator)
            }
            if let stack = try? LayerStack(inputSize: input, specs: specs) { stacks.append(stack) }
        }
        return stacks
    }

    static func randomLayer(using generator: inout SplitMix64) -> LayerSpec {
        func pair(_ range: ClosedRange<Int>) -> Pair {
            Pair(Int.random(in: range, using: &generator), Int.random(in: range, using: &generator))
        }
        var kernel = pair(1...3)
        let padding: Padding
        switch Int.random(in: 0..<5, using: &generator) {
        case 0: padding = .valid
        case 1: padding = .same
        case 2: padding = .full
        case 3: padding = .causal; kernel.height = 1
        default:
            padding = .explicit(top: Int.random(in: 0...2, using: &generator), bottom: Int.random(in: 0...2, using: &generator),
                                left: Int.random(in: 0...2, using: &generator), right: Int.random(in: 0...2, using: &generator))
        }
        return LayerSpec(kernelSize: kernel, rate: pair(1...3), stride: pair(1...2), padding: padding)
    }

    /// The map over the last output of a one-hot input at (`row`, `column`), computed by running
    /// the real convolution with all-ones kernels through every layer.
    static func convolveOneHot(_ stack: LayerStack, row: Int, column: Int) throws -> Tensor<Double> {
        var map = Tensor<Double>(shape: [stack.inputSize.height, stack.inputSize.width])
        map[row, column] = 1
        for spec in stack.specs {
            let kernel = Tensor<Double>(shape: [spec.kernelSize.height, spec.kernelSize.width], repeating: 1)
            map = try Convolution(kernel: kernel, rate: spec.rate, stride: spec.stride, padding: spec.padding)(map)
        }
        return map
    }

    @Test("path counts and projective fields equal the all-ones convolution of one-hot inputs",
          arguments: randomStacks(count: 40, seed: 0xA7_0005))
    func matchesBruteForce(_ stack: LayerStack) throws {
        let output = stack.outputSize
        let maps = try (0..<output.height).flatMap { y in
            try (0..<output.width).map { x in try stack.pathCounts(row: y, column: x) }
        }
        for i in 0..<stack.inputSize.height {
            for j in 0..<stack.inputSize.width {
                let forward = try Self.convolveOneHot(stack, row: i, column: j)
                let projective = try stack.projectiveField(row: i, column: j)
                #expect(projective.size == output)
                for y in 0..<output.height {
                    for x in 0..<output.width {
                        let expected = forward[y, x]
                        #expect(Double(projective[y, x]) == expected)
                        #expect(Double(maps[y * output.width + x][i, j]) == expected)
                    }
                }
            }
        }
    }

    @Test("the formula's region bounds the path counts, and equals their bounding box inside the input",
          arguments: randomStacks(count: 200, seed: 0xB0B))
    func regionMatchesBoundingBox(_ stack: LayerStack) throws {
        let field = try ReceptiveField(stack: stack)
        let input = stack.inputSize
        for y in 0..<stack.outputSize.height {
            for x in 0..<stack.outputSize.width {
                let region = field.region(row: y, column: x)
                #expect(region.size == field.size)
                let map = try stack.pathCounts(row: y, column: x)
                let clipped = CellBounds(clipping: region, toSize: input)
                guard let bounds = map.nonzeroBounds else { continue }
                let inside = try #require(clipped)
                #expect(inside.rows.contains(bounds.rows.lowerBound) && inside.rows.contains(bounds.rows.upperBound))
                #expect(inside.columns.contains(bounds.columns.lowerBound)
                    && inside.columns.contains(bounds.columns.upperBound))
                if region.rows.start >= 0, region.columns.start >= 0,
                   region.rows.end < input.height, region.columns.end < input.width {
                    #expect(bounds.rows == region.rows.start...region.rows.end)
                    #expect(bounds.columns == region.columns.start...region.columns.end)
                    // No path meets padding, so every one of the Π kh·kw paths arrives.
                    let paths = stack.specs.reduce(UInt64(1)) { $0 * UInt64($1.kernelSize.height * $1.kernelSize.width) }
                    #expect(try map.total() == paths)
                }
            }
        }
    }

    @Test("per-layer steps grow by Araujo's recurrences", arguments: randomStacks(count: 100, seed: 0xC0FFEE))
    func stepsFollowRecurrences(_ stack: LayerStack) throws {
        let field = try ReceptiveField(stack: stack)
        for axis in Axis.allCases {
            var (size, jump, before) = (1, 1, 0)
            for (step, layer) in zip(field[axis].steps, stack.geometries(along: axis)) {
                // Closed forms: R = 1 + Σ (k_l − 1) Π s_i, P = Σ p_l Π s_i, products over i < l.
                size += (layer.effectiveKernel - 1) * jump
                before += layer.padBefore * jump
                jump *= layer.stride
                #expect(step.size == size && step.jump == jump && step.padBefore == before)
            }
            #expect(field[axis].size == size && field[axis].jump == jump)
        }
    }
}

extension LayerStack: CustomTestStringConvertible {
    public var testDescription: String {
        "\(inputSize.height)x\(inputSize.width) " + specs.map(\.notation).joined(separator: " ")
    }
}
