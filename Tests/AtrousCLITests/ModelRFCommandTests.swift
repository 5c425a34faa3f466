import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

@Suite("atrous rf --model, through the binary")
struct ModelRFCommandTests {
    static let cases = (try? ModelCase.all()) ?? []

    @Test("each fixture's path counts, field and jump are the framework's", arguments: cases)
    func fixture(_ model: ModelCase) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = directory.path("counts.npy")
        var arguments = ["rf", "--model", model.path, "--at", "\(model.at[0]),\(model.at[1])", "--counts", output, "--json"]
        if let size = model.inputSize { arguments += ["--input-size", "\(size[0])x\(size[1])"] }
        let result = try AtrousBinary.run(arguments)
        try #require(result.status == 0, "stderr: \(result.standardError)")
        #expect(try ArrayFile.read(path: output) == ArrayFile.read(path: model.countsPath))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        #expect(json["receptive_field"] as? [Int] == model.receptiveField)
        #expect(json["jump"] as? [Int] == model.jump)
        for key in ["region", "effective_padding", "path_counts", "coverage", "output_size", "input_size", "layers",
                    "global_dependency"] {
            #expect(json[key] != nil, "missing \(key)")
        }
    }

    @Test("the text names the global dependency and the misaligned merge")
    func text() throws {
        let aspp = try AtrousBinary.run(["rf", "--model", Fixtures.models.appendingPathComponent("aspp.keras").path])
        try #require(aspp.status == 0, "stderr: \(aspp.standardError)")
        #expect(aspp.output.contains("Receptive field 27, jump 2"))
        #expect(aspp.output.contains("Through node 'global_average_pooling2d' (GlobalAveragePooling2D)"))
        let resnet = try AtrousBinary.run(["rf", "--model", Fixtures.models.appendingPathComponent("resnet_block.keras").path])
        #expect(resnet.output.contains("Branches meet at 2 merges; 1 not aligned:"))
    }

    @Test("a model without an input size, a wrong --node and a corrupt file end with one sentence")
    func errors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array("not a model".utf8), to: "broken.onnx")
        let open = Fixtures.models.appendingPathComponent("wavenet_open.json").path
        for arguments in [["rf", "--model", open],
                          ["rf", "--model", open, "--input-size", "4x32"],
                          ["rf", "--model", Fixtures.models.appendingPathComponent("aspp.onnx").path, "--node", "nothing"],
                          ["rf", "--model", directory.path("broken.onnx"), "--counts", directory.path("c.npy")]] {
            let result = try AtrousBinary.run(arguments)
            #expect(result.status != 0)
            #expect(Sentence.isSingle(result.standardError), "stderr: \(result.standardError)")
        }
        #expect(directory.bytes("c.npy") == nil)
    }
}
