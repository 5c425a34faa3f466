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

            --conv times a convolution of your own, checked the same way: \
            NxHxWxC:KHxKW:COUT, then any of :rate=R, :stride=S (R or RxC), \
            :padding=valid|same|full|causal|T,B,L,R, :algorithm=direct|winograd, :threads=T and \
            :float64 (float32 when left out; rate and stride 1, padding same), e.g. \
            atrous bench --conv 1x224x224x64:3x3:64:rate=2:stride=1:padding=same. \
            With --conv and no --figure, only the --conv workloads run; --json lists them \
            under "conv", each with its "spec" and "median_ms".

            Every convolution runs the direct sum of each output's taps unless it says \
            otherwise: seed_conv_winograd (and algorithm=winograd) times Winograd's \
            F(4x4,3x3), which is faster on 3x3 kernels but less accurate.
            """)

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Flag(help: "A few runs per figure: checks that everything runs, not how fast.")
    var quick = false

    @Option(parsing: .unconditional, help: "Timed runs per figure (default: each figure's own count).")
    var repetitions: Int?

    @Option(name: .customLong("figure"), help: "Measure only this figure (repeatable), e.g. seed_conv or large_render.")
    var figures: [String] = []

    @Option(name: .customLong("conv"), help: ArgumentHelp(
        "Time this convolution (repeatable), e.g. 1x224x224x64:3x3:64:rate=2 (see above).", valueName: "spec"))
    var convolutions: [String] = []

    @Flag(help: "Measure the figures on an 8192x8192 input instead (minutes, and gigabytes of memory).")
    var large = false

    mutating func run() throws {
        var settings = quick ? BenchSuite.Settings.quick : BenchSuite.Settings()
        if let repetitions { settings.repetitions = repetitions }
        let selected = try selection()
        let report = try BenchSuite.run(selected, settings: settings)
        print(json ? report.json : report.text)
        guard report.allChecksPassed else { throw ExitCode.failure }
    }

    mutating func validate() throws {
        if let repetitions, repetitions < 1 {
            throw ValidationError("--repetitions must be at least 1, got \(repetitions).")
        }
        do { _ = try selection() } catch { throw ValidationError("\(error)") }
    }

    /// The named figures (all of them when none is named and no --conv is given), then the --conv workloads.
    private func selection() throws -> [BenchFigure] {
        let custom = try convolutions.map { try CustomConvolution(parsing: $0) }
        let standard = large ? BenchSuite.large
            : !figures.isEmpty ? try BenchSuite.select(figures, from: Self.known)
            : custom.isEmpty ? BenchSuite.standard : []
        return standard + custom.map { $0.figure(repetitions: $0.defaultRepetitions) }
    }

    /// Every figure a name can pick; without names, the standard ones run.
    private static var known: [BenchFigure] { BenchSuite.standard + BenchSuite.large }
}
