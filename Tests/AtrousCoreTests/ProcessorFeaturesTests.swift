import AtrousCore
import Foundation
import Testing

/// The start-up check that turns a missing vector extension into a sentence.
struct ProcessorFeaturesTests {
    @Test func everyRequiredFeatureIsFoundInAFullFlagsLine() {
        let flags = "flags\t\t: fpu sse2 " + ProcessorFeatures.required.joined(separator: " ") + " avx"
        #expect(ProcessorFeatures.missing(fromFlags: flags) == [])
    }

    @Test func missingFeaturesAreNamed() {
        #expect(ProcessorFeatures.missing(fromFlags: "flags\t\t: fpu sse2 sse4_2") == ProcessorFeatures.required)
    }

    @Test func thisMachineHasWhatTheBuildNeeds() throws {
        // The tests run the vector loops, so a machine that runs them must pass the check.
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return }
        let flags = try #require(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") })
        #expect(ProcessorFeatures.missing(fromFlags: String(flags)) == [])
    }
}
