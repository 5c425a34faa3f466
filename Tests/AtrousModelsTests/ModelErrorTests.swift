import AtrousCore
import AtrousIO
import AtrousModels
import AtrousTestSupport
import Foundation
import Testing

/// Files and graphs atrous refuses, each with one sentence naming what is wrong.
@Suite struct ModelErrorTests {
    /// A Keras model JSON: the input layer, then `layers` chained in order.
    private func kerasJSON(input: String = "[null, 16, 16, 1]", layers: [(String, String)]) -> String {
        var entries = [#"{"class_name": "InputLayer", "name": "in", "config": {"batch_shape": \#(input), "name": "in"}, "inbound_nodes": []}"#]
        var previous = "in"
        for (index, (className, config)) in layers.enumerated() {
            let name = "layer\(index)"
            entries.append(#"{"class_name": "\#(className)", "name": "\#(name)", "config": {\#(config)}, "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["\#(previous)", 0, 0]}}], "kwargs": {}}]}"#)
            previous = name
        }
        return #"{"class_name": "Functional", "config": {"layers": [\#(entries.joined(separator: ", "))]}}"#
    }

    private func write(_ text: String, as name: String, in directory: TemporaryDirectory) throws -> String {
        try directory.write(Array(text.utf8), to: name)
        return directory.path(name)
    }

    private func analyse(_ path: String, inputSize: Pair? = nil) throws -> ModelFieldAnalysis {
        let graph = try ModelFile.read(path: path)
        guard let size = inputSize ?? graph.declaredInputSize else {
            throw ModelGraphError.missingInputSize(oneDimensional: graph.isOneDimensional)
        }
        return try ModelFieldAnalysis(model: ResolvedModel(graph: graph, inputSize: size))
    }

    @Test func anUnsupportedOperationIsNamedWithItsNode() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try write(kerasJSON(layers: [("Conv2D", #""kernel_size": [3, 3], "padding": "same""#),
                                                ("Lambda", #""function": "x""#)]), as: "lambda.json", in: directory)
        let error = #expect(throws: ModelGraphError.self) { try analyse(path) }
        #expect(error?.description == "Node 'layer1' is a Lambda, which atrous cannot analyse: its function is Python code.")
        // The node before it stays open to analysis.
        let graph = try ModelFile.read(path: path)
        let before = try ModelFieldAnalysis(model: ResolvedModel(graph: graph, inputSize: Pair(16, 16)), node: 0)
        #expect(before.field.rows.size == Fraction(3))
    }

    @Test func aTransposedConvolutionIsRefusedNamingTheNode() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try write(kerasJSON(layers: [("Conv2DTranspose", #""kernel_size": [3, 3]"#)]), as: "up.json", in: directory)
        let error = #expect(throws: ModelGraphError.self) { try ModelFile.read(path: path) }
        #expect(error?.description == "Node 'layer0' is a transposed convolution, which atrous does not analyse yet.")
    }

    @Test func anOpenInputSizeMustBeGiven() throws {
        let path = Fixtures.models.appendingPathComponent("wavenet_open.json").path
        let graph = try ModelFile.read(path: path)
        #expect(graph.declaredInputSize == nil)
        #expect(graph.isOneDimensional)
        let error = #expect(throws: ModelGraphError.self) { try analyse(path) }
        #expect(error?.description == "The model does not fix its input size; give one with --input-size, for example --input-size 1x1024.")
    }

    @Test func corruptFilesAreRefusedInOneSentence() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let onnx = try write("this is not a protobuf message\n", as: "broken.onnx", in: directory)
        let keras = try write("PK not a zip", as: "broken.keras", in: directory)
        let json = try write("{\"class_name\": ", as: "broken.json", in: directory)
        let cases: [(String, String)] = [
            (onnx, "'\(onnx)' is not a valid ONNX model: a field has the unknown wire type 4."),
            (keras, "'\(keras)' is not a valid Keras model: it is not a zip archive."),
            (json, "'\(json)' is not a valid Keras model: its architecture is not a JSON object."),
        ]
        for (path, message) in cases {
            let error = #expect(throws: ModelImportError.self) { try ModelFile.read(path: path) }
            #expect(error?.description == message)
        }
        let missing = directory.path("missing.onnx")
        #expect(throws: IOError.missingFile(path: missing)) { try ModelFile.read(path: missing) }
    }

    @Test func aTruncatedONNXFileIsCorrupt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bytes = try Data(contentsOf: Fixtures.models.appendingPathComponent("resnet_block.onnx"))
        try directory.write(Array(bytes.prefix(bytes.count / 2)), to: "half.onnx")
        let error = #expect(throws: ModelImportError.self) { try ModelFile.read(path: directory.path("half.onnx")) }
        #expect(error?.description == "'\(directory.path("half.onnx"))' is not a valid ONNX model: a field runs past the end of the file.")
    }
}
