import ArgumentParser
import AtrousBench

/// `atrous bench`: times the convolution core, the explorer and the start-up, and checks each result.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the convolution core, the explorer and the start-up on fixed workloads, checking each result.",
        discussion: """
            Each figure is warmed up, then run many times; the report gives the median and the \
            99th percentile per figure, the FLOP rate of the convolutions, and whether each \
            result checked out (a sample of convolution outputs against their tap-by-tap sums, \
            the explorer's frames against its state, the start-up's frame against this \
            program's). The start-up figure runs this program afresh as atrous render and also \
            reports its peak memory. A figure whose check fails makes the command exit with a \
            non-zero status.
            """)

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Flag(help: "A few runs per figure: checks that everything runs, not how fast.")
    var quick = false

    @Option(help: "Timed runs per figure (default: each figure's own count).")
    var repetitions: Int?

    @Option(name: .customLong("figure"), help: "Measure only this figure (repeatable), e.g. seed_conv or large_render.")
    var figures: [String] = []

    @Flag(help: "Measure the figures on an 8192x8192 input instead (minutes, and gigabytes of memory).")
    var large = false

    mutating func run() throws {
        var settings = quick ? BenchSuite.Settings.quick : BenchSuite.Settings()
        if let repetitions { settings.repetitions = repetitions }
        let selected = large ? BenchSuite.large
            : figures.isEmpty ? BenchSuite.standard : try BenchSuite.select(figures, from: Self.known)
        let report = try BenchSuite.run(selected, settings: settings)
        print(json ? report.json : report.text)
        guard report.allChecksPassed else { throw ExitCode.failure }
    }

    mutating func validate() throws {
        if let repetitions, repetitions < 1 {
            throw ValidationError("--repetitions must be at least 1, got \(repetitions).")
        }
        do { _ = try BenchSuite.select(figures, from: Self.known) } catch { throw ValidationError("\(error)") }
    }

    /// Every figure a name can pick; without names, the standard ones run.
    private static var known: [BenchFigure] { BenchSuite.standard + BenchSuite.large }
}
