/// A configuration of the first round: a reading, both axes' choices and the bias use, with
/// the largest difference over its interior outputs.
struct Candidate {
    let reading: DiagnosisReading
    let rows: AxisChoice
    let columns: AxisChoice
    let bias: BiasUse
    /// How its interior outputs agree with the actual ones.
    let fit: InteriorFit
    /// Fewer deviations from the standard call first, then smaller rates, strides and pads.
    let plainness: [Int]

    init(reading: DiagnosisReading, rows: AxisChoice, columns: AxisChoice, bias: BiasUse, fit: InteriorFit) {
        self.reading = reading
        self.rows = rows
        self.columns = columns
        self.bias = bias
        self.fit = fit
        let deviations = [reading.layout != .nhwc, reading.kernel != .asIs, reading.twice, bias == .missing]
            .filter { $0 }.count
        plainness = [deviations, rows.rate + columns.rate, rows.stride + columns.stride,
                     rows.padBefore + columns.padBefore]
    }
}

/// How a candidate's interior outputs agree with the actual's.
struct InteriorFit {
    /// The share of compared elements outside the tolerance, 0 to 1.
    let mismatchShare: Double
    let maxError: Double

    /// No output lies wholly inside the input: no evidence, ranked after any.
    static let unknown = InteriorFit(mismatchShare: 1, maxError: .infinity)
}

/// The candidates with the fewest interior mismatches, at most `capacity`, the plainer kept among equals.
struct Shortlist {
    let capacity: Int
    private(set) var entries: [Candidate] = []

    init(capacity: Int) { self.capacity = capacity }

    /// A share of mismatches above which a candidate cannot enter: the worst kept one's once the
    /// list is full, else more than any (a share is at most 1, unknown counts as 1).
    var admissionShare: Double { entries.count < capacity ? 2 : entries[entries.count - 1].fit.mismatchShare }

    mutating func offer(_ candidate: Candidate) {
        let index = entries.firstIndex { Self.precedes(candidate, $0) } ?? entries.count
        guard index < capacity else { return }
        entries.insert(candidate, at: index)
        if entries.count > capacity { entries.removeLast() }
    }

    private static func precedes(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.fit.mismatchShare != b.fit.mismatchShare { return a.fit.mismatchShare < b.fit.mismatchShare }
        if a.fit.maxError != b.fit.maxError { return a.fit.maxError < b.fit.maxError }
        return a.plainness.lexicographicallyPrecedes(b.plainness)
    }
}
