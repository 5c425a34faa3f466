import AtrousTestSupport
import CProcessorCheck
import Foundation
import Testing

/// The start-up check that ends with a sentence on a processor older than the core's build.
@Suite("the processor check")
struct ProcessorCheckTests {
    /// CPUID and XCR0 words with every x86-64-v3 feature, as a Haswell with AVX enabled reports them.
    static let haswell = atrous_cpu_words(
        leaf1_ecx: 1 << 0 | 1 << 9 | 1 << 12 | 1 << 13 | 1 << 19 | 1 << 20 | 1 << 22 | 1 << 23 | 1 << 27 | 1 << 28
            | 1 << 29,
        leaf7_ebx: 1 << 3 | 1 << 5 | 1 << 8, extended1_ecx: 1 << 0 | 1 << 5, xcr0: 0b111)

    static func missing(_ words: atrous_cpu_words) -> [String] {
        var names = [UnsafePointer<CChar>?](repeating: nil, count: 32)
        let count = atrous_missing_x86_64_v3(words, &names, names.count)
        return names.prefix(count).map { String(cString: $0!) }
    }

    @Test("a processor with the whole x86-64-v3 set lacks nothing")
    func complete() {
        #expect(Self.missing(Self.haswell) == [])
    }

    @Test("each missing feature is named: a Sandy Bridge has AVX but not AVX2, FMA and the bit instructions")
    func sandyBridge() {
        var words = Self.haswell
        words.leaf1_ecx &= ~(1 << 12 | 1 << 22 | 1 << 29)
        words.leaf7_ebx = 0
        words.extended1_ecx = 1
        #expect(Self.missing(words) == ["AVX2", "BMI1", "BMI2", "F16C", "FMA", "LZCNT", "MOVBE"])
    }

    @Test("AVX listed by CPUID but not enabled by the system counts as missing")
    func avxStateNotSaved() {
        var words = Self.haswell
        words.xcr0 = 0b011
        #expect(Self.missing(words) == ["AVX state saved by the system"])
    }

    @Test("without XSAVE, XCR0 is not read and XSAVE alone is named for it")
    func noXsave() {
        var words = Self.haswell
        words.leaf1_ecx &= ~(1 << 27)
        words.xcr0 = 0
        #expect(Self.missing(words) == ["XSAVE"])
    }

    @Test("this machine, which runs the vector loops in the other tests, passes")
    func thisMachine() {
        #expect(atrous_core_requires_x86_64_v3() == 0 || Self.missing(atrous_read_cpu_words()) == [])
    }

    /// `qemu-x86_64` on the search path, which emulates older processors.
    static let qemu: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/qemu-x86_64" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("on an emulated processor without AVX the binary prints one sentence instead of trapping",
          .enabled(if: qemu != nil && atrous_core_requires_x86_64_v3() != 0))
    func emulatedNehalem() throws {
        let result = try ProcessRunner.run(Self.qemu!, ["-cpu", "Nehalem", try AtrousBinary.path(),
                                                        "shape", "--input-size", "8"])
        #expect(result.status == 1)
        #expect(Sentence.isSingle(result.standardError), "stderr: \(result.standardError)")
        #expect(result.standardError.contains("lacks AVX, AVX2, BMI1, BMI2, F16C, FMA, LZCNT, MOVBE, XSAVE;"))
    }
}
