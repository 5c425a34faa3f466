import AtrousScreen
import Testing
@testable import AtrousTerminal

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("Memory screen")
struct MemoryScreenTests {
    @Test("scripted events arrive in order, then the input ends")
    func events() throws {
        let screen = MemoryScreen(size: Size(width: 10, height: 4), events: [.key(.character("j")), .tick])
        screen.send(.mouse(MouseEvent(x: 2, y: 1, kind: .press(button: 1))))
        #expect(try screen.nextEvent(timeoutMilliseconds: nil) == .key(.character("j")))
        #expect(try screen.nextEvent(timeoutMilliseconds: 100) == .tick)
        #expect(try screen.nextEvent(timeoutMilliseconds: nil) == .mouse(MouseEvent(x: 2, y: 1, kind: .press(button: 1))))
        #expect(try screen.nextEvent(timeoutMilliseconds: nil) == nil)
        #expect(screen.requestedTimeouts == [nil, 100, nil, nil])
    }

    @Test("a scripted stop signal is thrown where it comes")
    func stopSignal() throws {
        let screen = MemoryScreen(size: Size(width: 10, height: 4))
        screen.send(.event(.key(.up)), .stop(StopSignal(number: SIGTERM)))
        #expect(try screen.nextEvent(timeoutMilliseconds: nil) == .key(.up))
        #expect(throws: StopSignal(number: SIGTERM)) { try screen.nextEvent(timeoutMilliseconds: nil) }
    }

    @Test("frames are recorded with the cells a terminal would write")
    func drawing() {
        let screen = MemoryScreen(size: Size(width: 6, height: 2))
        let first = CellBuffer(lines: ["┌────┐", "└────┘"])
        screen.draw(first)
        #expect(screen.lastChanges.count == 2)
        var second = first
        second.write("ab", x: 2, y: 1, style: Style(bold: true))
        screen.draw(second)
        #expect(screen.lastChanges == [CellRun(x: 2, y: 1, cells: [Cell("a", style: Style(bold: true)),
                                                                     Cell("b", style: Style(bold: true))])])
        #expect(screen.frames == [first, second])
        #expect(screen.display == second)
    }

    @Test("a resize changes the size and forces a full redraw")
    func resize() throws {
        let screen = MemoryScreen(size: Size(width: 4, height: 2), events: [.resize(width: 6, height: 3)])
        let frame = CellBuffer(lines: ["abcd", "efgh"])
        screen.draw(frame)
        #expect(try screen.nextEvent(timeoutMilliseconds: nil) == .resize(width: 6, height: 3))
        #expect(screen.size == Size(width: 6, height: 3))
        let larger = CellBuffer(lines: ["abcd", "efgh", "ijkl"], width: 6)
        screen.draw(larger)
        #expect(screen.lastChanges.count == 3)
        #expect(screen.display == larger)
    }

    @Test("what is shown is clipped to the screen")
    func clipped() {
        let screen = MemoryScreen(size: Size(width: 3, height: 1))
        screen.draw(CellBuffer(lines: ["abcdef", "ghijkl"]))
        #expect(screen.display == CellBuffer(lines: ["abc"]))
    }
}
