import AtrousIO

/// What one benchmark run measured: the machine and each figure's numbers.
public struct BenchReport: Sendable, Hashable {
    public let machine: MachineInfo
    public let figures: [FigureResult]

    public init(machine: MachineInfo, figures: [FigureResult]) {
        self.machine = machine
        self.figures = figures
    }

    /// Whether every figure's result checked out.
    public var allChecksPassed: Bool { figures.allSatisfy { $0.failure == nil } }

    /// The figure named `name`, if it was measured.
    public subscript(name: String) -> FigureResult? { figures.first { $0.name == name } }

    /// The single-thread median over the two-thread median of the seed workload, when both ran.
    public var twoThreadSpeedup: Double? {
        guard let one = self["seed_conv_1_thread"], let two = self["seed_conv_2_threads"],
              two.timing.median > 0 else { return nil }
        return one.timing.median / two.timing.median
    }

    // MARK: - JSON

    /// The report as one JSON object: machine info (`cores`, `os`, `cpu`, `arch`), then per
    /// standard figure `NAME_median_ms`, `NAME_p99_ms`, `NAME_gflops` (convolutions), `NAME_runs`,
    /// `NAME_ok` and its readings under their own keys (e.g. `default_session_max_rss_mb`),
    /// then the `--conv` workloads, if any, as a list under `conv` of objects with `spec`,
    /// `summary`, `median_ms`, `p99_ms`, `gflops`, `runs` and `ok`, then `two_thread_speedup`
    /// and `all_checks_passed`; written by AtrousIO's ``JSONWriter``, one member per line.
    public var json: String {
        var fields: [(key: String, value: JSONValue)] = [
            ("cores", .number(machine.cores)), ("os", .string(machine.os)),
            ("cpu", .string(machine.cpu)), ("arch", .string(machine.architecture)),
        ]
        for figure in figures where figure.spec == nil {
            fields += measurements(figure).map { ("\(figure.name)_\($0.key)", $0.value) }
            fields += figure.readings.map { ($0.key, rounded($0.value)) }
        }
        let custom = figures.compactMap { figure in
            figure.spec.map { JSONValue.object([("spec", .string($0)), ("summary", .string(figure.summary))]
                + measurements(figure)) }
        }
        if !custom.isEmpty { fields.append(("conv", .array(custom))) }
        if let speedup = twoThreadSpeedup { fields.append(("two_thread_speedup", rounded(speedup))) }
        fields.append(("all_checks_passed", .bool(allChecksPassed)))
        return String(JSONWriter().text(.object(fields)).dropLast())
    }

    /// A figure's times, FLOP rate, run count and check, under their key suffixes.
    private func measurements(_ figure: FigureResult) -> [(key: String, value: JSONValue)] {
        var fields: [(key: String, value: JSONValue)] = [("median_ms", rounded(figure.timing.median * 1e3)),
                                                         ("p99_ms", rounded(figure.timing.p99 * 1e3))]
        if let rate = figure.gigaflopsPerSecond { fields.append(("gflops", rounded(rate))) }
        fields.append(("runs", .number(figure.timing.samples.count)))
        fields.append(("ok", .bool(figure.failure == nil)))
        return fields
    }

    /// Six decimals are plenty for times on a noisy machine and keep the JSON short; a value
    /// that is not finite (JSON has no infinity) is null.
    private func rounded(_ value: Double) -> JSONValue {
        value.isFinite ? .number((value * 1e6).rounded() / 1e6) : .null
    }

    // MARK: - Text

    /// The report as a table for people: one line per figure, then the readings and the thread speed-up.
    public var text: String {
        var lines = ["atrous bench on \(machine.cores) cores, \(machine.os), \(machine.cpu)",
                     Self.row(["figure", "median", "p99", "GFLOP/s", "check", "workload"])]
        for figure in figures {
            lines.append(Self.row(figure))
        }
        for reading in figures.flatMap(\.readings) {
            lines.append("\(reading.key) = \(decimal(reading.value, places: 1)): \(reading.summary)")
        }
        if let speedup = twoThreadSpeedup {
            lines.append("two threads are \(decimal(speedup, places: 2))x as fast as one on the seed workload")
        }
        for figure in figures {
            if let failure = figure.failure { lines.append("\(figure.name) FAILED its check: \(failure)") }
        }
        return lines.joined(separator: "\n")
    }

    /// One table line for a figure.
    static func row(_ figure: FigureResult) -> String {
        row([figure.name, duration(figure.timing.median), duration(figure.timing.p99),
             figure.gigaflopsPerSecond.map { decimal($0, places: 1) } ?? "-",
             figure.failure == nil ? "ok" : "FAILED", figure.spec.map { "\($0) (\(figure.summary))" } ?? figure.summary])
    }

    private static func row(_ cells: [String]) -> String {
        let widths = [20, 10, 10, 8, 7]
        return cells.enumerated().map { index, cell in
            index < widths.count ? cell.padding(to: widths[index]) : cell
        }.joined(separator: " ")
    }
}

/// A time for people: microseconds below a millisecond, else milliseconds.
func duration(_ seconds: Double) -> String {
    seconds < 1e-3 ? decimal(seconds * 1e6, places: 1) + " us" : decimal(seconds * 1e3, places: 3) + " ms"
}

/// `value` with exactly `places` decimals, without Foundation's formatting.
func decimal(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((abs(value) * scale).rounded())
    let whole = scaled / Int(scale), fraction = scaled % Int(scale)
    let sign = value < 0 && scaled != 0 ? "-" : ""
    guard places > 0 else { return sign + String(whole) }
    let digits = String(fraction)
    return sign + String(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
}

extension String {
    /// The string padded with spaces on the right to at least `width` characters.
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
