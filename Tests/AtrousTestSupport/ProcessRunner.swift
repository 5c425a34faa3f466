import AtrousProcess
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

/// Runs programs to completion through ``ChildProcess`` and collects what they printed.
///
/// Swift Testing runs tests on threads that block signals, and a child inherits its parent's
/// signal mask; ``ChildProcess`` starts it with an empty mask and default handlers, as from a
/// shell. Output goes through temporary files rather than pipes, so no reader thread is needed.
public enum ProcessRunner {
    /// Runs `executable` with `arguments`, feeding it `standardInput`, and waits for it.
    public static func run(_ executable: String, _ arguments: [String],
                           standardInput: [UInt8] = []) throws -> ProcessResult {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let (inPath, outPath, errPath) = (scratch.path("stdin"), scratch.path("stdout"), scratch.path("stderr"))
        try scratch.write(standardInput, to: "stdin")

        let child: ChildProcess
        do {
            child = try ChildProcess.run(executable, arguments, standardInput: inPath, standardOutput: outPath,
                                         standardError: errPath)
        } catch {
            throw ProcessRunnerError(description: error.description)
        }
        return ProcessResult(status: child.status,
                             standardOutput: scratch.bytes("stdout") ?? [],
                             standardError: String(decoding: scratch.bytes("stderr") ?? [], as: UTF8.self))
    }
}
