import AtrousCore
import AtrousExplorer
import SnapshotTesting
import Testing
@testable import AtrousRender

/// Frames with a user's output loaded (`:actual`): the comparison panel beside the output on a
/// wide terminal, in the panels' place on a narrow one, and what it says when the shapes differ.
struct ActualComparisonSnapshotTests {
    /// The built-in example on a random input, with atrous's own output loaded as the actual
    /// after two of its values were changed.
    static func comparedState() throws -> ExplorerState {
        var state = ExplorerState()
        update(&state, .setInputPattern(.random(seed: 3), size: nil))
        var actual = try #require(state.output).doubles
        actual[0, 1, 2, 0] -= 2
        actual[0, 4, 6, 0] += 0.5
        update(&state, .actualLoaded(actual, path: "y.npy"))
        return state
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func differencesBesideTheOutput(size: Size) throws {
        let frame = render(try Self.comparedState(), size: size, colors: false).text
        #expect(frame.contains("Actual: y.npy"))
        assertSnapshot(of: frame, as: .lines, named: size.description)
    }

    @Test func shapesThatDifferLeaveNoMap() throws {
        var state = try Self.comparedState()
        update(&state, .setPadding(.valid))
        let frame = render(state, size: Size(width: 120, height: 40), colors: false).text
        #expect(frame.contains("No difference map"))
        assertSnapshot(of: frame, as: .lines)
    }
}

/// Frames with a configuration pinned as A and the rate changed for B: A, B and A−B side by
/// side in a band below the panels (120x40) or in the panels' place (80x24).
struct PinnedComparisonSnapshotTests {
    static func state(_ actions: [ExplorerAction]) -> ExplorerState {
        var state = ExplorerState()
        for action in actions { update(&state, action) }
        return state
    }

    static let rateChanged: [ExplorerAction] = [.setInputPattern(.random(seed: 3), size: nil), .pin, .setRate(Pair(square: 3))]

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func aAgainstB(size: Size) {
        let frame = render(Self.state(Self.rateChanged), size: size, colors: false).text
        for title in ["A: rate 2 same · 9x9", "B: rate 3 same · 9x9", "A−B · 9x9"] { #expect(frame.contains(title)) }
        #expect(frame.contains("B changes: rate 2 → 3. Both outputs are 9x9: A−B in every cell."))
        #expect(frame.contains("\nA: y[0,0] = ") && frame.contains("\nB: y[0,0] = "))
        assertSnapshot(of: frame, as: .lines, named: size.description)
    }

    @Test func outputsOfDifferentShapesStateTheRule() {
        let state = Self.state([.setInputPattern(.random(seed: 3), size: nil), .pin, .setPadding(.valid)])
        let frame = render(state, size: Size(width: 80, height: 24), colors: false).text
        #expect(frame.contains("A−B · 5x5") && frame.contains("B: rate 2 valid · 5x5"))
        #expect(frame.contains("The outputs differ in shape, A 9x9 and B 5x5"))
        assertSnapshot(of: frame, as: .lines)
    }

    /// The built-in impulse at rate 3, cell (1,1): B's only nonzero term is its last tap, and
    /// on 80 columns both lines must hide terms.
    @Test func theTermThatCarriesTheValueShowsOnEightyColumns() {
        let state = Self.state([.pin, .setRate(Pair(square: 3)), .move(.down), .move(.right)])
        let frame = render(state, size: Size(width: 80, height: 24), colors: false).text
        #expect(frame.contains("B: y[1,1] = 1·0(pad top-left) + 1·0(pad top) + 1·1 + … (+6 zeros: :sum) = 1"))
        #expect(frame.contains("A: y[1,1] = ") && frame.contains("zeros: :sum) = 0"))
        assertSnapshot(of: frame, as: .lines)
    }

    /// The scale line names the values drawn: A−B's lowest and highest cells are the ends of
    /// its scale, which is signed and as deep on both sides (−27 would be `■■`, so −13 is `==`).
    @Test func theScalesAreTheMapsOwn() throws {
        let state = Self.state(Self.rateChanged)
        let panel = try #require(pinnedWidget(for: state, palette: .monochrome))
        let difference = try #require(state.pinned?.difference)
        let (low, high) = (difference.scalars.min()!, difference.scalars.max()!)
        #expect(low == -13 && high == 27)
        let words = panel.scaleEntries(panel.maps, scrolled: false).map { $0.map(\.text).joined() }
        #expect(words.contains("A−B == -13    0 ██ 27"))
        let shade = { (value: Double) in
            String(repeating: HeatPalette(colors: false).cell(for: value, scale: .diverging(limit: 27)).character, count: 2)
        }
        #expect(shade(low) == "==" && shade(-27) == "■■")
        let outputs = (state.pinned!.output!.doubles.scalars + state.output!.doubles.scalars)
        #expect(words.contains { $0.hasPrefix("A, B") && $0.hasSuffix(ValueFormat.short(outputs.max()!)) })
        #expect(words.contains { $0.contains(" " + ValueFormat.short(outputs.min()!) + " ") })
    }
}

/// A map's titles, longest first, name its channel when the output has several.
struct ComparisonTitleTests {
    @Test func titlesNameTheChannelOfAMultiChannelOutput() {
        let plane = Plane(height: 16, width: 16, values: Array(repeating: 0, count: 256))
        let caption = MapCaption(shape: [1, 16, 16, 2], channel: 1, batch: 0)
        #expect(PinnedComparisonPanel.titles("A", "rate 2 same", plane, caption)
            == ["A: rate 2 same · 16x16 · ch 1 of 0–1", "A: rate 2 same · 16x16 ch 1", "A: rate 2 same ch 1",
                "A: rate 2 same", "A ch 1"])
        #expect(PinnedComparisonPanel.titles("A−B", nil, plane, MapCaption(shape: [1, 16, 16, 1], channel: 0, batch: 0))
            == ["A−B · 16x16", "A−B · 16x16", "A−B", "A−B", "A−B"])
    }
}

/// A click on any of the three maps picks that cell of B: on 80 columns each map has 24, the
/// row indices 2, and cells two columns each from the third row.
struct ComparisonClickTests {
    @Test(arguments: [
        (8, 3, GridPosition(row: 1, column: 3)),
        (35, 3, GridPosition(row: 1, column: 3)),
        (60, 4, GridPosition(row: 2, column: 2)),
    ])
    func aClickOnAMapPicksThatCell(x: Int, y: Int, cell: GridPosition) {
        let screen = ExplorerScreen(state: PinnedComparisonSnapshotTests.state(PinnedComparisonSnapshotTests.rateChanged),
                                    palette: .monochrome)
        #expect(screen.hit(x: x, y: y, size: Size(width: 80, height: 24)) == .output(cell))
    }

    @Test func betweenTheMapsAndOnTitlesNothingIsPicked() {
        let screen = ExplorerScreen(state: PinnedComparisonSnapshotTests.state(PinnedComparisonSnapshotTests.rateChanged),
                                    palette: .monochrome)
        for (x, y) in [(25, 3), (8, 0), (8, 1), (8, 12)] {
            #expect(screen.hit(x: x, y: y, size: Size(width: 80, height: 24)) == nil)
        }
    }
}

/// Where the comparison goes: a band below the panels when they keep their rows, else the
/// whole panel area.
struct ComparisonLayoutTests {
    @Test func aBandBelowThePanelsOnALargeScreen() throws {
        guard case let .explorer(layout) = ScreenLayout(size: Size(width: 120, height: 40), comparisonRows: 14) else {
            Issue.record("too small"); return
        }
        #expect(layout.extra == Rect(x: 0, y: 22, width: 120, height: 14))
        #expect(layout.input.maxY <= layout.extra.y && layout.output.maxY <= layout.extra.y && !layout.input.isEmpty)
        #expect(layout.computation.y == layout.extra.maxY && layout.legend.isEmpty)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 60, height: 16)])
    func theWholePanelAreaWhenThePanelsWouldBeTooShort(size: Size) throws {
        guard case let .explorer(layout) = ScreenLayout(size: size, comparisonRows: 14) else {
            Issue.record("too small"); return
        }
        #expect(layout.input.isEmpty && layout.kernel.isEmpty && layout.output.isEmpty)
        #expect(layout.extra == Rect(x: 0, y: 0, width: size.width, height: size.height - 4))
    }

    @Test func theReceptiveFieldViewComesFirst() throws {
        let plain = ScreenLayout(size: Size(width: 120, height: 40), showsExtras: true)
        #expect(ScreenLayout(size: Size(width: 120, height: 40), showsExtras: true, comparisonRows: 14) == plain)
    }
}
