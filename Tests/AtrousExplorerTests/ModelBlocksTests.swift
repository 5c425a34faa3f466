import AtrousExplorer
import Testing

/// Blocks of the layer table, told by the nodes' names.
struct ModelBlocksTests {
    @Test func pytorchNamesGroupByTheirModulePath() {
        let entries = ModelBlocks.entries(names: [
            "/conv1/Conv", "/layer1/layer1.0/conv1/Conv", "/layer1/layer1.0/relu/Relu", "/layer1/layer1.0/Add",
            "/layer1/layer1.1/conv1/Conv", "/layer1/layer1.1/Add", "/fc/Gemm",
        ])
        #expect(entries.map(\.block) == [nil, "layer1/layer1.0", "layer1/layer1.0", "layer1/layer1.0",
                                         "layer1/layer1.1", "layer1/layer1.1", nil])
        #expect(entries.map(\.startsBlock) == [false, true, false, false, true, false, false])
        #expect(entries.map(\.shortName) == ["/conv1/Conv", "conv1/Conv", "relu/Relu", "Add", "conv1/Conv", "Add", "/fc/Gemm"])
    }

    @Test func dottedNamesGroupWithoutSlashes() {
        let entries = ModelBlocks.entries(names: ["stem.conv", "block1.conv1", "block1.conv2", "head"])
        #expect(entries.map(\.block) == [nil, "block1", "block1", nil])
        #expect(entries.map(\.shortName) == ["stem.conv", "conv1", "conv2", "head"])
    }

    @Test func kerasNamesWithoutSeparatorsStandAlone() {
        let entries = ModelBlocks.entries(names: ["conv2d_12", "activation_9", "conv2d_13"])
        #expect(entries.allSatisfy { $0.block == nil })
        #expect(entries.map(\.shortName) == ["conv2d_12", "activation_9", "conv2d_13"])
    }
}
