import AtrousScreen
import AtrousTerminal
import Testing

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A tiny full-screen program on `NcursesScreen`, for the end-to-end tests in tmux.
///
/// The package has no executable to spare for this, so the test binary itself is the
/// program: the end-to-end tests start it in tmux with `ATROUS_TERMINAL_PROBE` set and a filter
/// that selects `run`. It draws a box over the whole screen with shades, colours and
/// attributes, shows its size, process id and the last event, and quits on `q`. Stop signals
/// and errors take the same path as in `atrous`: `withTerminal`. Three keys leave by the
/// other ways out: `E` calls `exit(7)`, `!` crashes, `S` stops polling for ten seconds.
@Suite("Terminal probe")
struct TerminalProbe {
    static let environmentVariable = "ATROUS_TERMINAL_PROBE"
    static var isRequested: Bool { getenv(environmentVariable) != nil }

    @Test("the full-screen probe program", .enabled(if: TerminalProbe.isRequested))
    func run() {
        do {
            var lastEvent = "none", ticks = 0
            try withTerminal { screen in
                screen.draw(Self.frame(size: screen.size, lastEvent: lastEvent, ticks: ticks, pid: getpid()))
                while let event = try screen.nextEvent(timeoutMilliseconds: 300) {
                    switch event {
                    case .key(.character("q")): return
                    case .key(.character("E")): exit(7)
                    case .key(.character("!")): fatalError("The probe crashes on purpose.")
                    case .key(.character("S")): Self.stall(on: screen, pid: getpid())
                    case .tick: ticks += 1
                    default: lastEvent = Self.describe(event)
                    }
                    screen.draw(Self.frame(size: screen.size, lastEvent: lastEvent, ticks: ticks, pid: getpid()))
                }
            }
            exit(0)
        } catch {
            let message = Array("\(error)\n".utf8)
            _ = message.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            exit(1)
        }
    }

    /// Sleeps for ten seconds without polling for events, as a stuck program would, after
    /// showing `busy` so a test knows it has begun.
    static func stall(on screen: some TerminalScreen, pid: Int32) {
        screen.draw(frame(size: screen.size, lastEvent: "busy", ticks: 0, pid: pid))
        for _ in 0..<100 { usleep(100_000) }
    }

    static let red = Style(foreground: .red), green = Style(foreground: .green, bold: true),
               orange = Style(foreground: .indexed(208)), onBlue = Style(foreground: .brightWhite, background: .blue)

    /// The probe's screen: a box on the edges, lines of text inside.
    static func frame(size: Size, lastEvent: String, ticks: Int, pid: Int32) -> CellBuffer {
        var buffer = CellBuffer(size: size)
        let (w, h) = (size.width, size.height)
        guard w >= 2, h >= 2 else { return buffer }
        buffer.write("┌" + String(repeating: "─", count: w - 2) + "┐", x: 0, y: 0)
        buffer.write("└" + String(repeating: "─", count: w - 2) + "┘", x: 0, y: h - 1)
        for y in 1..<(h - 1) {
            buffer.write("│", x: 0, y: y)
            buffer.write("│", x: w - 1, y: y)
        }
        let inside = Rect(x: 2, y: 1, width: w - 4, height: h - 2)
        buffer.write("atrous terminal probe", x: 2, y: 1, clip: inside)
        buffer.write("size \(size) pid \(pid)", x: 2, y: 2, clip: inside)
        var x = buffer.write("shades ", x: 2, y: 3, clip: inside)
        for style in [red, green, orange, onBlue] { x = buffer.write("░▒▓█", x: x, y: 3, style: style, clip: inside) }
        x = buffer.write("bold", x: 2, y: 4, style: Style(bold: true), clip: inside) + 1
        x = buffer.write("dim", x: x, y: 4, style: Style(dim: true), clip: inside) + 1
        x = buffer.write("reverse", x: x, y: 4, style: Style(reverse: true), clip: inside) + 1
        buffer.write("underline", x: x, y: 4, style: Style(underline: true), clip: inside)
        buffer.write("last \(lastEvent)", x: 2, y: 5, clip: inside)
        buffer.write("ticks \(ticks)", x: 2, y: 6, clip: inside)
        return buffer
    }

    /// A short, stable description of an event for the screen.
    static func describe(_ event: InputEvent) -> String {
        switch event {
        case let .key(key): "key \(key)"
        case let .mouse(mouse): "mouse \(mouse.kind) at \(mouse.x),\(mouse.y)"
        case let .resize(width, height): "resize \(width)x\(height)"
        case .tick: "tick"
        }
    }
}
