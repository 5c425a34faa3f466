import AtrousCore
import Testing
@testable import AtrousRender

struct LayerTableTests {
    static let gridding = ["k=3,r=2", "k=3,r=2", "k=3,r=2"]

    @Test func everyLayerWithItsOutputFieldAndJump() throws {
        let analysis = try StackFixtures.analysis(Pair(square: 33), ["k=3,r=2", "k=5x3,r=2x1,s=2,p=valid", "k=3,r=4"],
                                                  at: Pair(5, 7))
        let table = LayerTable(layers: analysis.stack.specs, selected: 1, analysis: analysis, oneDimensional: false)
        let lines = table.lines(width: 60, height: 10, palette: .monochrome)
        // Rows run the whole width, so the selected one's style marks all of it.
        #expect(lines.map(\.text) == [
            " # k   r   s pad     out    RF jump",
            " 1 3   2   1 same  33x33     5    1".rightPadded(to: 60),
            "▸2 5x3 2x1 2 valid 13x16  13x7    2".rightPadded(to: 60),
            " 3 3   4   1 same  13x16 29x23    2".rightPadded(to: 60),
        ])
        #expect(lines.map(\.style) == [Palette.monochrome.index, .plain, Palette.monochrome.selected, .plain])
    }

    @Test func columnsThatSayTheSameOnEveryRowDropFirst() throws {
        let analysis = try StackFixtures.analysis(Pair(square: 33), Self.gridding, at: Pair(16, 16))
        let table = LayerTable(layers: analysis.stack.specs, selected: 0, analysis: analysis, oneDimensional: false)
        // One row of three layers: the header counts the two below the window.
        #expect(table.lines(width: 40, height: 2, palette: .monochrome).map(\.text)[0] == " # k r s pad    out RF jump ↓2 more")
        #expect(table.lines(width: 60, height: 2, palette: .monochrome).map(\.text)[0]
            == " # k r s pad    out RF jump  ↓ 2 more: { }")
        #expect(table.lines(width: 40, height: 4, palette: .monochrome).map(\.text)[0] == " # k r s pad    out RF jump")
        // Every column but the field's says the same on each row here; the padding goes first.
        #expect(table.fittingColumns(width: 22).map(\.header) == ["#", "k", "r", "s", "out", "RF", "jump"])
        #expect(table.fittingColumns(width: 20).map(\.header) == ["#", "k", "r", "s", "RF", "jump"])
        #expect(table.fittingColumns(width: 5).map(\.header) == ["#", "k", "r", "RF"], "the kernel, rate and field stay")
    }

    @Test func aLongStackShowsTheRowsAroundTheSelectedLayer() throws {
        let layers = (1...8).map { "k=3,r=\($0)" }
        let analysis = try StackFixtures.analysis(Pair(square: 67), layers, at: Pair(33, 33))
        let table = LayerTable(layers: analysis.stack.specs, selected: 5, analysis: analysis, oneDimensional: false)
        let numbers = table.lines(width: 40, height: 4, palette: .monochrome).dropFirst().map { $0.text.prefix(2) }
        #expect(numbers == [" 5", "▸6", " 7"])
    }

    @Test func aRowSpeaksOfItsWidthAlone() throws {
        let analysis = try StackFixtures.analysis(Pair(1, 64), ["k=1x2,r=1x1,p=causal", "k=1x2,r=1x2,p=causal"], at: Pair(0, 63))
        let table = LayerTable(layers: analysis.stack.specs, selected: 0, analysis: analysis, oneDimensional: true)
        #expect(table.lines(width: 40, height: 3, palette: .monochrome).map(\.text) == [
            " # k r s pad    out RF jump",
            "▸1 2 1 1 causal  64  2    1".rightPadded(to: 40),
            " 2 2 2 1 causal  64  4    1".rightPadded(to: 40),
        ])
    }

    @Test func anImpossibleStackListsItsLayersWithoutNumbers() {
        let layers = [LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 9), padding: .valid)]
        let table = LayerTable(layers: layers, selected: 0, analysis: nil, oneDimensional: false)
        #expect(table.lines(width: 30, height: 2, palette: .monochrome).map(\.text) == [" # k r s pad  ", "▸1 3 9 1 valid".rightPadded(to: 30)])
    }
}

struct FieldSummaryTests {
    func texts(_ input: Pair, _ layers: [String], at cell: Pair, oneDimensional: Bool = false) throws -> [String] {
        let analysis = try StackFixtures.analysis(input, layers, at: cell)
        return FieldSummary(analysis: analysis, oneDimensional: oneDimensional).paragraphs(palette: .monochrome).map(\.1.text)
    }

    @Test func griddingRatesGridAndTheRuleAgrees() throws {
        #expect(try texts(Pair(square: 33), LayerTableTests.gridding, at: Pair(16, 16)) == [
            "Cell (16, 16) sees rows 10..22, cols 10..22 (13x13), centre (16, 16).",
            "Each axis: field 13, jump 1, eff. padding 6+6",
            "Reached 49 of 169 cells: 120 holes (·), gridding.",
            "729 paths, at most 49 into one cell.",
            "HDC rule: rates 2,2,2, M = 2,2,2; M₂ 2 ≤ K 3 but common factor 2: grids.",
        ])
    }

    @Test func hybridRatesCoverTheFieldAndTheRuleAgrees() throws {
        #expect(try texts(Pair(square: 33), ["k=3,r=1", "k=3,r=2", "k=3,r=5"], at: Pair(16, 16)) == [
            "Cell (16, 16) sees rows 8..24, cols 8..24 (17x17), centre (16, 16).",
            "Each axis: field 17, jump 1, eff. padding 8+8",
            "Reached all 289 cells: no holes.",
            "729 paths, at most 4 into one cell.",
            "HDC rule: rates 1,2,5, M = 1,2,5; M₂ 2 ≤ K 3, no common factor: no gridding.",
        ])
    }

    @Test func whereTheRuleAndTheMapDisagreeTheMapIsExact() throws {
        // Rates 2,3 meet the rule (M₂ 3 ≤ K 3, no common factor), yet offsets ±4 are never reached.
        let texts = try texts(Pair(square: 33), ["k=3,r=2", "k=3,r=3"], at: Pair(16, 16))
        #expect(texts.contains("HDC rule: rates 2,3, M = 2,3; M₂ 3 ≤ K 3, no common factor: no gridding."))
        #expect(texts.contains("Reached 81 of 121 cells: 40 holes (·), gridding."))
        #expect(texts.last == "The rule is a guide for 3-tap kernels; the map is exact.")
    }

    @Test func axesThatDifferAreWrittenOneByOne() throws {
        let texts = try texts(Pair(9, 20), ["k=3x1,r=2x1", "k=1x3,r=1x3,s=1x2,p=valid"], at: Pair(4, 3))
        #expect(texts.contains("Rows: field 5, jump 1, eff. padding 2+2"))
        #expect(texts.contains("Cols: field 7, jump 2, eff. padding 0+0"))
        #expect(texts.contains("HDC rule, rows: one layer at rate 2 leaves 1 cell between taps: grids."))
        #expect(texts.contains("HDC rule, cols: one layer at rate 3 leaves 2 cells between taps: grids."))
    }

    @Test func risingRunsAreCheckedOneByOne() throws {
        let texts = try texts(Pair(square: 49), ["k=3,r=1", "k=3,r=2", "k=3,r=5", "k=3,r=2", "k=3,r=2"], at: Pair(24, 24))
        #expect(texts.contains("HDC rule, one rising run at a time: grids."))
        #expect(texts.contains("  run 1: rates 1,2,5, M = 1,2,5; M₂ 2 ≤ K 3, no common factor."))
        #expect(texts.contains("  run 2: rates 2,2, M = 2,2; M₂ 2 ≤ K 3 but common factor 2: grids."))
    }

    @Test func aRowSpeaksOfStepsAndItsPadding() throws {
        let texts = try texts(Pair(1, 16), PathTreeViewTests.wavenetInMiniature, at: Pair(0, 3), oneDimensional: true)
        #expect(texts[0] == "Step 3 sees steps -4..3 (8), centre -0.5. Part of it is padding (×).")
        #expect(texts[1] == "Field 8, jump 1, eff. padding 7+0")
        #expect(texts[2] == "Reached all 4 steps: no holes.")
    }
}

struct ReceptiveFieldTextColumnTests {
    @Test func shortColumnsKeepTheVerdictAndShrinkTheTable() throws {
        let state = StackFixtures.state([.loadStackPreset(.hdc)])
        let panel = ReceptiveFieldPanel(state: state, palette: .monochrome)
        let full = panel.textLines(width: 40, height: 100).map(\.text)
        #expect(full.contains { $0.hasPrefix("h j k l move the cell") })
        let short = panel.textLines(width: 40, height: 12).map(\.text)
        #expect(short.count == 12)
        #expect(short[0] == "Stack of 6 layers on 49x49 → 49x49")
        #expect(short.contains { $0.hasPrefix("Reached all 1089 cells") })
        #expect(short.contains { $0.hasPrefix("HDC rule, one rising run at a time: no") })
        #expect(!short.contains { $0.hasPrefix("h j k l") }, "the hint gives way first")
        #expect(short.filter { $0.hasPrefix(" ") || $0.hasPrefix("▸") }.count >= 3, "the table keeps the rows around the selected")
    }

    @Test func anImpossibleStackSaysWhyInItsErrorStyle() throws {
        let state = StackFixtures.state([.setLayers(try ["k=3,r=2,p=valid", "k=3,r=2,p=valid", "k=3,r=2,p=valid"]
            .map { try LayerSpec(notation: $0) })])
        let problem = try #require(state.stack.problem)
        let lines = ReceptiveFieldPanel(state: state, palette: .monochrome).textLines(width: 40, height: 30)
        #expect(lines[0].text == "Stack of 3 layers, impossible")
        let errorText = lines.filter { $0.style == Palette.monochrome.error }.map(\.text).joined(separator: " ")
        #expect(errorText == problem)
    }
}
