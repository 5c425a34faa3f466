import Testing
@testable import AtrousRender

struct ScreenLayoutTests {
    private func explorer(_ width: Int, _ height: Int, extras: Bool = false) -> ExplorerLayout? {
        guard case let .explorer(layout) = ScreenLayout(size: Size(width: width, height: height), showsExtras: extras)
        else { return nil }
        return layout
    }

    @Test func classicTerminalShowsEveryPanelAndBar() throws {
        let layout = try #require(explorer(80, 24))
        #expect(layout.input == Rect(x: 0, y: 0, width: 39, height: 20))
        // Two blank columns between panel columns, so no value runs into a neighbour's index.
        #expect(layout.kernel == Rect(x: 41, y: 0, width: 39, height: 8))
        #expect(layout.output == Rect(x: 41, y: 8, width: 39, height: 12))
        #expect(layout.computation == Rect(x: 0, y: 20, width: 80, height: 1))
        #expect(layout.status == Rect(x: 0, y: 21, width: 80, height: 1))
        #expect(layout.message == Rect(x: 0, y: 22, width: 80, height: 1))
        #expect(layout.footer == Rect(x: 0, y: 23, width: 80, height: 1))
        #expect(layout.extra.isEmpty)
        #expect(layout.valueWidth == 5)
        #expect(!layout.showsOutputHeat)
    }

    @Test func roomyTerminalWidensCellsAndAddsTheHeatMap() throws {
        let layout = try #require(explorer(120, 40))
        #expect(layout.input == Rect(x: 0, y: 0, width: 59, height: 36))
        #expect(layout.kernel == Rect(x: 61, y: 0, width: 59, height: 12))
        #expect(layout.output == Rect(x: 61, y: 12, width: 59, height: 24))
        #expect(layout.footer == Rect(x: 0, y: 39, width: 120, height: 1))
        #expect(layout.valueWidth == 6)
        #expect(layout.showsOutputHeat)
    }

    @Test func extrasTakeAThirdColumnWhenWideAndThePanelAreaOtherwise() throws {
        let wide = try #require(explorer(120, 40, extras: true))
        #expect(wide.input == Rect(x: 0, y: 0, width: 48, height: 36))
        #expect(wide.kernel == Rect(x: 50, y: 0, width: 34, height: 12))
        #expect(wide.output == Rect(x: 50, y: 12, width: 34, height: 24))
        #expect(wide.extra == Rect(x: 86, y: 0, width: 34, height: 36))
        let narrow = try #require(explorer(80, 24, extras: true))
        #expect(narrow.extra == Rect(x: 0, y: 0, width: 80, height: 20))
        #expect(narrow.input.isEmpty && narrow.kernel.isEmpty && narrow.output.isEmpty)
        #expect(narrow.computation == Rect(x: 0, y: 20, width: 80, height: 1))
        let small = try #require(explorer(60, 16, extras: true))
        #expect(small.extra == Rect(x: 0, y: 0, width: 60, height: 12))
        let almost = try #require(explorer(119, 40, extras: true))
        #expect(almost.extra == Rect(x: 0, y: 0, width: 119, height: 36))
    }

    @Test(arguments: [(59, 16), (60, 15), (40, 10), (20, 6), (1, 1), (0, 0)])
    func belowTheMinimumOnlyTheMessageIsLaidOut(width: Int, height: Int) {
        let size = Size(width: width, height: height)
        #expect(ScreenLayout(size: size) == .tooSmall(size: size, minimum: Size(width: 60, height: 16)))
    }

    @Test func theMinimumItselfIsAnExplorer() throws {
        let layout = try #require(explorer(60, 16))
        #expect(layout.kernel.height == 7)
        #expect(layout.output.height == 5)
    }

    @Test(arguments: [false, true])
    func regionsStayOnScreenAndNeverOverlap(extras: Bool) throws {
        for width in stride(from: 60, through: 220, by: 7) {
            for height in stride(from: 16, through: 70, by: 3) {
                let layout = try #require(explorer(width, height, extras: extras))
                let regions = [layout.input, layout.kernel, layout.output, layout.extra, layout.computation,
                               layout.status, layout.message, layout.footer].filter { !$0.isEmpty }
                let screen = Rect(x: 0, y: 0, width: width, height: height)
                for (i, a) in regions.enumerated() {
                    #expect(a.intersection(screen) == a, "\(a) leaves the \(width)x\(height) screen")
                    for b in regions[(i + 1)...] {
                        #expect(a.intersection(b).isEmpty, "\(a) overlaps \(b) at \(width)x\(height)")
                    }
                }
                let panels = extras ? [layout.input, layout.kernel, layout.output, layout.extra].filter { !$0.isEmpty }
                    : [layout.input, layout.kernel, layout.output]
                #expect(!extras || !layout.extra.isEmpty)
                // Two blank columns between side-by-side panels.
                for (left, right) in [(layout.input, layout.kernel), (layout.kernel, layout.extra)]
                    where !left.isEmpty && !right.isEmpty {
                    #expect(right.x - left.maxX >= 2, "\(left) and \(right) at \(width)x\(height)")
                }
                for panel in panels {
                    #expect(panel.width >= 29 && panel.height >= 5, "\(panel) is too small at \(width)x\(height)")
                }
            }
        }
    }
}
