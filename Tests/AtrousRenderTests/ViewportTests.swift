import Testing
@testable import AtrousRender

struct ViewportTests {
    @Test(arguments: [
        // content, length, offset asked → offset kept, visible range
        (10, 4, 8, 6, 6..<10), (10, 4, -3, 0, 0..<4), (3, 5, 2, 0, 0..<3), (0, 4, 1, 0, 0..<0), (10, 0, 5, 5, 5..<5),
    ])
    func offsetsAreClampedToTheContent(content: Int, length: Int, offset: Int, kept: Int, range: Range<Int>) {
        let view = Viewport(contentLength: content, length: length, offset: offset)
        #expect(view.offset == kept)
        #expect(view.range == range)
    }

    @Test(arguments: [
        // start offset, target, margin → new offset (content 10, window 4)
        (0, 5..<6, 0, 2), (0, 5..<6, 1, 3), (0, 1..<3, 0, 0), (5, 0..<1, 1, 0), (5, 6..<8, 1, 5),
        (0, 8..<10, 1, 6), (0, 2..<8, 0, 2), (6, 2..<8, 1, 2),
    ])
    func showingMovesAsLittleAsPossible(start: Int, target: Range<Int>, margin: Int, expected: Int) {
        let view = Viewport(contentLength: 10, length: 4, offset: start).showing(target, margin: margin)
        #expect(view.offset == expected)
        // Whatever part of the target the window can hold is on screen.
        #expect(view.range.contains(target.lowerBound))
    }

    @Test(arguments: [(5..<6, 4), (0..<1, 0), (9..<10, 6), (4..<7, 4), (3..<9, 3)])
    func centeringKeepsTheTargetInTheMiddle(target: Range<Int>, expected: Int) {
        #expect(Viewport.centered(on: target, contentLength: 10, length: 4).offset == expected)
    }

    @Test func hiddenCellsAreReportedOnEachSide() {
        let middle = Viewport(contentLength: 10, length: 4, offset: 3)
        #expect(middle.hidesBefore && middle.hidesAfter)
        let whole = Viewport(contentLength: 3, length: 4)
        #expect(!whole.hidesBefore && !whole.hidesAfter)
    }
}
