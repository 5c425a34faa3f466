import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("The finite range of a panel's data")
struct FiniteRangeTests {
    /// The range read value by value, the obvious way, to compare the vector scan with.
    private func plainRange(_ values: [Double]) -> FiniteRange {
        var range = FiniteRange(of: AnySequence<Double>([]))
        for value in values {
            if value.isFinite {
                range.smallest = min(range.smallest, value)
                range.largest = max(range.largest, value)
            } else {
                range.hasNonFinite = true
            }
        }
        return range
    }

    @Test("Contiguous data of every length agrees with a plain scan, infinities and NaN set aside",
          arguments: [0, 1, 7, 8, 9, 16, 23, 100, 1029])
    func agreesWithPlainScan(count: Int) {
        var generator = SplitMix64(seed: UInt64(count) + 1)
        var values = (0..<count).map { _ in Double.random(in: -50...50, using: &generator) }
        #expect(FiniteRange(of: values) == plainRange(values))
        for (index, special) in [Double.nan, .infinity, -.infinity].enumerated() where index < count {
            // In the vector part and in the tail alike.
            values[(index * 37) % count] = special
            values[count - 1 - index] = special
            #expect(FiniteRange(of: values) == plainRange(values))
            #expect(FiniteRange(of: values).hasNonFinite)
        }
    }

    @Test("Only non-finite values leave the range empty; a sequence reads like an array")
    func emptyAndSequences() {
        let special = [Double.nan, .infinity, -.infinity, .nan, .nan, .nan, .nan, .nan, .nan]
        #expect(FiniteRange(of: special).isEmpty)
        #expect(FiniteRange(of: special).hasNonFinite)
        #expect(FiniteRange(of: [Double]()).isEmpty)
        #expect(!FiniteRange(of: [Double]()).hasNonFinite)
        let values: [Double] = [3, -2, 0.5, 9, -7, 1, 1, 1, 4, .nan]
        #expect(FiniteRange(of: values.lazy.map { $0 }) == FiniteRange(of: values))
        let range = FiniteRange(of: values)
        #expect(range.smallest == -7 && range.largest == 9 && range.hasNonFinite)
    }

    @Test("A map large enough to be scanned by several workers has the range of a scan value by value",
          arguments: [0, 1, 2])
    func sharedScansAgree(case number: Int) {
        let count = FiniteRange.valuesPerWorker * 2 + 37
        var generator = SplitMix64(seed: UInt64(number))
        var floats = (0..<count).map { _ in Float(Int(generator.next() >> 40) - (1 << 23)) / Float(1 << 23) }
        // The extremes in different chunks each time, and a non-finite value in one case.
        floats[Int(generator.next() % UInt64(count))] = 5
        floats[Int(generator.next() % UInt64(count))] = -6
        if number == 1 { floats[count - 1] = .nan }
        if number == 2 { floats[count / 2] = -.infinity }
        let doubles = floats.map { Double($0) }
        let separate = plainRange(doubles)
        #expect(FiniteRange(of: floats) == separate)
        #expect(FiniteRange(of: doubles) == separate)
        #expect(separate.smallest == -6 && separate.largest == 5 && separate.hasNonFinite == (number > 0))
    }
}
