import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished child process left: its exit status and everything it printed.
public struct ProcessResult: Sendable {
    /// The exit code, or 128 plus the signal number when a signal ended it.
    public let status: Int32
    public let standardOutput: [UInt8]
    public let standardError: String

    public var output: String { String(decoding: standardOutput, as: UTF8.self) }
}

/// A failure to start a child process at all.
public struct ProcessRunnerError: Error, CustomStringConvertible {
    public let description: String
}

/// Runs programs to completion with `posix_spawn`.
///
/// Swift Testing runs tests on threads that block signals, and a child inherits its parent's
/// signal mask; the child here starts with an empty mask and default handlers, as from a shell.
/// Output goes through temporary files rather than pipes, so no reader thread is needed.
public enum ProcessRunner {
    /// Runs `executable` with `arguments`, feeding it `standardInput`, and waits for it.
    public static func run(_ executable: String, _ arguments: [String],
                           standardInput: [UInt8] = []) throws -> ProcessResult {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let (inPath, outPath, errPath) = (scratch.path("stdin"), scratch.path("stdout"), scratch.path("stderr"))
        try scratch.write(standardInput, to: "stdin")

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        sigdelset(&allSignals, SIGKILL)
        sigdelset(&allSignals, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }

        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environment)
        guard spawned == 0 else {
            throw ProcessRunnerError(description: "Cannot run \(executable): \(String(cString: strerror(spawned))).")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                throw ProcessRunnerError(description: "Cannot wait for \(executable): \(String(cString: strerror(errno))).")
            }
        }
        // The wait status: the exit code in bits 8-15, or the signal in bits 0-6.
        let signal = status & 0x7F
        return ProcessResult(status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal,
                             standardOutput: scratch.bytes("stdout") ?? [],
                             standardError: String(decoding: scratch.bytes("stderr") ?? [], as: UTF8.self))
    }
}
