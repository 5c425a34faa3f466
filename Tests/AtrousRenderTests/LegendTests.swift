import AtrousCore
import AtrousExplorer
import Testing
@testable import AtrousRender

/// The legend line names every mark in use in its own style, with a scale per heat map.
struct LegendTests {
    @Test func everyMarkInUseIsNamedInItsStyle() {
        let palette = Palette.monochrome
        let legend = Legend(palette: palette, showsPaddingTap: true, showsReach: true, showsScrollArrows: true,
                            heatMaps: [Legend.HeatMap(name: "output", range: FiniteRange(of: [-2.0, 0.5, 3.0]))])
        let buffer = CellBuffer.rendering(legend, size: Size(width: 250, height: 1))
        #expect(buffer.text.hasPrefix("a tap  a tap in padding  · zero padding   0 hole in the window  [] current cell  "
            + "() reached by the picked input  a selected weight  ↓→ more beyond the edge: move the cell  output ≡≡ -2 ██ 3"))
        #expect(buffer[0, 0]?.style == palette.tap)
        #expect(buffer[7, 0]?.style == palette.paddingTap)
        let current = buffer.text.distance(from: buffer.text.startIndex, to: buffer.text.range(of: "[]")!.lowerBound)
        #expect(buffer[current, 0]?.style == palette.current)
    }

    @Test func whatDoesNotFitIsLeftOutAndSaidSo() {
        let legend = Legend(palette: .monochrome, showsPaddingTap: false, showsReach: false, showsScrollArrows: false,
                            heatMaps: [])
        let text = CellBuffer.rendering(legend, size: Size(width: 50, height: 1)).text
        #expect(text == "a tap  · zero padding  … ? help")
    }

    @Test func theColourScaleShowsZeroBetweenTheEnds() {
        let legend = Legend(palette: .color, showsPaddingTap: false, showsReach: false, showsScrollArrows: false,
                            heatMaps: [Legend.HeatMap(name: "output", range: FiniteRange(of: [-4.0, 2.0]))])
        #expect(CellBuffer.rendering(legend, size: Size(width: 200, height: 1)).text.hasSuffix("output    -4    0    2"))
    }

    /// A free row below the panels goes to the legend; at 60x16 the panels need every row.
    @Test func theLegendTakesAFreeRowOnly() {
        let state = ExplorerState()
        let roomy = ExplorerScreen(state: state, palette: .monochrome)
        guard case let .explorer(large) = roomy.layout(size: Size(width: 120, height: 40)),
              case let .explorer(small) = roomy.layout(size: Size(width: 60, height: 16)) else {
            Issue.record("the explorer lays out")
            return
        }
        #expect(large.legend.height == 1 && large.legend.maxY == large.computation.y)
        #expect(small.legend.isEmpty)
        #expect(render(state, size: Size(width: 120, height: 40), colors: false).lines[large.legend.y].hasPrefix("a tap"))
    }
}
