import Foundation
import Testing
@testable import AtrousCore

@Suite("The processors this process may use")
struct UsableProcessorsTests {
    @Test("an affinity mask as /proc writes it counts its set bits", arguments: [
        ("3", 2), ("1", 1), ("ff", 8), ("ff,0000000f", 12), ("00000000,00000001", 1), ("\t80", 1),
    ])
    func affinityMask(text: String, count: Int) {
        #expect(UsableProcessors.processors(cpusAllowed: text) == count)
    }

    @Test("a mask that is empty or not hexadecimal says nothing", arguments: ["", "0", "00,00", "zz"])
    func unreadableMask(text: String) {
        #expect(UsableProcessors.processors(cpusAllowed: text) == nil)
    }

    @Test("a CPU quota counts whole processors, rounded up; no quota says nothing", arguments: [
        ("200000 100000", 2), ("150000 100000", 2), ("50000 100000", 1), ("100000 100000", 1),
    ])
    func quota(text: String, count: Int) {
        #expect(UsableProcessors.processors(cpuMax: text) == count)
    }

    @Test("no quota, or one written otherwise, limits nothing", arguments: ["max 100000", "", "1 2 3", "-1 100000"])
    func noQuota(text: String) {
        #expect(UsableProcessors.processors(cpuMax: text) == nil)
    }

    @Test("cgroup v1's quota of -1 is none")
    func version1() {
        #expect(UsableProcessors.processors(quota: -1, period: 100_000) == nil)
        #expect(UsableProcessors.processors(quota: 250_000, period: 100_000) == 3)
    }

    #if os(Linux)
    @Test("the count is the fewest of the online processors, the affinity mask and the quota")
    func countIsTheSmallest() throws {
        let online = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let limits = [online, UsableProcessors.affinityCount(), UsableProcessors.cgroupQuota()].compactMap { $0 }
        #expect(UsableProcessors.count() == max(1, limits.min()!))
        #expect(Workers.active == UsableProcessors.count())
        let affinity = try #require(UsableProcessors.affinityCount())
        #expect((1...online).contains(affinity))
    }
    #endif
}
