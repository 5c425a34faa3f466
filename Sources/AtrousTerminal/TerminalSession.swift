#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CNcurses

/// Whether a session is open, for the exit hook.
@exclusivity(unchecked) nonisolated(unsafe) private var sessionIsOpen = false
/// Whether the exit hook is registered; it is registered once per process.
@exclusivity(unchecked) nonisolated(unsafe) private var exitHookRegistered = false

/// Full-screen mode for the length of a closure, with the terminal restored on every way out.
///
/// - Normal return and thrown errors: `endwin` runs before `run` returns or rethrows, so the
///   caller prints errors onto a normal terminal.
/// - A signal that ends the program (`StopSignal.handled`: SIGTERM, SIGINT, SIGPIPE, SIGUSR1...):
///   the next `nextEvent` throws `StopSignal`, which unwinds
///   through `run` like any error. A second such signal restores the terminal and exits at
///   once.
/// - `exit()` called inside the closure: an exit hook ends full-screen mode.
/// - A crash (trap, fault, abort): the signal handler restores the terminal settings and
///   leaves the alternate screen before the runtime reports the crash.
public enum TerminalSession {
    /// Runs `body` with the terminal in full-screen mode.
    ///
    /// - Parameters:
    ///   - environment: looks up environment variables (`TERM`, `NO_COLOR`); the process
    ///     environment by default.
    ///   - body: the program loop, given the screen to draw on and read from.
    /// - Returns: what `body` returns.
    /// - Throws: `TerminalError` when there is no interactive terminal, `StopSignal` when a
    ///   stop signal arrived, and whatever `body` throws; always after restoring the terminal.
    public static func run<T>(environment: (String) -> String? = processEnvironment,
                              _ body: (NcursesScreen) throws -> T) throws -> T {
        let previousStopActions = StopSignalTrap.install()
        defer { StopSignalTrap.restore(previousStopActions) }
        EmergencyRestore.saveSettings()
        let screen = try NcursesScreen(environment: environment)
        registerExitHook()
        EmergencyRestore.installCrashHandlers()
        sessionIsOpen = true
        defer {
            sessionIsOpen = false
            screen.close()
            EmergencyRestore.removeCrashHandlers()
            EmergencyRestore.clear()
        }
        return try body(screen)
    }

    /// Reads a variable from the process environment.
    public static func processEnvironment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Makes `exit()` inside a session leave full-screen mode first.
    private static func registerExitHook() {
        guard !exitHookRegistered else { return }
        exitHookRegistered = true
        atexit {
            if sessionIsOpen { endwin() }
        }
    }
}

/// Runs the interactive program in full-screen mode, the way the `atrous` command does.
///
/// Like `TerminalSession.run`, and in addition a stop signal ends the process once the
/// terminal is restored: it prints one sentence to standard error (`atrous: stopped by
/// SIGTERM.`) and exits with 128 plus the signal number, as shells expect.
///
/// - Parameters:
///   - environment: looks up `TERM` and `NO_COLOR`; the process environment by default, or
///     one that adds `NO_COLOR` for a `--no-color` flag.
///   - lastWords: lines to print before the signal's sentence, once the terminal is restored
///     (what the program did on its way out, such as a recording written).
/// - Throws: `TerminalError` when there is no interactive terminal, and whatever `body`
///   throws, after restoring the terminal.
public func withTerminal<T>(environment: (String) -> String? = TerminalSession.processEnvironment,
                            lastWords: () -> [String] = { [] },
                            _ body: (NcursesScreen) throws -> T) throws -> T {
    do {
        return try TerminalSession.run(environment: environment, body)
    } catch let signal as StopSignal {
        let lines = lastWords().map { "atrous: \($0)\n" }.joined()
        let message = Array((lines + "atrous: \(signal.description)\n").utf8)
        _ = message.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        exit(signal.exitCode)
    }
}
