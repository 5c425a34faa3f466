#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import AtrousScreen
import CNcurses

/// The real terminal, through ncurses: draws cell buffers, reads keys, mouse and resizes.
///
/// Open it with `TerminalSession.run` (or `withTerminal`), which restores the terminal on
/// every way out; it is not meant to be created directly. One exists at a time.
public final class NcursesScreen: TerminalScreen {
    public private(set) var size: Size
    /// The colours in use: a palette, or attributes only.
    public let colorSupport: ColorSupport

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var pairs: ColorPairs
    /// The last frame drawn; nil forces a full redraw.
    private var previous: CellBuffer?
    private var isOpen = true

    /// How long one wait for input lasts at most, so stop signals are noticed promptly.
    private static let pollMilliseconds = 50

    /// Starts full-screen mode on standard input and output.
    ///
    /// - Parameter environment: reads `TERM` and `NO_COLOR`.
    /// - Throws: `TerminalError` when there is no interactive terminal.
    init(environment: (String) -> String?) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        Self.selectUTF8Locale()
        // newterm, unlike initscr, returns nil for an unknown TERM instead of exiting.
        guard let screen = newterm(nil, atrous_standard_output(), atrous_standard_input()) else {
            throw TerminalError.unknownTerminal(term: environment("TERM"))
        }
        // A hard-copy or dumb terminal passes newterm but cannot draw a screen.
        guard let window = atrous_stdscr(), let move = tigetstr("cup"), Int(bitPattern: move) != -1 else {
            endwin()
            delscreen(screen)
            throw TerminalError.cursorNotAddressable(term: environment("TERM") ?? "")
        }
        self.screen = screen
        self.window = window

        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        colorSupport = Self.startColors(noColor: environment("NO_COLOR"))
        pairs = ColorPairs(support: colorSupport)
        let mouse = mousemask(MouseDecoder.reportedEvents, nil) != 0
        mouseinterval(0)
        EmergencyRestore.prepareResetSequence(mouse: mouse)
        size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Leaves full-screen mode and frees ncurses' screen. Safe to call twice.
    func close() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        delscreen(screen)
    }

    deinit { close() }

    // MARK: - Drawing

    public func draw(_ buffer: CellBuffer) {
        let fullRedraw = previous?.size != buffer.size
        if fullRedraw { werase(window) }
        for run in FrameDiff.runs(from: fullRedraw ? nil : previous, to: buffer, screen: size) {
            put(run)
        }
        wattr_set(window, atrous_attribute_normal(), 0, nil)
        wnoutrefresh(window)
        doupdate()
        previous = buffer
    }

    /// Writes one run, one ncurses call per stretch of equally styled cells.
    private func put(_ run: CellRun) {
        var start = 0
        while start < run.cells.count {
            let style = run.cells[start].style
            var end = start + 1
            while end < run.cells.count, run.cells[end].style == style { end += 1 }
            let text = String(run.cells[start..<end].map { TerminalCharacter.safe($0.character) })
            let resolved = pairs.resolve(style)
            if let colors = resolved.newPair { init_pair(resolved.pair, colors.foreground, colors.background) }
            wattr_set(window, attributes(resolved.attributes), resolved.pair, nil)
            // The bottom-right cell reports ERR (the cursor cannot advance) but is drawn.
            _ = mvwaddstr(window, Int32(run.y), Int32(run.x + start), text)
            start = end
        }
    }

    private func attributes(_ set: TextAttributes) -> attr_t {
        var bits = atrous_attribute_normal()
        if set.contains(.bold) { bits |= atrous_attribute_bold() }
        if set.contains(.dim) { bits |= atrous_attribute_dim() }
        if set.contains(.reverse) { bits |= atrous_attribute_reverse() }
        if set.contains(.underline) { bits |= atrous_attribute_underline() }
        return bits
    }

    // MARK: - Events

    public func nextEvent(timeoutMilliseconds: Int?) throws -> InputEvent? {
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds.map { clock.now + .milliseconds(max(0, $0)) }
        var earlyTimeouts = 0
        while true {
            if let signal = StopSignalTrap.takePending() { throw signal }
            let started = clock.now
            let left = deadline.map { Self.milliseconds(until: $0, from: started) } ?? Self.pollMilliseconds
            let wait = min(left, Self.pollMilliseconds)
            wtimeout(window, Int32(wait))
            var code: wint_t = 0
            switch wget_wch(window, &code) {
            case OK:
                if code == Self.suspendCharacter { return suspend() }
                if let key = KeyDecoder.key(forCharacter: code) { return .key(key) }
            case KEY_CODE_YES:
                if let event = event(forKeyCode: Int32(code)) { return event }
            default:
                if let deadline, clock.now >= deadline { return .tick }
                // A wait that ends at once, again and again, means standard input has closed.
                let waited = started.duration(to: clock.now)
                if wait >= 20, waited < .milliseconds(wait / 2) { earlyTimeouts += 1 } else { earlyTimeouts = 0 }
                if earlyTimeouts >= 3 { return nil }
            }
        }
    }

    /// Ctrl-Z, which raw mode delivers as a character instead of sending SIGTSTP.
    private static let suspendCharacter: wint_t = 0x1A

    /// Ctrl-Z: gives the terminal back as it was before the explorer started and stops the
    /// program, as the shell's job control expects; on `fg` (SIGCONT) takes the terminal again.
    ///
    /// - Returns: a resize to the terminal's current size, which may have changed meanwhile,
    ///   so the next frame repaints every cell.
    private func suspend() -> InputEvent {
        endwin()
        // SIGTSTP's default action stops the process; whatever handles it otherwise steps aside.
        var stop = atrous_signal_action(SIG_DFL, 0)
        var previousAction = sigaction()
        sigaction(SIGTSTP, &stop, &previousAction)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &previousAction, nil)
        // Running again: the next refresh returns to full-screen mode, here redrawn from scratch.
        reset_prog_mode()
        _ = mousemask(MouseDecoder.reportedEvents, nil)
        clearok(window, true)
        previous = nil
        wrefresh(window)
        size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        return .resize(width: size.width, height: size.height)
    }

    private func event(forKeyCode code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
            previous = nil
            // After a resize the terminal's contents are unknown: repaint all of it.
            clearok(window, true)
            return .resize(width: size.width, height: size.height)
        case KEY_MOUSE:
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            return MouseDecoder.event(x: report.x, y: report.y, state: report.bstate).map(InputEvent.mouse)
        default:
            return KeyDecoder.key(forKeyCode: code).map(InputEvent.key)
        }
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant, from now: ContinuousClock.Instant) -> Int {
        let left = now.duration(to: deadline).components
        return max(0, Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000))
    }

    // MARK: - Setup

    /// Uses the user's locale, falling back to C.UTF-8 for characters when that locale is not
    /// UTF-8: box drawing and shades would otherwise print as bytes.
    private static func selectUTF8Locale() {
        setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" else { return }
        setlocale(LC_CTYPE, "C.UTF-8")
    }

    private static func startColors(noColor: String?) -> ColorSupport {
        // With NO_COLOR, not even start_color: it resets the terminal's colours.
        guard noColor?.isEmpty ?? true, has_colors() else { return .monochrome }
        start_color()
        let defaultColors = use_default_colors() == OK
        return ColorSupport.detect(hasColors: true, colors: Int(atrous_colors()), pairs: Int(atrous_color_pairs()),
                                   defaultColors: defaultColors, noColor: noColor)
    }
}
