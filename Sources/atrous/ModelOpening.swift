import AtrousCore
import AtrousModels

/// Opening a model for `atrous rf --model` and `atrous explore --model` alike: read the file,
/// take the model's own input size or `--input-size` (refusing a conflict or a missing one),
/// resolve the graph on it and find the `--node` named.
enum ModelOpening {
    /// The model at `path` resolved on its input, and the index of the node named (nil: the default).
    /// - Throws: the readers' ``ModelImportError``, ``ModelGraphError`` or ``RFCommandError``,
    ///   each one sentence.
    static func open(path: String, inputSize: String?, node: String?) throws -> (model: ResolvedModel, node: Int?) {
        let graph = try ModelFile.read(path: path)
        let given = try inputSize.map(RFCommand.parseInputSize)
        let size: Pair
        switch (graph.declaredInputSize, given) {
        case let (declared?, given?) where declared != given:
            throw ModelGraphError.inputSizeConflict(declared: declared, given: given)
        case let (declared?, _): size = declared
        case let (nil, given?): size = given
        case (nil, nil): throw ModelGraphError.missingInputSize(oneDimensional: graph.isOneDimensional)
        }
        if graph.isOneDimensional, size.height != 1 {
            throw RFCommandError.oneDimensionalHeight(size)
        }
        let index = try node.map { name in
            guard let index = graph.index(named: name) else { throw ModelGraphError.unknownNode(name) }
            return index
        }
        return (ResolvedModel(graph: graph, inputSize: size), index)
    }
}
