import AtrousCore
import Testing

/// The path-count maps against the JAX gradients of the reference cases.
@Suite("Receptive field conformance")
struct ReceptiveFieldConformanceTests {
    @Test("path counts equal the reference gradient exactly", arguments: try RFCase.all())
    func pathCountsMatchReference(_ testCase: RFCase) throws {
        let stack = try testCase.stack()
        #expect([stack.outputSize.height, stack.outputSize.width] == testCase.outputSize)
        let map = try stack.pathCounts(row: testCase.at[0], column: testCase.at[1])
        let expected = try testCase.expectedCounts()
        #expect(expected.shape == testCase.inputSize)
        #expect(try map.exactDoubles() == expected.values)
    }

    @Test("the reference maps are the outer product of their per-axis counts", arguments: try RFCase.all())
    func referenceIsSeparable(_ testCase: RFCase) throws {
        let stack = try testCase.stack()
        let rows = try stack.pathCounts(along: .height, toOutput: testCase.at[0])
        let columns = try stack.pathCounts(along: .width, toOutput: testCase.at[1])
        let expected = try testCase.expectedCounts().values
        let width = testCase.inputSize[1]
        for (index, value) in expected.enumerated() {
            #expect(Double(rows[index / width] * columns[index % width]) == value)
        }
    }

    @Test("bounding box, reached cells and total match the case", arguments: try RFCase.all())
    func summaryMatchesReference(_ testCase: RFCase) throws {
        let analysis = try ReceptiveFieldAnalysis(stack: testCase.stack(), position: Pair(testCase.at[0], testCase.at[1]))
        let bounds = try #require(analysis.pathCounts.nonzeroBounds)
        #expect([bounds.rows.lowerBound, bounds.rows.upperBound, bounds.columns.lowerBound, bounds.columns.upperBound]
            == testCase.nonzeroBbox)
        #expect(analysis.pathCounts.nonzeroCount == testCase.nonzeroCells)
        #expect(Double(try analysis.pathCounts.total()) == testCase.totalPaths)
        // Every reached cell lies inside the region the formula gives.
        let region = try #require(CellBounds(clipping: analysis.region, toSize: analysis.stack.inputSize))
        #expect(region.rows.contains(bounds.rows.lowerBound) && region.rows.contains(bounds.rows.upperBound))
        #expect(region.columns.contains(bounds.columns.lowerBound) && region.columns.contains(bounds.columns.upperBound))
    }

    @Test("the rule agrees with the holes for the gridding and HDC cases")
    func ruleAgreesWithHoles() throws {
        let cases = Dictionary(uniqueKeysWithValues: try RFCase.all().map { ($0.name, $0) })
        let gridding = try ReceptiveFieldAnalysis(stack: try #require(cases["gridding_2_2_2"]).stack())
        #expect(gridding.ruleGrids)
        #expect(gridding.coverage.holes == 169 - 49)
        let hdc = try ReceptiveFieldAnalysis(stack: try #require(cases["hdc_1_2_5"]).stack())
        #expect(!hdc.ruleGrids)
        #expect(hdc.coverage.holes == 0)
    }
}
