import AtrousIO
import Foundation
import Testing

/// How a fuzz campaign runs: how many cases per family, from which seed, within what time.
///
/// `swift test` runs a small count every time (a few seconds); `ATROUS_FUZZ_COUNT=10000`
/// runs the full campaign, `ATROUS_FUZZ_SEED` changes the seed.
enum FuzzCampaign {
    static let count = ProcessInfo.processInfo.environment["ATROUS_FUZZ_COUNT"].flatMap(Int.init) ?? 60
    static let seed = ProcessInfo.processInfo.environment["ATROUS_FUZZ_SEED"].flatMap(UInt64.init) ?? 12

    /// The longest any one case may take: an answer within a second, whatever the file holds.
    static let timeLimit = Duration.seconds(1)

    /// Runs `body` for cases 0 to `count - 1`, each with its own ``Mutator``, recording an
    /// issue for a slow case (a crash ends the whole run, which is its own report).
    static func run(_ family: String, count: Int = count, _ body: (inout Mutator, Int) throws -> Void) rethrows {
        let clock = ContinuousClock()
        var slowest = Duration.zero
        for number in 0..<count {
            var mutator = Mutator(seed: seed, case: number)
            let started = clock.now
            try body(&mutator, number)
            let took = started.duration(to: clock.now)
            slowest = max(slowest, took)
            if took > timeLimit {
                Issue.record("\(family) case \(number) (seed \(seed)) took \(took), more than \(timeLimit)")
            }
        }
        print("fuzz \(family): \(count) cases from seed \(seed), slowest \(slowest)")
    }

    /// Checks that a message is clear: one line of plain text, nothing that steers a terminal,
    /// and for an error one sentence ending in a full stop.
    static func checkMessage(_ text: String, _ family: String, _ number: Int, sentence: Bool = true) {
        let clear = !text.isEmpty && (!sentence || text.hasSuffix(".")) && !text.contains("\n")
            && MessageText.escaped(text) == text && !text.contains("Fatal")
        #expect(clear, "\(family) case \(number) (seed \(seed)): unclear message \(text.debugDescription)")
    }
}
