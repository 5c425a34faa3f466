import AtrousCore
import AtrousIO
import AtrousModels
import AtrousTestSupport
import Testing

/// Each fixture model, read from its ONNX or Keras file, gives the path counts of the
/// framework's own gradient exactly, and the field and jump the gradients show.
@Suite struct ModelFixtureTests {
    static let cases = (try? ModelCase.all()) ?? []

    @Test func everyFixtureIsListed() {
        #expect(Self.cases.count == 9)
    }

    @Test(arguments: cases)
    func reproducesTheFrameworkGradient(_ model: ModelCase) throws {
        let graph = try ModelFile.read(path: model.path)
        let size = graph.declaredInputSize ?? Pair(model.inputSize![0], model.inputSize![1])
        let analysis = try ModelFieldAnalysis(model: ResolvedModel(graph: graph, inputSize: size),
                                              position: Pair(model.at[0], model.at[1]))
        let expected = try NumpyReader.read(path: model.countsPath).converted(to: Double.self)
        #expect(expected.shape == [size.height, size.width])
        #expect(analysis.pathCounts.counts == expected.scalars)
        #expect(analysis.pathCounts.isExact)
        let field = analysis.field
        #expect([field.rows.size, field.columns.size] == model.receptiveField.map { Fraction($0) })
        #expect([field.rows.jump, field.columns.jump] == model.jump.map { Fraction($0) })
    }

    @Test func theImagePoolingBranchIsAGlobalDependencyBesideTheLocalField() throws {
        for file in ["aspp.onnx", "aspp.keras"] {
            let graph = try ModelFile.read(path: Fixtures.models.appendingPathComponent(file).path)
            let analysis = try ModelFieldAnalysis(model: ResolvedModel(graph: graph, inputSize: graph.declaredInputSize!))
            let global = analysis.globalDependencies.map { graph.nodes[$0].operatorName }
            #expect(global == [file.hasSuffix("onnx") ? "GlobalAveragePool" : "GlobalAveragePooling2D"])
            // Every input cell has a path through the pooling; the local paths leave the holes
            // of the rates 2, 4 and 6 at jump 2.
            #expect(analysis.pathCounts.nonzeroCount == 33 * 33)
            #expect(analysis.coverage.holes > 0)
            #expect(analysis.localPathCounts.nonzeroCount < analysis.pathCounts.nonzeroCount)
        }
    }

    @Test func kerasSameStridesMisalignTheProjectionSkip() throws {
        // Keras's SAME pads a stride-2 3x3 layer 0 before and 1 after on an even input, so its
        // field's centre moves off the 1x1 projection's: the block's second add is misaligned,
        // while PyTorch's symmetric pads keep both aligned.
        let keras = try ModelFile.read(path: Fixtures.models.appendingPathComponent("resnet_block.keras").path)
        let kerasAnalysis = try ModelFieldAnalysis(model: ResolvedModel(graph: keras, inputSize: keras.declaredInputSize!))
        #expect(kerasAnalysis.misalignedMerges.map { keras.nodes[$0].operatorName } == ["Add"])
        let onnx = try ModelFile.read(path: Fixtures.models.appendingPathComponent("resnet_block.onnx").path)
        let onnxAnalysis = try ModelFieldAnalysis(model: ResolvedModel(graph: onnx, inputSize: onnx.declaredInputSize!))
        #expect(onnxAnalysis.merges.count == 2)
        #expect(onnxAnalysis.misalignedMerges.isEmpty)
    }
}
