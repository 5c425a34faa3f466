/// What a diagnosis found: the configurations that reproduce the output, or the closest ones.
public struct DiagnosisReport: Sendable {
    /// Every configuration within the tolerance, the plainest first.
    public let matches: [DiagnosisFinding]
    /// When nothing matches, the closest configurations, closest first; empty otherwise.
    public let closest: [DiagnosisFinding]
    /// `1e-4 · max(1, max |actual|)`.
    public let tolerance: Double
    /// How many configurations were computed in full.
    public let computedCount: Int

    /// The best finding: the first match, or the closest configuration.
    public var best: DiagnosisFinding? { matches.first ?? closest.first }
}

extension DiagnosisFinding {
    /// Matches first, the plainest of them first (they compute the same numbers); then the rest
    /// by error, the plainer first among equals.
    static func ranksBefore(_ a: DiagnosisFinding, _ b: DiagnosisFinding) -> Bool {
        if a.matches != b.matches { return a.matches }
        if a.matches { return a.plainness.lexicographicallyPrecedes(b.plainness) }
        if a.maxAbsError != b.maxAbsError { return a.maxAbsError < b.maxAbsError }
        return a.plainness.lexicographicallyPrecedes(b.plainness)
    }
}
