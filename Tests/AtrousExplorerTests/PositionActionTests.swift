import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("Moving the current cell")
struct PositionActionTests {
    @Test(arguments: [
        (MoveDirection.down, GridPosition(row: 5, column: 4)),
        (.up, GridPosition(row: 3, column: 4)),
        (.left, GridPosition(row: 4, column: 3)),
        (.right, GridPosition(row: 4, column: 5)),
    ])
    func moveGoesOneStep(direction: MoveDirection, expected: GridPosition) {
        let moved = stateAfter([.selectOutputCell(row: 4, column: 4), .move(direction)])
        #expect(moved.position == expected)
        #expect(moved.taps?.outputRow == expected.row && moved.taps?.outputColumn == expected.column)
    }

    @Test func moveStopsAtTheEdges() {
        #expect(stateAfter([.move(.up), .move(.left)]).position == .origin)
        let corner = stateAfter([.last, .move(.down), .move(.right)])
        #expect(corner.position == GridPosition(row: 8, column: 8))
    }

    @Test func stepWrapsToTheNextRowAndAround() {
        #expect(stateAfter([.step(.forward)]).position == GridPosition(row: 0, column: 1))
        #expect(stateAfter([.selectOutputCell(row: 0, column: 8), .step(.forward)]).position
            == GridPosition(row: 1, column: 0))
        #expect(stateAfter([.selectOutputCell(row: 1, column: 0), .step(.backward)]).position
            == GridPosition(row: 0, column: 8))
        #expect(stateAfter([.last, .step(.forward)]).position == .origin)
        #expect(stateAfter([.step(.backward)]).position == GridPosition(row: 8, column: 8))
    }

    @Test func firstAndLast() {
        let last = stateAfter([.last])
        #expect(last.position == GridPosition(row: 8, column: 8))
        #expect(last.positionNumber == last.positionCount)
        #expect(stateAfter([.last, .first]).position == .origin)
    }

    @Test func selectOutputCellChecksTheRange() {
        let inside = stateAfter([.selectOutputCell(row: 2, column: 6)])
        #expect(inside.position == GridPosition(row: 2, column: 6))
        let outside = stateAfter([.selectOutputCell(row: 2, column: 6), .selectOutputCell(row: 9, column: 0)])
        #expect(outside.position == GridPosition(row: 2, column: 6))
        #expect(outside.message == .error("The output position (9, 0) lies outside the 9x9 output."))
    }

    @Test func selectInputCellShowsTheOutputsThatReadIt() throws {
        let picked = stateAfter([.selectInputCell(row: 4, column: 0)])
        let reach = try #require(picked.inputReach)
        let geometry = try #require(picked.geometry)
        #expect(reach.outputRows == geometry.rows.outputs(reading: 4))
        #expect(reach.outputColumns == geometry.columns.outputs(reading: 0))
        // Each reached cell really reads the input cell through one of its taps, and no other does.
        for cell in allCells(geometry.outputSize) {
            let reads = (0..<3).contains { geometry.rows.inputIndex(output: cell.row, tap: $0) == 4 }
                && (0..<3).contains { geometry.columns.inputIndex(output: cell.column, tap: $0) == 0 }
            #expect(reach.cells.contains(cell) == reads, "cell \(cell)")
        }
        #expect(picked.message == .info("Input cell (4, 0) feeds \(reach.cells.count) output cells."))
    }

    @Test func selectInputCellAcceptsPaddingButNotBeyond() {
        // SAME at rate 2 pads 2 cells on every side of the 9x9 input.
        #expect(stateAfter([.selectInputCell(row: -2, column: 10)]).inputReach != nil)
        let outside = stateAfter([.selectInputCell(row: -3, column: 0)])
        #expect(outside.inputReach == nil)
        #expect(outside.message?.kind == .error)
    }

    @Test func inputReachFollowsParameterChanges() throws {
        let changed = stateAfter([.selectInputCell(row: 4, column: 4), .adjustRate(by: 1, axis: nil)])
        let geometry = try #require(changed.geometry)
        #expect(changed.inputReach?.outputRows == geometry.rows.outputs(reading: 4))
        // VALID removes the padding ring, so a padding cell can no longer be picked.
        let dropped = stateAfter([.selectInputCell(row: -1, column: 4), .setPadding(.valid)])
        #expect(dropped.inputReach == nil)
    }

    @Test func dismissClearsThePickAndTheMessageThenClosesOverlays() {
        let cleared = stateAfter([.selectInputCell(row: 4, column: 4), .dismiss])
        #expect(cleared.inputReach == nil)
        #expect(cleared.message == nil)
        #expect(stateAfter([.toggleHelp, .dismiss]).mode == .normal)
        #expect(stateAfter([.openCommandLine, .dismiss]).mode == .normal)
    }
}
