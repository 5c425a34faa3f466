import AtrousCore
import AtrousIO
import AtrousTestSupport
import Testing

/// The path-count maps against the JAX gradients of the reference cases.
@Suite("Receptive field conformance")
struct ReceptiveFieldConformanceTests {
    @Test("path counts equal the reference gradient exactly", arguments: try ReceptiveFieldCase.all())
    func pathCountsMatchReference(_ testCase: ReceptiveFieldCase) throws {
        let stack = try testCase.stack()
        #expect([stack.outputSize.height, stack.outputSize.width] == testCase.outputSize)
        let map = try stack.pathCounts(row: testCase.at[0], column: testCase.at[1])
        let expected = try testCase.expectedCounts()
        #expect(expected.shape == testCase.inputSize)
        #expect(try map.exactDoubles() == expected.values)
    }

    @Test("the reference maps are the outer product of their per-axis counts", arguments: try ReceptiveFieldCase.all())
    func referenceIsSeparable(_ testCase: ReceptiveFieldCase) throws {
        let stack = try testCase.stack()
        let rows = try stack.pathCounts(along: .height, toOutput: testCase.at[0])
        let columns = try stack.pathCounts(along: .width, toOutput: testCase.at[1])
        let expected = try testCase.expectedCounts().values
        let width = testCase.inputSize[1]
        for (index, value) in expected.enumerated() {
            #expect(Double(rows[index / width] * columns[index % width]) == value)
        }
    }

    @Test("bounding box, reached cells and total match the case", arguments: try ReceptiveFieldCase.all())
    func summaryMatchesReference(_ testCase: ReceptiveFieldCase) throws {
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
        let cases = Dictionary(uniqueKeysWithValues: try ReceptiveFieldCase.all().map { ($0.name, $0) })
        let gridding = try ReceptiveFieldAnalysis(stack: try #require(cases["gridding_2_2_2"]).stack())
        #expect(gridding.ruleGrids)
        #expect(gridding.coverage.holes == 169 - 49)
        let hdc = try ReceptiveFieldAnalysis(stack: try #require(cases["hdc_1_2_5"]).stack())
        #expect(!hdc.ruleGrids)
        #expect(hdc.coverage.holes == 0)
    }
}

extension ReceptiveFieldCase {
    /// The layer stack the case describes.
    func stack() throws -> LayerStack {
        let specs = try layers.map { layer -> LayerSpec in
            LayerSpec(kernelSize: Pair(layer.k[0], layer.k[1]), rate: Pair(layer.r[0], layer.r[1]),
                      stride: Pair(layer.s[0], layer.s[1]), padding: try #require(Padding(parsing: layer.p)))
        }
        return try LayerStack(inputSize: Pair(inputSize[0], inputSize[1]), specs: specs)
    }

    /// The reference path counts, read with AtrousIO.
    func expectedCounts() throws -> (shape: [Int], values: [Double]) {
        let tensor = try ArrayFile.read(path: countsPath).converted(to: Double.self)
        return (tensor.shape, tensor.scalars)
    }
}
