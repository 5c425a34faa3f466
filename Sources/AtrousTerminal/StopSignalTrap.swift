#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import CNcurses

/// The stop signal that arrived and has not been reported yet, or 0.
///
/// Written only by the signal handler and read by the event loop. Exclusivity checking is off
/// because the checker itself is not async-signal-safe and would flag the handler
/// interrupting a read on the same thread.
@exclusivity(unchecked) nonisolated(unsafe) private var pendingStopSignal: sig_atomic_t = 0

/// How many stop signals arrived since `install`; only the handler writes it after that.
@exclusivity(unchecked) nonisolated(unsafe) private var stopSignalCount: sig_atomic_t = 0

/// Catches every signal that would end the program (``StopSignal/handled``) while the terminal
/// is in full-screen mode.
///
/// The handler only records the signal (the one async-signal-safe thing to do); the event
/// loop polls for it and throws `StopSignal`, so the program unwinds and restores the terminal
/// before exiting. A second stop signal means the program did not stop after the first (it is
/// stuck, or slow to save): the handler then restores the terminal itself and exits at once.
enum StopSignalTrap {
    /// The actions that were in place before `install`, to put back afterwards.
    typealias PreviousActions = [(signal: Int32, action: sigaction)]

    /// Installs the recording handler for every stop signal.
    ///
    /// Install it before `newterm`: ncurses leaves alone the signals that already have a
    /// handler, instead of installing its own that exits without telling the program.
    static func install() -> PreviousActions {
        pendingStopSignal = 0
        stopSignalCount = 0
        return StopSignal.handled.map { signal in
            // No SA_RESTART: a blocking read returns early, so the loop notices sooner.
            var action = atrous_signal_action({ number in
                if stopSignalCount > 0 { EmergencyRestore.restoreAndExit(stoppedBy: number) }
                stopSignalCount += 1
                pendingStopSignal = number
            }, 0)
            var previous = sigaction()
            sigaction(signal, &action, &previous)
            return (signal, previous)
        }
    }

    /// Puts back the actions `install` replaced.
    static func restore(_ previous: PreviousActions) {
        for (signal, action) in previous {
            var action = action
            sigaction(signal, &action, nil)
        }
    }

    /// The stop signal that arrived since the last call, if any.
    static func takePending() -> StopSignal? {
        let number = pendingStopSignal
        guard number != 0 else { return nil }
        pendingStopSignal = 0
        return StopSignal(number: number)
    }
}
