import AtrousScreen
import Testing
@testable import AtrousTerminal

@Suite("Frame diff")
struct FrameDiffTests {
    private let screen = Size(width: 8, height: 3)

    @Test("the first frame is a full redraw, one run per row")
    func firstFrame() {
        let frame = CellBuffer(lines: ["ab", "cd", "ef"], width: 8)
        let runs = FrameDiff.runs(from: nil, to: frame, screen: screen)
        #expect(runs.map(\.y) == [0, 1, 2])
        #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 8 })
        #expect(CellBuffer(size: screen).applying(runs) == frame)
    }

    @Test("an identical frame writes nothing")
    func identical() {
        let frame = CellBuffer(lines: ["┌──┐", "│░▒│", "└──┘"], width: 8)
        #expect(FrameDiff.runs(from: frame, to: frame, screen: screen).isEmpty)
    }

    @Test("only changed cells are written, as maximal runs per row")
    func changedRuns() {
        let before = CellBuffer(lines: ["abcdefgh", "abcdefgh", "abcdefgh"])
        let after = CellBuffer(lines: ["aXYdefgZ", "abcdefgh", "Qbcdefgh"])
        let runs = FrameDiff.runs(from: before, to: after, screen: screen)
        #expect(runs == [
            CellRun(x: 1, y: 0, cells: [Cell("X"), Cell("Y")]),
            CellRun(x: 7, y: 0, cells: [Cell("Z")]),
            CellRun(x: 0, y: 2, cells: [Cell("Q")]),
        ])
        #expect(before.applying(runs) == after)
    }

    @Test("a style change alone is a change")
    func styleChange() {
        let before = CellBuffer(lines: ["abc"])
        var after = before
        after.setStyle(Style(foreground: .red, bold: true), in: Rect(x: 1, y: 0, width: 1, height: 1))
        let runs = FrameDiff.runs(from: before, to: after, screen: Size(width: 3, height: 1))
        #expect(runs == [CellRun(x: 1, y: 0, cells: [Cell("b", style: Style(foreground: .red, bold: true))])])
    }

    @Test("a frame of another size is redrawn in full")
    func sizeChange() {
        let before = CellBuffer(lines: ["abc", "def"])
        let after = CellBuffer(lines: ["abc", "def", "ghi"])
        let runs = FrameDiff.runs(from: before, to: after, screen: screen)
        #expect(runs.count == 3)
        #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 3 })
    }

    @Test("cells beyond the screen are clipped, never written past the right edge")
    func clipping() {
        let wide = CellBuffer(lines: ["0123456789AB", "0123456789AB", "0123456789AB", "0123456789AB"])
        let full = FrameDiff.runs(from: nil, to: wide, screen: screen)
        #expect(full.count == 3)
        #expect(full.allSatisfy { $0.x + $0.cells.count <= screen.width })
        var changed = wide
        changed.write("xyz", x: 6, y: 1)
        changed.write("!", x: 2, y: 3)
        let runs = FrameDiff.runs(from: wide, to: changed, screen: screen)
        #expect(runs == [CellRun(x: 6, y: 1, cells: [Cell("x"), Cell("y")])])
    }

    @Test("an empty screen or buffer writes nothing")
    func empty() {
        #expect(FrameDiff.runs(from: nil, to: CellBuffer(lines: ["a"]), screen: Size(width: 0, height: 5)).isEmpty)
        #expect(FrameDiff.runs(from: nil, to: CellBuffer(size: Size(width: 0, height: 0)), screen: screen).isEmpty)
    }

    @Test("applying the runs to the previous frame always gives the next", arguments: 0..<20)
    func roundTrip(seed: Int) {
        var generator = SplitMix(seed: UInt64(seed))
        let size = Size(width: 13, height: 5)
        let before = randomFrame(size: size, using: &generator)
        let after = randomFrame(size: size, using: &generator)
        let runs = FrameDiff.runs(from: before, to: after, screen: size)
        #expect(before.applying(runs) == after)
        let differing = zip(before.cells, after.cells).filter { $0 != $1 }.count
        #expect(runs.map(\.cells.count).reduce(0, +) == differing)
    }

    private func randomFrame(size: Size, using generator: inout SplitMix) -> CellBuffer {
        var frame = CellBuffer(size: size)
        let characters: [Character] = ["a", "b", "░", "█"]
        let styles = [Style.plain, Style(foreground: .red), Style(reverse: true)]
        for y in 0..<size.height {
            for x in 0..<size.width where generator.next() % 3 == 0 {
                frame[x, y] = Cell(characters[Int(generator.next() % 4)], style: styles[Int(generator.next() % 3)])
            }
        }
        return frame
    }
}

/// A small seeded generator, so random cases repeat exactly.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
