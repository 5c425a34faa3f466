import AtrousCore
import Testing
@testable import AtrousRender

struct PathTreeViewTests {
    /// The view of a one-row stack at `cell`, with its stages from AtrousCore.
    func tree(_ width: Int, _ layers: [String], at cell: Int, palette: Palette = .monochrome) throws -> PathTreeView {
        let analysis = try StackFixtures.analysis(Pair(1, width), layers, at: Pair(0, cell))
        let stages = try analysis.stack.pathCountsByLayer(along: .width, toOutput: cell)
        return PathTreeView(analysis: analysis, stages: stages, palette: palette)
    }

    static let wavenetInMiniature = ["k=1x2,r=1x1,p=causal", "k=1x2,r=1x2,p=causal", "k=1x2,r=1x4,p=causal"]

    @Test func aCausalStackIsWaveNetsPicture() throws {
        // Output 15 reads 11 and 15 at rate 4, they read two cells each at rate 2, and those
        // two each at rate 1: every one of the last eight samples exactly once.
        let view = try tree(16, Self.wavenetInMiniature, at: 15)
        expectPicture(CellBuffer.rendering(view, size: Size(width: 35, height: 7)), """
        Paths into step 15, layer by layer
         3         ●
         2     ●···●
         1   ●·●·●·●
        in  ████████
            8─────15

        """)
    }

    @Test func theChosenCellAndThePathsHaveTheirStyles() throws {
        let palette = Palette.color
        let buffer = CellBuffer.rendering(try tree(16, Self.wavenetInMiniature, at: 15, palette: palette),
                                          size: Size(width: 35, height: 7))
        #expect(buffer[11, 1] == Cell("●", style: palette.current))
        #expect(buffer[7, 2] == Cell("●", style: palette.footprintTap))
        #expect(buffer[8, 2] == Cell("·", style: palette.hole))
        #expect(buffer[4, 4]?.style.background == palette.heat.background(for: 1, scale: .sequential(limit: 1)))
    }

    @Test func stridedLayersSitUnderTheMiddleOfTheirField() throws {
        // Valid padding: output j of layer 1 sits under step j+1, of layer 2 (stride 2) under
        // 2j+2, and the same-padded top layer (jump 2) under the middle of its 13 steps.
        let view = try tree(20, ["k=1x3,p=valid", "k=1x3,s=1x2,p=valid", "k=1x3,r=1x2,p=same"], at: 3)
        expectPicture(CellBuffer.rendering(view, size: Size(width: 35, height: 7)), """
        Paths into step 3, layer by layer
         3        ●
         2    ● · ● · ●
         1   ●●●·●●●·●●●
        in  ▒▓█▓▓▓█▓▓▓█▓▒
            2─ steps ──14

        """)
    }

    @Test func griddingInOneDimensionLeavesHolesOnTheInputRow() throws {
        let view = try tree(40, ["k=1x3,r=1x2", "k=1x3,r=1x2", "k=1x3,r=1x2"], at: 20)
        let buffer = CellBuffer.rendering(view, size: Size(width: 40, height: 7))
        let input = buffer.lines[4]
        #expect(input.hasPrefix("in "))
        #expect(input.filter { $0 == "·" }.count == view.analysis.coverage.holes)
        #expect(view.analysis.coverage.holes == 6)
    }

    @Test func aFieldWiderThanTheAreaIsBinnedFromItsLastStep() throws {
        // WaveNet: ten causal layers at rates 1 to 512, a field of 1024 steps.
        let layers = (0..<10).map { "k=1x2,r=1x\(1 << $0),p=causal" }
        let view = try tree(1024, layers, at: 1023)
        let buffer = CellBuffer.rendering(view, size: Size(width: 43, height: 14))
        let rows = buffer.lines
        // 1026 steps (the field and a margin) in 40 columns: 26 steps a column.
        #expect(rows[12] == "   0─────── 1 column = 26 steps ───────1023")
        #expect(rows[1].hasPrefix("10") && rows[1].filter { $0 == "●" }.count == 1)
        #expect(buffer[42, 1] == Cell("●", style: Palette.monochrome.current), "the chosen step has the last column")
        #expect(rows[11].hasPrefix("in ") && rows[11].dropFirst(3).allSatisfy { $0 == "█" }, "every step reached once")
        // Layer 9 joins the chosen step to step 511: two columns on a path, holes between.
        let nine = rows[2].dropFirst(3)
        #expect(nine.filter { $0 != " " && $0 != "·" }.count == 2)
        #expect(nine.contains("·"))
    }

    @Test func shortAreasKeepTheOutputAndTheInputRows() throws {
        let layers = (0..<10).map { "k=1x2,r=1x\(1 << $0),p=causal" }
        let view = try tree(1024, layers, at: 1023)
        #expect(view.shownStages(rows: 11) == Array((0...10).reversed()))
        #expect(view.shownStages(rows: 4) == [10, 9, 8, 0])
        let buffer = CellBuffer.rendering(view, size: Size(width: 44, height: 6))
        #expect(buffer.lines.map { String($0.prefix(3)) } == ["Pat", "10 ", " 9 ", " 8 ", "in ", "   "])
    }

    @Test(arguments: [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 4, height: 2), Size(width: 9, height: 3)])
    func tinyAreasNeverTrap(size: Size) throws {
        let view = try tree(16, Self.wavenetInMiniature, at: 15, palette: .color)
        #expect(CellBuffer.rendering(view, size: size).size == size)
    }
}
