import AtrousCore
import Foundation
import ONNXProto
import SwiftProtobuf

/// Reads an ONNX model into AtrousCore's graph of spatial operations.
///
/// The weights are skipped: the graph's fields are found by their wire headers, every field but
/// the initializers is decoded by swift-protobuf as one `GraphProto`, and each initializer is
/// decoded alone without its raw data, keeping its shape (and its values when it is small
/// enough to be a parameter). With the file mapped into memory, the weights' pages are never
/// read.
enum ONNXReader {
    static func read(_ data: Data, path: String) throws -> ModelGraph {
        let (graph, constants) = try decode(data, path: path)
        var builder = ONNXGraphBuilder(graph: graph, constants: constants, path: path)
        return try builder.build()
    }

    /// The tensor at `payload` without its raw data when that is larger than a parameter's: the
    /// data's bytes are skipped, never read, so a mapped file's weight pages stay on the disk.
    private static func header(of payload: Range<Int>, in data: Data) throws -> Onnx_TensorProto {
        // TensorProto field 9 is raw_data.
        let fields = try ProtobufFields(data, range: payload)
        let large = fields.fields.contains { $0.number == 9 && ($0.payload?.count ?? 0) > ONNXConstant.valueLimit * 8 }
        guard large else { return try Onnx_TensorProto(serializedBytes: data[payload]) }
        var kept = Data()
        for field in fields.fields where field.number != 9 { kept.append(data[field.encoding]) }
        return try Onnx_TensorProto(serializedBytes: kept)
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
                    let tensor = try header(of: payload, in: data)
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
