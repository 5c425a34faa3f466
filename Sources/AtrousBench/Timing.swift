/// The times of repeated runs of one piece of work, and the statistics a report quotes.
public struct Timing: Sendable, Hashable, Codable {
    /// Seconds per run, in the order they ran.
    public let samples: [Double]

    public init(samples: [Double]) {
        self.samples = samples
    }

    /// The middle run, by the nearest-rank rule: robust to a noisy neighbour on a shared machine.
    public var median: Double { percentile(50) }
    /// The run that 99 % of the runs were no slower than.
    public var p99: Double { percentile(99) }

    /// The `p`-th percentile by the nearest-rank rule, or 0 without samples.
    public func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sorted = samples.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// Runs `body` `warmUp` times untimed (caches, page faults, thread start), then
    /// `repetitions` times timed one by one.
    ///
    /// - Throws: whatever `body` throws; the timing stops there.
    public static func measure(warmUp: Int, repetitions: Int, _ body: () throws -> Void) rethrows -> Timing {
        for _ in 0..<warmUp { try body() }
        let clock = ContinuousClock()
        var samples: [Double] = []
        samples.reserveCapacity(repetitions)
        for _ in 0..<repetitions {
            let start = clock.now
            try body()
            samples.append((clock.now - start).seconds)
        }
        return Timing(samples: samples)
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    var seconds: Double {
        let (whole, fraction) = components
        return Double(whole) + Double(fraction) * 1e-18
    }
}
