import Testing
@testable import AtrousRender
import AtrousExplorer

/// Clicks on the 80x24 example frame (see the 80x24 snapshot): the input panel shows columns
/// -1…3 in 7-wide cells after a 3-wide row index; the kernel's 7-wide weights start at column
/// 43 with the footprint at 67; the output's 6-wide cells start at column 44, row 9.
struct ScreenHitTests {
    let screen = ExampleScreens.screen(colors: false)
    let size = Size(width: 80, height: 24)

    @Test(arguments: [
        (15, 4, ScreenHit.input(GridPosition(row: 0, column: 0))),
        (3, 2, .input(GridPosition(row: -2, column: -1))),
        (37, 12, .input(GridPosition(row: 8, column: 3))),
        (58, 3, .kernel(GridPosition(row: 1, column: 2))),
        (71, 6, .kernel(GridPosition(row: 2, column: 1))),
        (52, 10, .output(GridPosition(row: 1, column: 1))),
        (73, 15, .output(GridPosition(row: 6, column: 5))),
    ])
    func clicksLandOnTheCellDrawnThere(x: Int, y: Int, hit: ScreenHit) {
        #expect(screen.hit(x: x, y: y, size: size) == hit)
    }

    @Test(arguments: [(68, 3), (64, 3), (0, 0), (10, 18), (5, 23), (0, 2)])
    func clicksOnHolesTitlesAndBarsHitNothing(x: Int, y: Int) {
        #expect(screen.hit(x: x, y: y, size: size) == nil)
    }

    @Test func noClicksWhileHelpIsOpenOrTheTerminalIsTooSmall() {
        #expect(ExampleScreens.screen(colors: false, help: true).hit(x: 15, y: 4, size: size) == nil)
        #expect(screen.hit(x: 1, y: 1, size: Size(width: 40, height: 10)) == nil)
    }
}
