import AtrousCore
import AtrousModels
import AtrousTestSupport
import Foundation
import Testing

/// The model readers fed seeded mutations of the fixture models: no crash, no hang, and either
/// an analysis or one clear sentence.
@Suite("Fuzzing the model readers with mutated files")
struct ModelFuzzTests {
    /// Every fixture model's bytes, by extension; Keras archives mutated as their config.json.
    private static func seeds(_ suffix: String) throws -> [[UInt8]] {
        try FileManager.default.contentsOfDirectory(atPath: Fixtures.models.path).sorted()
            .filter { $0.hasSuffix(suffix) }
            .map { [UInt8](try Data(contentsOf: Fixtures.models.appendingPathComponent($0))) }
    }

    private func analyse(_ path: String, family: String, number: Int) {
        do {
            let graph = try ModelFile.read(path: path)
            let model = ResolvedModel(graph: graph, inputSize: graph.declaredInputSize ?? Pair(1, 32))
            _ = try ModelFieldAnalysis(model: model)
        } catch {
            FuzzCampaign.checkMessage("\(error)", family, number)
        }
    }

    @Test("ONNX files")
    func onnx() throws {
        let seeds = try Self.seeds(".onnx")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        FuzzCampaign.run("ONNX") { mutator, number in
            try? directory.write(mutator.mutate(mutator.element(seeds)), to: "case.onnx")
            analyse(directory.path("case.onnx"), family: "ONNX", number: number)
        }
    }

    @Test("Keras model JSON and .keras archives")
    func keras() throws {
        let seeds = try Self.seeds(".json") + Self.seeds(".keras")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        FuzzCampaign.run("Keras") { mutator, number in
            let bytes = mutator.mutate(mutator.element(seeds), tokens: ["Conv2D", "padding", "same", "causal", "[", "null"])
            let name = bytes.starts(with: [0x50, 0x4B]) ? "case.keras" : "case.json"
            try? directory.write(bytes, to: name)
            analyse(directory.path(name), family: "Keras", number: number)
        }
    }
}
