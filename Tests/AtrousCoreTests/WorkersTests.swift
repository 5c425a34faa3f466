import Dispatch
import Testing
@testable import AtrousCore

/// Memory that chunks of work fill concurrently, each chunk its own slots.
private struct Slots: @unchecked Sendable {
    let counts: UnsafeMutableBufferPointer<Int>

    init(count: Int) {
        counts = .allocate(capacity: count)
        counts.initialize(repeating: 0)
    }

    func add(_ range: Range<Int>) {
        for index in range { counts[index] += 1 }
    }
}

@Suite("Work split between threads")
struct WorkersTests {
    @Test("Every item is in exactly one chunk", arguments: [0, 1, 5, 16, 17, 1000], [1, 2, 3, 64])
    func coverage(count: Int, workers: Int) {
        let slots = Slots(count: count)
        defer { slots.counts.deallocate() }
        Workers.forEachChunk(of: count, workers: workers) { slots.add($0) }
        #expect(slots.counts.allSatisfy { $0 == 1 })
    }

    @Test("Calls from several threads at once, and from inside a chunk, each cover their items")
    func concurrentCalls() {
        let callers = 4, count = 5000, rounds = 50
        let slots = (0..<callers).map { _ in Slots(count: count) }
        defer { slots.forEach { $0.counts.deallocate() } }
        DispatchQueue.concurrentPerform(iterations: callers) { caller in
            for _ in 0..<rounds {
                Workers.forEachChunk(of: count / 2, workers: 2) { half in
                    // A nested call runs on its caller's thread; it must still cover its part.
                    Workers.forEachChunk(of: half.count, workers: 2) { part in
                        slots[caller].add((half.lowerBound + part.lowerBound)..<(half.lowerBound + part.upperBound))
                    }
                }
                Workers.forEachChunk(of: count - count / 2, workers: 2) { slots[caller].add((count / 2 + $0.lowerBound)..<(count / 2 + $0.upperBound)) }
            }
        }
        for slot in slots { #expect(slot.counts.allSatisfy { $0 == rounds }) }
    }

    @Test("The active processor count is at least one")
    func active() {
        #expect(Workers.active >= 1)
    }
}
