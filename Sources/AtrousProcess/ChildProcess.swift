import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One run of a program to its end, with what the system says it used.
public struct ChildProcess: Sendable {
    /// The exit code, or 128 plus the signal number when a signal ended it.
    public let status: Int32
    /// The largest resident set the child reached, in bytes.
    public let maxResidentBytes: Int

    /// Why a program could not be run at all; one sentence.
    public struct Failure: Error, CustomStringConvertible {
        public let executable: String
        public let reason: String
        public var description: String { "Cannot run \(executable): \(reason)." }
    }

    /// Starts `executable` with `arguments` through `posix_spawn`, standard input and output
    /// from and to the files named, then waits for it with `wait4`, which reports the child's
    /// own resource use.
    ///
    /// The child starts with no blocked signals, as from a shell: test runners block them on
    /// their threads, and a mask is inherited.
    ///
    /// - Throws: ``Failure`` when the program cannot start or be waited for.
    public static func run(_ executable: String, _ arguments: [String], standardInput: String = "/dev/null",
                           standardOutput: String, standardError: String) throws(Failure) -> ChildProcess {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

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
            throw Failure(executable: executable, reason: String(cString: strerror(spawned)))
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { throw Failure(executable: executable, reason: String(cString: strerror(errno))) }
        }
        return ChildProcess(status: Self.exitCode(status), maxResidentBytes: Self.bytes(maxResidentSet: usage.ru_maxrss))
    }

    /// Lowers this process's recorded peak resident set to its current one, where the system
    /// allows (Linux 4.0 and later).
    ///
    /// `posix_spawn` starts the child in this process's memory until it executes the program,
    /// and Linux then records that memory's peak as the child's own (`exec_mmap`), so without
    /// this a child's `ru_maxrss` is never below the largest this process has ever been.
    public static func shrinkOwnPeakResidentSet() {
        #if os(Linux)
        let file = open("/proc/self/clear_refs", O_WRONLY)
        guard file >= 0 else { return }
        _ = write(file, "5", 1)
        close(file)
        #endif
    }

    /// The resident set of this process now, in bytes, from `/proc/self/statm`; nil elsewhere.
    public static var ownResidentBytes: Int? {
        #if os(Linux)
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return nil
        #endif
    }

    /// The exit code of a `wait` status, or 128 plus the signal that ended the child.
    private static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// `ru_maxrss` in bytes: Linux counts kibibytes, Darwin bytes.
    private static func bytes(maxResidentSet: Int) -> Int {
        #if canImport(Darwin)
        maxResidentSet
        #else
        maxResidentSet * 1024
        #endif
    }

    /// The path of the running program's executable, so that a figure can start a fresh copy
    /// of it; nil when it cannot be told.
    public static var currentExecutable: String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 { return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments.first
    }
}
