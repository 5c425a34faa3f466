import AtrousCore

/// What `atrous rf` computed: one stack, parallel branches whose outputs are summed, or one
/// node of a model read from a file.
enum RFResult {
    case stack(ReceptiveFieldAnalysis)
    case parallel(ParallelBranchAnalysis)
    case model(ModelFieldAnalysis, file: String)

    /// The path-count map written by --counts, as float64 in the input's shape: the stack's, the
    /// sum of the branches', or every path of the model's node.
    /// - Throws: ``ReceptiveFieldError/pathCountNotExact(maximum:)`` when a stack's count exceeds 2^53.
    func pathCountTensor() throws -> Tensor<Double> {
        switch self {
        case let .stack(analysis): try Self.tensor(analysis.pathCounts)
        case let .parallel(analysis): try Self.tensor(analysis.pathCounts)
        case let .model(analysis, _):
            Tensor(shape: [analysis.pathCounts.size.height, analysis.pathCounts.size.width], scalars: analysis.pathCounts.counts)
        }
    }

    private static func tensor(_ map: PathCountMap) throws -> Tensor<Double> {
        Tensor(shape: [map.size.height, map.size.width], scalars: try map.exactDoubles())
    }
}
