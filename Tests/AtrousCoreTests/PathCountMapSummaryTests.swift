import AtrousCore
import Testing

/// A path-count map reads its largest count and its total once, when it is made; an outer
/// product reads them from its factors. Both must be what the cells themselves give.
@Suite("Path-count map maximum and total")
struct PathCountMapSummaryTests {
    /// The total read cell by cell, nil past `UInt64`.
    private func cellTotal(_ map: PathCountMap) -> UInt64? {
        var sum: UInt64 = 0
        for count in map.counts {
            let (next, overflow) = sum.addingReportingOverflow(count)
            if overflow { return nil }
            sum = next
        }
        return sum
    }

    @Test("An outer product's maximum and total equal its cells'", arguments: [
        ([1, 2, 3], [4, 0, 5]), ([0, 0], [7, 9]), ([], [3]), ([5], [0]),
        ([1 << 40, 1 << 40], [1 << 23, 1]), ([UInt64.max, UInt64.max], [0, 0]), ([1 << 62, 1 << 62], [1, 3]),
    ] as [([UInt64], [UInt64])])
    func productAgreesWithCells(rows: [UInt64], columns: [UInt64]) throws {
        let map = try PathCountMap(rows: rows, columns: columns)
        let copy = try PathCountMap(size: map.size, counts: map.counts)
        #expect(map.maximum == (map.counts.max() ?? 0))
        #expect(copy.maximum == map.maximum)
        #expect((try? map.total()) == cellTotal(map))
        #expect((try? copy.total()) == cellTotal(map))
        #expect(map == copy)
    }
}
