#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A signal that asks the program to stop (SIGTERM, SIGINT, SIGHUP or SIGQUIT).
///
/// The terminal layer turns such a signal into this error at the next event, so the program
/// unwinds normally, the terminal is restored, and only then does the program exit.
public struct StopSignal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The signal number, as `kill -l` numbers it.
    public let number: Int32

    public init(number: Int32) { self.number = number }

    /// The signals that stop the program.
    public static let handled: [Int32] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT]

    /// The conventional name, such as `SIGTERM`.
    public var name: String {
        switch number {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case SIGHUP: "SIGHUP"
        case SIGQUIT: "SIGQUIT"
        default: "signal \(number)"
        }
    }

    /// The exit status shells use for a program ended by this signal: 128 plus its number.
    public var exitCode: Int32 { 128 + number }

    public var description: String { "stopped by \(name)." }
}
