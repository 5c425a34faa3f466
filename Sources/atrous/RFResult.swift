import AtrousCore

/// What `atrous rf` computed: one stack, or parallel branches whose outputs are summed.
enum RFResult {
    case stack(ReceptiveFieldAnalysis)
    case parallel(ParallelBranchAnalysis)

    /// The path-count map written by --counts: the stack's, or the sum of the branches'.
    var pathCounts: PathCountMap {
        switch self {
        case let .stack(analysis): analysis.pathCounts
        case let .parallel(analysis): analysis.pathCounts
        }
    }
}
