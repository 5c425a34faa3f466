import AtrousCore
import Testing

/// Receptive-field numbers, regions and errors of hand-checked stacks.
@Suite("Receptive field numbers")
struct ReceptiveFieldNumbersTests {
    static func stack(_ size: Int, _ layers: String...) throws -> LayerStack {
        try LayerStack(inputSize: Pair(square: size), specs: layers.map { try LayerSpec(notation: $0) })
    }

    struct Expectation: Sendable, CustomTestStringConvertible {
        let layers: [String]
        let inputSize: Int
        let size: Int, jump: Int, padBefore: Int, padAfter: Int
        var testDescription: String { layers.joined(separator: " ") }
    }

    // Worked by hand from R = 1 + Σ(k_eff − 1)·J, J = Π s, P = Σ p·J with k_eff = r(k−1)+1.
    static let expectations: [Expectation] = [
        // One dilated layer: k_eff = 2·2+1 = 5; SAME pads 2 and 2.
        Expectation(layers: ["k=3,r=2"], inputSize: 16, size: 5, jump: 1, padBefore: 2, padAfter: 2),
        // Stride then dilation: 3 + (5−1)·2 = 11; P = 0 + 2·2 = 4 (first layer's SAME on 32 with
        // stride 2 pads 0 before, 1 after), Q = 1 + 2·2 = 5.
        Expectation(layers: ["k=3,s=2", "k=3,r=2"], inputSize: 32, size: 11, jump: 2, padBefore: 4, padAfter: 5),
        // Valid layers: no padding; 3 + 2 + 4 = 9... with jumps 1: 1 + 2 + 2 + 4 = 9.
        Expectation(layers: ["k=3,p=valid", "k=3,p=valid", "k=3,r=2,p=valid"], inputSize: 20,
                    size: 9, jump: 1, padBefore: 0, padAfter: 0),
        // Full padding pads k_eff − 1 = 6 on each side of a rate-3 kernel 3.
        Expectation(layers: ["k=3,r=3,p=full"], inputSize: 5, size: 7, jump: 1, padBefore: 6, padAfter: 6),
        // Two strided layers: J = 4; R = 1 + 2·1 + 2·2 = 7; explicit pads 1 then 1·2.
        Expectation(layers: ["k=3,s=2,p=1,1,1,1", "k=3,s=2,p=1,1,1,1"], inputSize: 16,
                    size: 7, jump: 4, padBefore: 3, padAfter: 3),
    ]

    @Test("size, jump and effective padding", arguments: expectations)
    func numbers(_ expectation: Expectation) throws {
        let stack = try LayerStack(inputSize: Pair(square: expectation.inputSize),
                                   specs: expectation.layers.map { try LayerSpec(notation: $0) })
        let field = try ReceptiveField(stack: stack)
        #expect(field.size == Pair(square: expectation.size))
        #expect(field.jump == Pair(square: expectation.jump))
        #expect(field.padBefore == Pair(square: expectation.padBefore))
        #expect(field.padAfter == Pair(square: expectation.padAfter))
        #expect(field.rows.steps.count == expectation.layers.count)
    }

    @Test("region and centre of a cell, negative where it lies in padding")
    func regionAndCentre() throws {
        let stack = try Self.stack(24, "k=3,r=2", "k=3,r=4")
        let field = try ReceptiveField(stack: stack)
        let corner = field.region(row: 0, column: 0)
        #expect(corner.rows == AxisRegion(start: -6, end: 6))
        #expect(corner.rows.centre == 0)
        #expect(corner.rows.clipped(toSize: 24) == 0...6)
        let inner = field.region(row: 10, column: 5)
        #expect(inner.rows == AxisRegion(start: 4, end: 16))
        #expect(inner.columns == AxisRegion(start: -1, end: 11))
        // An even field has its centre between two cells.
        let even = try ReceptiveField(stack: Self.stack(8, "k=2,p=valid"))
        #expect(even.region(row: 3, column: 3).rows.centre == 3.5)
    }

    @Test("per-layer output sizes")
    func outputSizes() throws {
        let stack = try Self.stack(32, "k=3,s=2", "k=3,r=2,p=valid", "k=1x3,r=1,s=1x2,p=valid")
        #expect(stack.layers.map(\.outputSize) == [Pair(16, 16), Pair(12, 12), Pair(12, 5)])
        #expect(stack.outputSize == Pair(12, 5))
        #expect(stack.centreOfOutput == Pair(6, 2))
    }

    @Test("a layer that empties the output names the layer and the numbers")
    func emptyOutput() throws {
        let error = #expect(throws: ReceptiveFieldError.self) {
            try Self.stack(8, "k=3", "k=3,r=4,p=valid")
        }
        #expect(error?.description
            == "In layer 2 of 2 (k=3,r=4,s=1,p=valid), the output height would be below 1: the input height 8 "
            + "plus padding 0+0 is smaller than the effective kernel 9 (kernel 3 at rate 4).")
    }

    @Test("positions outside the output or input are refused")
    func positionsOutOfRange() throws {
        let stack = try Self.stack(5, "k=3")
        #expect(throws: ConvolutionError.positionOutOfRange(row: 5, column: 0, outputSize: Pair(5, 5))) {
            try ReceptiveFieldAnalysis(stack: stack, position: Pair(5, 0))
        }
        #expect(throws: ReceptiveFieldError.inputPositionOutOfRange(row: 0, column: -1, inputSize: Pair(5, 5))) {
            try stack.projectiveField(row: 0, column: -1)
        }
        #expect(throws: ReceptiveFieldError.noLayers) { try LayerStack(inputSize: Pair(5, 5), specs: []) }
    }

    @Test("coverage counts the holes of the field inside the input")
    func coverage() throws {
        let gridding = try ReceptiveFieldAnalysis(stack: Self.stack(33, "k=3,r=2", "k=3,r=2", "k=3,r=2"))
        #expect(gridding.coverage.cells == 13 * 13)
        #expect(gridding.coverage.reached == 7 * 7)
        #expect(gridding.coverage.holes == 13 * 13 - 7 * 7)
        // At the corner only the part inside the input counts: rows and columns 0...6.
        let corner = try ReceptiveFieldAnalysis(stack: Self.stack(24, "k=3,r=2", "k=3,r=4"), position: Pair(0, 0))
        #expect(corner.coverage.bounds == CellBounds(rows: 0...6, columns: 0...6))
        #expect(corner.coverage.holes == 49 - 16)
    }

    @Test("the projective field of an input cell reaches the outputs whose field holds it")
    func projectiveField() throws {
        let stack = try Self.stack(20, "k=3,r=2", "k=3,r=3")
        let projective = try stack.projectiveField(row: 10, column: 4)
        for y in 0..<stack.outputSize.height {
            for x in 0..<stack.outputSize.width {
                #expect(projective[y, x] == (try stack.pathCounts(row: y, column: x))[10, 4])
            }
        }
        // Paths move by sums of {−2, 0, 2} and {−3, 0, 3}: ±5 at most, and never by 4, so output
        // column 0 (offset −4) is a hole inside the reach 0...9.
        #expect(projective.nonzeroBounds == CellBounds(rows: 5...15, columns: 1...9))
        #expect(projective[10, 0] == 0 && projective[10, 8] == 0 && projective[10, 9] == 1)
    }

    @Test("a count beyond 64 bits is an error, and beyond 2^53 cannot be written as float64")
    func overflow() throws {
        let deep = try LayerStack(inputSize: Pair(1, 200), specs: Array(repeating: LayerSpec(kernelSize: Pair(1, 3), padding: .same), count: 60))
        #expect(throws: ReceptiveFieldError.pathCountOverflow(axis: .width)) {
            try deep.pathCounts(row: 0, column: 100)
        }
        let large = try PathCountMap(rows: [1 << 27], columns: [(1 << 26) + 1])
        #expect(throws: ReceptiveFieldError.pathCountNotExact(maximum: (1 << 53) + (1 << 27))) {
            try large.exactDoubles()
        }
        #expect(throws: ReceptiveFieldError.pathCountOverflow(axis: nil)) {
            try PathCountMap(rows: [1 << 40], columns: [1 << 30])
        }
    }

    @Test("sixteen layers on a 1024x1024 input")
    func sixteenLayersOnMegapixel() throws {
        let rates = (0..<16).map { [1, 2, 5][$0 % 3] }
        let specs = rates.map { LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: $0), padding: .same) }
        let analysis = try ReceptiveFieldAnalysis(stack: LayerStack(inputSize: Pair(square: 1024), specs: specs))
        #expect(analysis.field.size == Pair(square: 1 + 2 * rates.reduce(0, +)))
        #expect(try analysis.pathCounts.total() == (0..<16).reduce(UInt64(1)) { acc, _ in acc * 9 })
        #expect(analysis.coverage.holes == 0)
    }
}
