import AtrousCore
import AtrousTestSupport
import Foundation
import Testing
@testable import AtrousBench

@Suite("Custom convolution workloads (bench --conv)")
struct CustomConvolutionTests {
    @Test("every field is read, and the ones left out take their defaults")
    func fields() throws {
        let full = try CustomConvolution(parsing: "2x64x48x32:3x5:16:rate=2x3:stride=2:padding=1,2,0,3:algorithm=winograd:threads=1:float64")
        #expect(full.workload == ConvolutionWorkload(batch: 2, height: 64, width: 48, inputChannels: 32,
                                                     outputChannels: 16, kernel: Pair(3, 5), rate: Pair(2, 3),
                                                     stride: Pair(square: 2),
                                                     padding: .explicit(top: 1, bottom: 2, left: 0, right: 3),
                                                     algorithm: .winograd, workers: 1))
        #expect(full.isDouble)
        let plain = try CustomConvolution(parsing: "100x100x32:3:64")
        #expect(plain.workload == ConvolutionWorkload(height: 100, width: 100, inputChannels: 32, outputChannels: 64,
                                                      kernel: Pair(square: 3), rate: Pair(square: 1)))
        #expect(!plain.isDouble)
        #expect(plain.workload.algorithm == .direct && plain.workload.padding == .same)
    }

    @Test("a workload that cannot be timed is one sentence naming it and what is wrong", arguments: [
        ("8x8:3:4", "the input '8x8' must be NxHxWxC or HxWxC"),
        ("1x8x8x2:3", "it needs at least the input, the kernel and the output channels"),
        ("1x8x8x2:0:4", "the kernel '0' must be K or KHxKW"),
        ("1x8x8x2:3:4:rate=-2", "the rate '-2' must be R or RxC, each at least 1"),
        ("1x8x8x2:3:4:padding=-1,0,0,0", "explicit padding must not be negative"),
        ("1x4x4x2:5:4:padding=valid", "the output height would be below 1"),
        ("1x8x8x2:3:4:speed=9", "'speed=9' is not one of rate=, stride=, padding=, algorithm=, threads=, float32 or float64"),
        ("1x100000x100000x512:3:512", "more than 2^42 multiply-adds"),
    ])
    func refused(spec: String, reason: String) {
        do {
            _ = try CustomConvolution(parsing: spec)
            Issue.record("\(spec) was accepted")
        } catch {
            let text = "\(error)"
            #expect(text.hasPrefix("The workload '\(spec)' cannot be timed: "), "\(text)")
            #expect(text.contains(reason), "\(text)")
            #expect(text.hasSuffix("[:float64]."))
        }
    }

    @Test("the report lists --conv workloads under conv with their spec, and checks them")
    func report() throws {
        let custom = try ["1x9x7x3:3:5:rate=2", "2x6x6x4:2x3:3:stride=2:padding=valid:float64"]
            .map { try CustomConvolution(parsing: $0) }
        let report = try BenchSuite.run(custom.map { $0.figure(repetitions: 3) }, settings: .quick)
        #expect(report.allChecksPassed)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        let list = try #require(object["conv"] as? [[String: Any]])
        #expect(list.map { $0["spec"] as? String } == custom.map(\.spec))
        #expect(list.allSatisfy { ($0["median_ms"] as? Double).map { $0 >= 0 } ?? ($0["median_ms"] is Int) })
        #expect(list.allSatisfy { $0["ok"] as? Bool == true && $0["runs"] as? Int == 3 })
        #expect(object.keys.allSatisfy { !$0.hasPrefix("conv_") })
        #expect(report.text.contains("1x9x7x3:3:5:rate=2 (1x9x7x3 -> 5, kernel 3, rate 2, padding same, float32)"))
        #expect(report.text.contains("2x6x6x4 -> 3, kernel 2x3, rate 1, stride 2, padding valid, float64"))
    }

    @Test("atrous bench --conv alone times only that workload; a bad one ends with one sentence")
    func throughTheBinary() throws {
        let result = try AtrousBinary.run(["bench", "--json", "--repetitions", "2", "--conv", "1x8x8x2:3:4:rate=2"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        #expect((object["conv"] as? [[String: Any]])?.first?["spec"] as? String == "1x8x8x2:3:4:rate=2")
        #expect(object["seed_conv_median_ms"] == nil)
        let bad = try AtrousBinary.run(["bench", "--conv", "1x8x8x2:3:4:rate=0"])
        #expect(bad.status != 0)
        #expect(bad.standardError.hasPrefix("Error: The workload '1x8x8x2:3:4:rate=0' cannot be timed: "))
        #expect(!bad.standardError.dropLast().contains("\n"))
    }
}
