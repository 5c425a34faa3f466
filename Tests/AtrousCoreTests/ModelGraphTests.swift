@testable import AtrousCore
import Testing

/// The format-independent graph: windows resolved by the frameworks' rules, fields through
/// merges and upsampling, and nodes blocked by what atrous does not follow.
@Suite struct ModelGraphTests {
    private func node(_ name: String, _ operation: SpatialOperation, _ inputs: [Int?] = [nil]) -> ModelGraph.Node {
        ModelGraph.Node(name: name, operatorName: name, operation: operation, inputs: inputs)
    }

    private func pool(_ k: Int, _ s: Int, pad: Int, ceil: Bool) -> SpatialOperation {
        .pooling(.max, Window(kernelSize: Pair(square: k), stride: Pair(square: s),
                              padding: .explicit(before: Pair(square: pad), after: Pair(square: pad)), ceilMode: ceil))
    }

    @Test(arguments: [(8, 3, 2, 0, 4), (4, 2, 3, 1, 2), (7, 3, 2, 1, 4)])
    func ceilModeFollowsPyTorch(_ size: Int, _ k: Int, _ s: Int, _ pad: Int, _ expected: Int) throws {
        // The sizes PyTorch's MaxPool2d(k, s, pad, ceil_mode=True) gives; the second drops a
        // last window that would start in the padding.
        let graph = try ModelGraph(declaredInputSize: nil, nodes: [node("pool", pool(k, s, pad: pad, ceil: true))])
        #expect(ResolvedModel(graph: graph, inputSize: Pair(square: size)).outputSize(of: 0) == Pair(square: expected))
    }

    @Test func sameLowerPutsTheOddCellBefore() throws {
        let window = Window(kernelSize: Pair(square: 4), padding: .sameLower)
        let upper = try ResolvedModel.geometry(of: Window(kernelSize: Pair(square: 4), padding: .sameUpper),
                                               axis: .height, inputSize: 9, node: "a")
        let lower = try ResolvedModel.geometry(of: window, axis: .height, inputSize: 9, node: "a")
        #expect((upper.padBefore, upper.padAfter) == (1, 2))
        #expect((lower.padBefore, lower.padAfter) == (2, 1))
    }

    @Test func upsamplingHalvesTheJumpAndPathsFollowTheNearestCell() throws {
        let conv = SpatialOperation.convolution(Window(kernelSize: Pair(square: 3), stride: Pair(square: 2)), groups: 1)
        let graph = try ModelGraph(declaredInputSize: nil, nodes: [
            node("down", conv), node("up", .resize(.factor(Pair(square: 2)), nearest: true), [0]),
        ])
        let analysis = try ModelFieldAnalysis(model: ResolvedModel(graph: graph, inputSize: Pair(9, 9)), position: Pair(3, 3))
        #expect(analysis.field.rows.jump == Fraction(1))
        #expect(analysis.field.rows.size == Fraction(3))
        // Output 3 of the upsampling reads cell 1 of the strided layer, which reads 2...4.
        #expect(analysis.region.rows == AxisRegion(start: 2, end: 4))
        #expect(analysis.pathCounts.nonzeroCount == 9)
    }

    @Test func misalignedBranchesAreReportedAndTheirCountsSummed() throws {
        let same = SpatialOperation.convolution(Window(kernelSize: Pair(square: 3), padding: .sameUpper), groups: 1)
        let shifted = SpatialOperation.pad(before: Pair(2, 2), after: Pair(-2, -2))
        let graph = try ModelGraph(declaredInputSize: nil, nodes: [
            node("a", same), node("b", shifted), node("sum", .merge(.add), [0, 1]),
        ])
        let analysis = try ModelFieldAnalysis(model: ResolvedModel(graph: graph, inputSize: Pair(8, 8)), position: Pair(4, 4))
        #expect(analysis.misalignedMerges == [2])
        // Cell (4, 4) reads 3...5 through the convolution and 2 through the shift.
        #expect(analysis.region.rows == AxisRegion(start: 2, end: 5))
        #expect(analysis.pathCounts.counts[2 * 8 + 2] == 1)
        #expect(analysis.pathCounts.counts[4 * 8 + 4] == 1)
        #expect(analysis.pathCounts.total == 10)
    }

    @Test func anUnsupportedNodeBlocksOnlyTheNodesAfterIt() throws {
        let graph = try ModelGraph(declaredInputSize: nil, nodes: [
            node("relu", .pointwise), node("odd", .unsupported(reason: "it is odd"), [0]), node("after", .pointwise, [1]),
        ])
        let model = ResolvedModel(graph: graph, inputSize: Pair(4, 4))
        #expect(throws: ModelGraphError.unsupportedOperation(node: "odd", operatorName: "odd", reason: "it is odd")) {
            try ModelFieldAnalysis(model: model)
        }
        #expect(try ModelFieldAnalysis(model: model, node: 0).field.rows.size == Fraction(1))
    }
}
