import AtrousCore
import Testing

/// The Hybrid Dilated Convolution rule and the presets.
@Suite("Receptive field rule and presets")
struct ReceptiveFieldRuleTests {
    struct Verdict: Sendable, CustomTestStringConvertible {
        let rates: [Int]
        let distances: [[Int]]
        let grids: Bool
        var testDescription: String { rates.map(String.init).joined(separator: ",") }
    }

    // M values worked by hand from M_n = r_n, M_i = max(M_{i+1} − 2r_i, 2r_i − M_{i+1}, r_i).
    static let verdicts: [Verdict] = [
        // M_3 = 5, M_2 = max(1, −1, 2) = 2, M_1 = max(0, 0, 1) = 1; 2 ≤ 3.
        Verdict(rates: [1, 2, 5], distances: [[1, 2, 5]], grids: false),
        // M_2 = 2 ≤ 3, but every rate is even.
        Verdict(rates: [2, 2, 2], distances: [[2, 2, 2]], grids: true),
        // M_3 = 9, M_2 = max(5, −5, 2) = 5 > 3.
        Verdict(rates: [1, 2, 9], distances: [[3, 5, 9]], grids: true),
        // The rates 2, 4, 8 share the factor 2.
        Verdict(rates: [2, 4, 8], distances: [[2, 4, 8]], grids: true),
        // Two sawtooth groups, each passing.
        Verdict(rates: [1, 2, 5, 1, 2, 5], distances: [[1, 2, 5], [1, 2, 5]], grids: false),
        // A single dilated layer leaves holes between its taps; a single plain layer does not.
        Verdict(rates: [3], distances: [[3]], grids: true),
        Verdict(rates: [1], distances: [[1]], grids: false),
    ]

    @Test("M values and verdicts", arguments: verdicts)
    func rule(_ verdict: Verdict) {
        let rule = HybridDilatedConvolution(rates: verdict.rates)
        #expect(rule.groups.map(\.maximumDistances) == verdict.distances)
        #expect(rule.grids == verdict.grids)
    }

    @Test("no spreading layer never grids; strides scale the later rates")
    func stackRates() throws {
        let flat = try LayerStack(inputSize: Pair(1, 64), specs: [LayerSpec(kernelSize: Pair(1, 2), rate: Pair(1, 2), padding: .causal)])
        #expect(HybridDilatedConvolution(stack: flat, axis: .height).groups.isEmpty)
        #expect(!HybridDilatedConvolution(stack: flat, axis: .height).grids)
        // Stride 2 then rate 2 spaces taps 4 input cells apart: rates 1, 4 and M_2 = 4 > 3.
        let strided = try LayerStack(inputSize: Pair(square: 32), specs: [
            LayerSpec(kernelSize: Pair(square: 3), stride: Pair(square: 2), padding: .same),
            LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 2), padding: .same),
        ])
        let rule = HybridDilatedConvolution(stack: strided, axis: .width)
        #expect(rule.rates == [1, 4])
        #expect(rule.grids)
        #expect(try ReceptiveFieldAnalysis(stack: strided).coverage.holes > 0)
    }

    @Test("WaveNet's field is 1024 samples, every one reached once")
    func wavenet() throws {
        let preset = try #require(StackPreset.named("wavenet"))
        let stack = try #require(try preset.stacks().first)
        let analysis = try ReceptiveFieldAnalysis(stack: stack, position: preset.defaultCell.position(in: stack))
        #expect(analysis.field.size == Pair(1, 1024))
        #expect(analysis.position == Pair(0, 1023))
        #expect(analysis.region.columns == AxisRegion(start: 0, end: 1023))
        #expect(analysis.pathCounts.maximum == 1)
        #expect(analysis.coverage.reached == 1024 && analysis.coverage.holes == 0)
        #expect(!analysis.ruleGrids)
    }

    struct PresetExpectation: Sendable, CustomTestStringConvertible {
        let name: String
        let fields: [Int]
        let holes: Bool
        var testDescription: String { name }
    }

    static let presets: [PresetExpectation] = [
        // 1 + 2·(1+1+2+4+8+16+1) = 67.
        PresetExpectation(name: "context", fields: [67], holes: false),
        // 1 + 2·2·(1+2+5) = 33.
        PresetExpectation(name: "hdc", fields: [33], holes: false),
        // 1 + 2·(2+2+2) = 13.
        PresetExpectation(name: "gridding", fields: [13], holes: true),
        // One 3x3 layer per branch: 2r + 1.
        PresetExpectation(name: "aspp", fields: [13, 25, 37, 49], holes: true),
    ]

    @Test("preset fields and holes", arguments: presets)
    func preset(_ expectation: PresetExpectation) throws {
        let preset = try #require(StackPreset.named(expectation.name.uppercased()))
        let stacks = try preset.stacks()
        let analysis = try ParallelBranchAnalysis(branches: stacks)
        #expect(analysis.branches.map(\.field.size) == expectation.fields.map { Pair(square: $0) })
        #expect((analysis.coverage.holes > 0) == expectation.holes)
        // The whole field of the centre fits the preset's input.
        #expect(CellBounds(clipping: analysis.region, toSize: preset.inputSize)?.cellCount == analysis.region.size.height * analysis.region.size.width)
    }

    @Test("summed branches add their path counts")
    func summedBranches() throws {
        let stacks = try StackPreset.aspp.stacks()
        let summed = try ParallelBranchAnalysis(branches: stacks)
        // Each branch reaches 9 cells, all distinct except the centre, reached by all four.
        #expect(summed.pathCounts.nonzeroCount == 4 * 8 + 1)
        #expect(summed.pathCounts[32, 32] == 4)
        #expect(try summed.pathCounts.total() == 36)
        #expect(summed.region == CellRegion(rows: AxisRegion(start: 8, end: 56), columns: AxisRegion(start: 8, end: 56)))
    }
}
