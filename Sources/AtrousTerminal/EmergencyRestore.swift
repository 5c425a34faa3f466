#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CNcurses

/// The terminal settings from before full-screen mode, for restoring from a signal handler.
@exclusivity(unchecked) nonisolated(unsafe) private var savedSettings: UnsafeMutablePointer<termios>? = nil

/// The bytes that take the terminal out of full-screen mode, for writing from a signal handler.
@exclusivity(unchecked) nonisolated(unsafe) private var resetSequence: UnsafeMutableBufferPointer<UInt8>? = nil

/// Restores the terminal where `endwin` cannot run: inside a signal handler.
///
/// Everything the handler needs is prepared beforehand (`prepare`), so the restoration itself
/// only calls `tcsetattr`, `write` and `_exit`, which are async-signal-safe. It serves a
/// crash (the program traps or faults while in full-screen mode: the terminal is restored
/// before the runtime prints its report) and a second stop signal.
enum EmergencyRestore {
    /// The signals of a crash, after which the program cannot unwind.
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    /// Records the terminal state to return to; call before `newterm`.
    static func saveSettings() {
        _ = stopSignalNames.count // initialised here, not first inside a handler
        let settings = savedSettings ?? UnsafeMutablePointer<termios>.allocate(capacity: 1)
        guard tcgetattr(STDIN_FILENO, settings) == 0 else {
            settings.deallocate()
            savedSettings = nil
            return
        }
        savedSettings = settings
    }

    /// Records the terminal's own sequences for leaving full-screen mode; call after `newterm`.
    ///
    /// - Parameter mouse: whether mouse reporting was turned on and must be turned off.
    static func prepareResetSequence(mouse: Bool) {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        if mouse { bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8) }
        bytes += Array("\r\n".utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        let old = resetSequence
        resetSequence = buffer
        old?.deallocate()
    }

    /// Forgets the prepared state once the terminal is back to normal.
    static func clear() {
        resetSequence?.deallocate()
        resetSequence = nil
    }

    /// Restores the terminal settings and writes the reset sequence. Async-signal-safe.
    static func restoreTerminal() {
        if let settings = savedSettings { tcsetattr(STDIN_FILENO, TCSANOW, settings) }
        if let reset = resetSequence, let base = reset.baseAddress { _ = write(STDOUT_FILENO, base, reset.count) }
    }

    /// Restores the terminal, says which signal stopped the program, and exits with 128 plus
    /// its number. Async-signal-safe.
    static func restoreAndExit(stoppedBy signal: Int32) -> Never {
        restoreTerminal()
        let prefix: StaticString = "atrous: stopped by "
        let suffix: StaticString = ".\n"
        let name = (Int(signal) < stopSignalNames.count ? stopSignalNames[Int(signal)] : nil) ?? "a signal"
        _ = write(STDERR_FILENO, prefix.utf8Start, prefix.utf8CodeUnitCount)
        _ = write(STDERR_FILENO, name.utf8Start, name.utf8CodeUnitCount)
        _ = write(STDERR_FILENO, suffix.utf8Start, suffix.utf8CodeUnitCount)
        _exit(128 + signal)
    }

    // MARK: - Crash handlers

    /// Installs handlers that restore the terminal on a crash, then pass the signal on to
    /// whatever handled it before (the runtime's backtracer, or the default action).
    static func installCrashHandlers() {
        let previous = UnsafeMutableBufferPointer<sigaction>.allocate(capacity: Int(crashSignals.max() ?? 0) + 1)
        previous.initialize(repeating: sigaction())
        for signal in crashSignals { sigaction(signal, nil, &previous[Int(signal)]) }
        previousCrashActions = previous
        for signal in crashSignals {
            // Reset to the default first, so a fault inside the handler cannot loop.
            var action = atrous_signal_info_action({ signal, info, context in
                EmergencyRestore.restoreTerminal()
                EmergencyRestore.passOn(signal: signal, info: info, context: context)
            }, SA_ONSTACK | Int32(bitPattern: UInt32(SA_RESETHAND)))
            sigaction(signal, &action, nil)
        }
    }

    /// Puts back the crash handlers `installCrashHandlers` replaced.
    static func removeCrashHandlers() {
        guard let previous = previousCrashActions else { return }
        for signal in crashSignals { sigaction(signal, &previous[Int(signal)], nil) }
        previousCrashActions = nil
        previous.deallocate()
    }

    /// Hands a crash signal to the handler that was installed before ours.
    ///
    /// With no earlier handler, returning is enough: SA_RESETHAND already restored the
    /// default action, so the faulting instruction runs again (or abort raises again) and the
    /// default action ends the program.
    private static func passOn(signal: Int32, info: UnsafeMutablePointer<siginfo_t>?,
                               context: UnsafeMutableRawPointer?) {
        guard let actions = previousCrashActions, Int(signal) < actions.count else { return }
        var old = actions[Int(signal)]
        if old.sa_flags & SA_SIGINFO != 0 {
            guard let handler = atrous_signal_action_info_handler(&old) else { return }
            _ = sigaction(signal, &old, nil)
            handler(signal, info, context)
        } else if let handler = atrous_signal_action_handler(&old), unsafeBitCast(handler, to: Int.self) > 1 {
            _ = sigaction(signal, &old, nil)
            handler(signal)
        }
    }
}

/// The names of the stop signals by number, prepared before any handler runs; a signal
/// handler must not search or allocate.
nonisolated(unsafe) private let stopSignalNames: [StaticString?] = {
    var names = [StaticString?](repeating: nil, count: 65)
    for (number, name) in StopSignal.names where Int(number) < names.count { names[Int(number)] = name }
    return names
}()

/// The crash actions that were in place before ours, indexed by signal number.
@exclusivity(unchecked) nonisolated(unsafe) private var previousCrashActions: UnsafeMutableBufferPointer<sigaction>? = nil
