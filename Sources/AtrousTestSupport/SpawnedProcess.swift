import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts child processes the way a shell would, even from a test thread.
///
/// Test threads block almost every signal, and children inherit that mask: a program started
/// with Foundation's `Process` would then never see SIGWINCH or SIGTERM. Children are started
/// with `posix_spawnp` instead, with an empty signal mask and default signal actions, and
/// reaped with `waitpid`.
public enum SpawnedProcess {
    /// How a child process ended, and what it printed.
    public struct Result: Sendable, Equatable {
        /// The exit code, or 128 plus the signal number when a signal ended the process (as a
        /// shell reports it).
        public var status: Int32
        /// The signal that ended the process, if one did.
        public var signal: Int32?
        public var standardOutput: String
        public var standardError: String

        public init(status: Int32, signal: Int32?, standardOutput: String, standardError: String) {
            self.status = status
            self.signal = signal
            self.standardOutput = standardOutput
            self.standardError = standardError
        }
    }

    /// Why a child process could not be run.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts `arguments[0]` (looked up on PATH) and returns its process id.
    ///
    /// - Parameters:
    ///   - arguments: the program and its arguments.
    ///   - environment: the complete environment of the child.
    ///   - standardInput: the file opened as descriptor 0; `/dev/null` when nil.
    ///   - standardOutput: the file created as descriptor 1; `/dev/null` when nil.
    ///   - standardError: the file created as descriptor 2; `/dev/null` when nil.
    /// - Throws: `Failure` when the program cannot be started.
    public static func spawn(_ arguments: [String], environment: [String: String],
                             standardInput: String? = nil, standardOutput: String? = nil,
                             standardError: String? = nil) throws -> pid_t {
        guard let program = arguments.first else { throw Failure(description: "No program to run.") }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let created = O_WRONLY | O_CREAT | O_TRUNC
        posix_spawn_file_actions_addopen(&actions, 0, standardInput ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput ?? "/dev/null", created, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, standardError ?? "/dev/null", created, 0o600)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let error = posix_spawnp(&pid, program, &actions, &attributes, argv, envp)
        guard error == 0 else {
            throw Failure(description: "Cannot start \(program): \(String(cString: strerror(error))).")
        }
        return pid
    }

    /// Waits for `pid` to end, killing it after `timeout` seconds.
    ///
    /// - Returns: the exit code (128 plus the signal number for a signal) and the signal.
    /// - Throws: `Failure` when the process had to be killed.
    public static func wait(for pid: pid_t, timeout: Double) throws -> (status: Int32, signal: Int32?) {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR {
                throw Failure(description: "Cannot wait for process \(pid): \(String(cString: strerror(errno))).")
            }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw Failure(description: "Process \(pid) did not finish within \(timeout) seconds and was killed.")
            }
            usleep(5_000)
        }
        // The <sys/wait.h> macros do not import: decode the status word by hand.
        let signal = status & 0x7F
        return signal == 0 ? ((status >> 8) & 0xFF, nil) : (128 + signal, signal)
    }

    /// The current environment with `overrides` applied; a nil value removes a variable.
    public static func environment(_ overrides: [String: String?] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for (name, value) in overrides { environment[name] = value }
        return environment
    }
}

/// Runs a program to completion and collects its output.
///
/// Output goes to temporary files rather than pipes, so a program that fills one stream
/// while the other is being read cannot deadlock.
///
/// - Parameters:
///   - arguments: the program (looked up on PATH) and its arguments.
///   - standardInput: text fed to the program.
///   - environment: overrides of the current environment; a nil value removes a variable.
///   - timeout: seconds before the program is killed.
/// - Throws: `SpawnedProcess.Failure` when the program cannot start or does not finish in time.
public func runProcess(_ arguments: [String], standardInput: String = "",
                       environment: [String: String?] = [:], timeout: Double = 60) throws -> SpawnedProcess.Result {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("atrous-process-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("stdin").path
    let output = directory.appendingPathComponent("stdout").path
    let errors = directory.appendingPathComponent("stderr").path
    try Data(standardInput.utf8).write(to: URL(fileURLWithPath: input))
    let pid = try SpawnedProcess.spawn(arguments, environment: SpawnedProcess.environment(environment),
                                       standardInput: input, standardOutput: output, standardError: errors)
    let (status, signal) = try SpawnedProcess.wait(for: pid, timeout: timeout)
    func read(_ path: String) -> String {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
    return SpawnedProcess.Result(status: status, signal: signal, standardOutput: read(output),
                                 standardError: read(errors))
}
