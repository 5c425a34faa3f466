import AtrousCore
import Foundation
import ONNXProto
import SwiftProtobuf

/// Reads an ONNX model into AtrousCore's graph of spatial operations.
///
/// The weights are skipped: the graph's fields are found by their wire headers, every field but
/// the initializers is decoded by swift-protobuf as one `GraphProto`, and each initializer is
/// decoded alone, its shape and small values kept and its data dropped at once. With the file
/// mapped into memory, the memory used is the file's pages plus the largest single tensor.
enum ONNXReader {
    static func read(_ data: Data, path: String) throws -> ModelGraph {
        let (graph, constants) = try decode(data, path: path)
        var builder = ONNXGraphBuilder(graph: graph, constants: constants, path: path)
        return try builder.build()
    }

    /// The graph without its initializers, and the initializers' shapes and small values by name.
    static func decode(_ data: Data, path: String) throws -> (Onnx_GraphProto, [String: ONNXConstant]) {
        func corrupt(_ reason: String) -> ModelImportError { .corrupt(path: path, format: "ONNX", reason: reason) }
        do {
            let model = try ProtobufFields(data, range: data.startIndex..<data.endIndex)
            // ModelProto field 7 is the graph; GraphProto fields 5 and 15 are the initializers.
            guard let graphRange = model.fields.last(where: { $0.number == 7 })?.payload else {
                throw corrupt("it holds no graph")
            }
            let fields = try ProtobufFields(data, range: graphRange)
            var rest = Data()
            var constants: [String: ONNXConstant] = [:]
            for field in fields.fields {
                switch field.number {
                case 5:
                    guard let payload = field.payload else { throw corrupt("an initializer is not a message") }
                    let tensor = try Onnx_TensorProto(serializedBytes: data[payload])
                    constants[tensor.name] = ONNXConstant(tensor)
                case 15:
                    continue
                default:
                    rest.append(data[field.encoding])
                }
            }
            let graph = try Onnx_GraphProto(serializedBytes: rest)
            guard !graph.node.isEmpty else { throw corrupt("its graph has no nodes") }
            return (graph, constants)
        } catch let error as ModelImportError {
            throw error
        } catch let error as ProtobufFieldsError {
            throw corrupt(error.description)
        } catch {
            throw corrupt("protobuf decoding failed (\(error))")
        }
    }
}
