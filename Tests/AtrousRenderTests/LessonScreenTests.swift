import AtrousCore
import AtrousExplorer
import Testing
@testable import AtrousRender

/// The lesson's screen: the narration's share of the rows, clicks below it, and the size a
/// lesson needs.
struct LessonScreenTests {
    static let course = try! LessonParser.parse(BuiltInCourse.text)

    @Test(arguments: [(24, 7), (40, 11), (19, 3), (80, 14)])
    func theNarrationTakesAQuarterOfTheRowsAndLeavesTheExplorerItsMinimum(height: Int, rows: Int) {
        #expect(LessonScreen.narrationRows(height: height) == rows)
        #expect(height - rows >= ScreenLayout.minimumSize.height)
    }

    /// A click lands on the cell drawn under it: the explorer's panels sit below the narration.
    @Test func clicksLandOnTheCellsDrawnBelowTheNarration() throws {
        let size = Size(width: 80, height: 24)
        var state = ExplorerState(lesson: Self.course)
        update(&state, .goToStep(3))
        let frame = render(state, size: size, colors: false)
        // Output row 2 of the 4x4 output, as the frame draws it: find the row label and a value.
        let row = try #require(frame.lines.firstIndex { $0.contains("2  252 387 405 276") })
        let column = try #require(frame.lines[row].range(of: "405")).lowerBound.utf16Offset(in: frame.lines[row])
        let click = MouseEvent(x: column, y: row, kind: .press(button: 1))
        #expect(action(for: click, in: state, size: size) == .selectOutputCell(row: 2, column: 2))
        // A click on the narration selects nothing.
        #expect(action(for: MouseEvent(x: 10, y: 2, kind: .press(button: 1)), in: state, size: size) == nil)
    }

    @Test func aTerminalTooSmallForALessonSaysWhatItNeeds() {
        let frame = render(ExplorerState(lesson: Self.course), size: Size(width: 70, height: 18), colors: false)
        #expect(frame.text.contains("Terminal too small: 70x18, need at least 60x19."))
    }
}
