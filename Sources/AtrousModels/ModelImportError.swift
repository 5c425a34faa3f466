import AtrousCore

/// A model file that cannot be read. Each message is one sentence naming the file and, where
/// one is at fault, the node.
public enum ModelImportError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownFormat(path: String)
    case corrupt(path: String, format: String, reason: String)
    case inputCount(path: String, count: Int)
    case inputRank(path: String, name: String, rank: Int)
    case missingAttribute(node: String, operatorName: String, attribute: String)
    case badAttribute(node: String, operatorName: String, attribute: String, value: String)

    public var description: String {
        switch self {
        case let .unknownFormat(path):
            "'\(path)' is not a model atrous reads; give an .onnx file, a Keras .keras file or a Keras model .json."
        case let .corrupt(path, format, reason):
            "'\(path)' is not a valid \(format) model: \(reason)."
        case let .inputCount(path, count):
            "'\(path)' has \(count) inputs with a spatial map; atrous analyses models with exactly one."
        case let .inputRank(path, name, rank):
            "The input '\(name)' of '\(path)' has \(rank) axes; atrous reads 1-D maps (3 axes with the batch) and 2-D maps (4 axes)."
        case let .missingAttribute(node, operatorName, attribute):
            "Node '\(node)' (\(operatorName)) does not give its \(attribute)."
        case let .badAttribute(node, operatorName, attribute, value):
            "Node '\(node)' (\(operatorName)) has \(attribute) \(value), which atrous cannot analyse."
        }
    }
}
