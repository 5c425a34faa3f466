/// One figure of the benchmark: a piece of work to time, what it costs, and how to tell
/// that it computed the right thing, so that broken work cannot look fast.
public struct BenchFigure: Sendable {
    /// The key the figure's numbers carry in the report, e.g. `seed_conv`.
    public let name: String
    /// One line for people: the workload in words.
    public let summary: String
    /// Floating-point operations per run (a multiply-add counts two), or nil where a FLOP rate
    /// means nothing (e.g. handling a key press).
    public let flops: Double?
    /// Timed runs by default; the quick setting uses fewer.
    public let repetitions: Int
    /// The workload as the user wrote it (``CustomConvolution``), nil for the standard figures.
    public let spec: String?
    /// Prepares the work and returns the closure to time plus its check; preparation (random
    /// data, building layers) is not timed.
    public let prepare: @Sendable () throws -> PreparedWork

    public init(name: String, summary: String, flops: Double?, repetitions: Int, spec: String? = nil,
                prepare: @escaping @Sendable () throws -> PreparedWork) {
        self.name = name
        self.summary = summary
        self.flops = flops
        self.repetitions = repetitions
        self.spec = spec
        self.prepare = prepare
    }
}

/// The timed closure of a figure and the check of what its last run produced.
public struct PreparedWork {
    /// The work to time; it keeps its last result for `check`.
    public let run: () throws -> Void
    /// Whether the last run's result is right; nil when it is, else one sentence on what is wrong.
    public let check: () -> String?
    /// Numbers other than time the runs measured (e.g. memory), read after the check.
    public let readings: () -> [Reading]

    public init(run: @escaping () throws -> Void, check: @escaping () -> String?,
                readings: @escaping () -> [Reading] = { [] }) {
        self.run = run
        self.check = check
        self.readings = readings
    }
}

/// A number a figure measured besides its times, under its own report key.
public struct Reading: Sendable, Hashable {
    /// The JSON key, e.g. `default_session_max_rss_mb`.
    public let key: String
    public let value: Double
    /// One line for people: what was measured, and its unit.
    public let summary: String

    public init(key: String, value: Double, summary: String) {
        self.key = key
        self.value = value
        self.summary = summary
    }
}

/// The measured numbers of one figure.
public struct FigureResult: Sendable, Hashable {
    public let name: String
    public let summary: String
    /// The user's workload text for a custom convolution (see ``BenchFigure/spec``).
    public var spec: String? = nil
    public let timing: Timing
    public let flops: Double?
    /// nil when the result checked out, else what was wrong with it.
    public let failure: String?
    /// Numbers other than time, such as memory.
    public var readings: [Reading] = []

    /// Operations per second at the median time, in GFLOP/s.
    public var gigaflopsPerSecond: Double? {
        guard let flops, timing.median > 0 else { return nil }
        return flops / timing.median / 1e9
    }
}

/// Errors of a benchmark run.
public enum BenchError: Error, Equatable, CustomStringConvertible {
    case unknownFigure(name: String, known: [String])
    case nonPositiveRepetitions(Int)
    /// A figure's workload could not be set up, e.g. the explorer refused its layers.
    case setUpFailed(figure: String, reason: String)
    /// A program a figure starts could not be started.
    case spawnFailed(executable: String, reason: String)
    /// A `--conv` workload that cannot be read or run.
    case badConvolution(spec: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownFigure(name, known):
            "There is no benchmark figure named '\(name)'; the figures are \(known.joined(separator: ", "))."
        case let .nonPositiveRepetitions(count):
            "The number of repetitions must be at least 1, got \(count)."
        case let .setUpFailed(figure, reason):
            "The figure \(figure) could not be set up: \(reason)"
        case let .spawnFailed(executable, reason):
            "Cannot start \(executable): \(reason)."
        case let .badConvolution(spec, reason):
            "The workload '\(spec)' cannot be timed: \(reason); write \(CustomConvolution.syntax)."
        }
    }
}
