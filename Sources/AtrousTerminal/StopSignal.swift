#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A signal whose default action ends the program: SIGTERM, SIGINT, SIGHUP, SIGQUIT, and the
/// ones a program rarely expects (SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU,
/// SIGXFSZ), which would otherwise leave the terminal in full-screen mode.
///
/// The terminal layer turns such a signal into this error at the next event, so the program
/// unwinds normally, the terminal is restored, and only then does the program exit.
public struct StopSignal: Error, Hashable, Sendable, CustomStringConvertible {
    /// The signal number, as `kill -l` numbers it.
    public let number: Int32

    public init(number: Int32) { self.number = number }

    /// The signals that stop the program, with their conventional names.
    static let names: [(number: Int32, name: StaticString)] = [
        (SIGTERM, "SIGTERM"), (SIGINT, "SIGINT"), (SIGHUP, "SIGHUP"), (SIGQUIT, "SIGQUIT"), (SIGPIPE, "SIGPIPE"),
        (SIGUSR1, "SIGUSR1"), (SIGUSR2, "SIGUSR2"), (SIGALRM, "SIGALRM"), (SIGVTALRM, "SIGVTALRM"),
        (SIGXCPU, "SIGXCPU"), (SIGXFSZ, "SIGXFSZ"),
    ]

    /// The signals that stop the program.
    public static let handled: [Int32] = names.map(\.number)

    /// The conventional name, such as `SIGTERM`.
    public var name: String {
        Self.names.first { $0.number == number }.map { "\($0.name)" } ?? "signal \(number)"
    }

    /// The exit status shells use for a program ended by this signal: 128 plus its number.
    public var exitCode: Int32 { 128 + number }

    public var description: String { "stopped by \(name)." }
}
