import AtrousCore
import AtrousModels
import AtrousTestSupport
import Foundation
import Testing
@testable import AtrousBench

@Suite("Benchmark timing, figures and report")
struct BenchTests {
    @Test("Median and p99 follow the nearest-rank rule")
    func percentiles() {
        let timing = Timing(samples: (1...200).reversed().map { Double($0) })
        #expect(timing.median == 100)
        #expect(timing.p99 == 198)
        #expect(timing.percentile(100) == 200)
        #expect(Timing(samples: [3, 1, 2]).median == 2)
        #expect(Timing(samples: []).median == 0)
    }

    @Test("Measuring runs the work for the warm-up and every timed repetition")
    func measureCountsRuns() {
        var runs = 0
        let timing = Timing.measure(warmUp: 2, repetitions: 5) { runs += 1 }
        #expect(runs == 7)
        #expect(timing.samples.count == 5)
        #expect(timing.samples.allSatisfy { $0 >= 0 })
    }

    @Test("The standard figures include the seed, its rates, a 5x5 kernel, one and two threads, the explorer")
    func standardFigures() {
        let names = BenchSuite.standard.map(\.name)
        for name in ["seed_conv", "seed_conv_1_thread", "seed_conv_2_threads", "rate1_conv", "rate4_conv",
                     "rate8_conv", "kernel5_conv", "seed_conv_winograd", "explorer_conv"] {
            #expect(names.contains(name))
        }
        let seed = BenchSuite.standard.first { $0.name == "seed_conv" }
        // 100·100 outputs · 64 channels · 3·3·32 multiply-adds · 2.
        let flops: Double = 2 * 100 * 100 * 64 * 9 * 32
        #expect(seed?.flops == flops)
    }

    @Test("An unknown figure is refused with a sentence naming it and the known ones")
    func unknownFigure() {
        #expect(throws: BenchError.self) { try BenchSuite.select(["seed_cov"]) }
        let error = BenchError.unknownFigure(name: "seed_cov", known: ["seed_conv", "rate1_conv"])
        #expect(error.description == "There is no benchmark figure named 'seed_cov'; the figures are seed_conv, rate1_conv.")
        #expect(throws: BenchError.nonPositiveRepetitions(0)) {
            try BenchSuite.run([], settings: BenchSuite.Settings(warmUp: 0, repetitions: 0))
        }
        #expect(BenchError.spawnFailed(executable: "/x/atrous", reason: "No such file or directory").description
            == "Cannot start /x/atrous: No such file or directory.")
    }

    @Test("A quick run measures and checks real convolutions, and the JSON carries every key")
    func quickRun() throws {
        let small = ConvolutionWorkload(height: 12, width: 10, inputChannels: 5, outputChannels: 9,
                                        kernel: Pair(square: 3), rate: Pair(square: 2))
        let figures = try BenchSuite.select(["explorer_conv"]) + [
            small.figure(name: "small_conv", type: Float.self, repetitions: 50),
            small.with(kernel: Pair(square: 5), workers: 1).figure(name: "small_5x5_conv", type: Double.self,
                                                                   repetitions: 50),
        ]
        var reported: [String] = []
        let report = try BenchSuite.run(figures, settings: .quick) { reported.append($0.name) }
        #expect(reported == ["explorer_conv", "small_conv", "small_5x5_conv"])
        #expect(report.allChecksPassed)
        #expect(report.figures.allSatisfy { $0.timing.samples.count == BenchSuite.Settings.quick.repetitions })

        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(object["cores"] as? Int == report.machine.cores)
        #expect((object["os"] as? String)?.isEmpty == false)
        #expect(object["all_checks_passed"] as? Bool == true)
        for name in reported {
            #expect(object["\(name)_median_ms"] is Double || object["\(name)_median_ms"] is Int)
            #expect(object["\(name)_p99_ms"] != nil)
            #expect(object["\(name)_gflops"] != nil)
            #expect(object["\(name)_ok"] as? Bool == true)
        }
        #expect(report.text.contains("explorer_conv"))
    }

    @Test("A result that does not match its taps fails its figure, so broken work cannot look fast")
    func failedCheck() throws {
        let input = Tensor<Float>(shape: [1, 6, 6, 2]) { Float($0[1] - $0[2] + $0[3]) }
        let layer = try Convolution(kernel: Tensor<Float>(shape: [3, 3, 2, 3], repeating: 0.5), rate: Pair(square: 2),
                                    padding: .same)
        var output = try layer(input)
        var generator = SplitMix64(seed: 1)
        #expect(ConvolutionWorkload.checkSampledCells(of: output, layer: layer, input: input, using: &generator) == nil)
        output.scalars = output.scalars.map { $0 + 1 }
        let failure = ConvolutionWorkload.checkSampledCells(of: output, layer: layer, input: input, using: &generator)
        #expect(failure?.hasPrefix("output cell (") == true)

        let broken = BenchFigure(name: "broken", summary: "a result one off", flops: nil, repetitions: 1) {
            PreparedWork(run: {}, check: { failure })
        }
        let report = try BenchSuite.run([broken], settings: .quick)
        #expect(!report.allChecksPassed)
        #expect(report.json.contains("\"broken_ok\": false"))
        #expect(report.text.contains("broken FAILED its check: output cell ("))
    }

    @Test("Numbers print with fixed decimals and times in milliseconds or microseconds",
          arguments: [(1.23456, 3, "1.235"), (0.5, 1, "0.5"), (12, 0, "12"), (-0.04, 1, "0.0"), (-1.25, 1, "-1.3"), (2.0, 2, "2.00")])
    func decimals(value: Double, places: Int, text: String) {
        #expect(decimal(value, places: places) == text)
    }

    @Test("Durations print in microseconds below a millisecond, else in milliseconds")
    func durations() {
        #expect(duration(0.0000215) == "21.5 us")
        #expect(duration(0.0031) == "3.100 ms")
    }
}

@Suite("The model figures' networks")
struct ModelFigureNetworkTests {
    @Test("ResNet-50 made for the benchmark sees 427 cells at jump 32, as the recurrence gives by hand")
    func resNet50() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write([UInt8](SyntheticNetwork.resNet50(withWeights: false).serializedData()), to: "r.onnx")
        let graph = try ModelFile.read(path: directory.path("r.onnx"))
        let analysis = try ModelFieldAnalysis(model: ResolvedModel(graph: graph, inputSize: graph.declaredInputSize!))
        #expect(analysis.outputSize == Pair(7, 7))
        #expect(analysis.field.rows.size == Fraction(427))
        #expect(analysis.field.rows.jump == Fraction(32))
        #expect(BenchSuite.standard.map(\.name).suffix(3) == ["resnet50_onnx_rf", "deeplabv3_counts_513",
                                                              "deeplabv3_explore_key"])
    }
}
