import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The signals sent to another process that it has not taken yet, as Linux publishes them in
/// `/proc/<pid>/status`.
///
/// Two of the same signal sent in a row arrive as one when the first is still pending, so a
/// test that means to send two waits until the first is taken.
public enum PendingSignals {
    /// Whether this system publishes other processes' pending signals.
    public static var arePublished: Bool { FileManager.default.fileExists(atPath: "/proc/self/status") }

    /// Whether `signal` sent to the process `pid` is still waiting to be delivered, or nil when
    /// the process (or its status) is gone.
    public static func isPending(_ signal: Int32, for pid: pid_t) -> Bool? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        // ShdPnd holds the signals sent to the whole process, SigPnd those sent to its main thread.
        var masks: [UInt64] = []
        for line in status.split(separator: "\n") where line.hasPrefix("ShdPnd:") || line.hasPrefix("SigPnd:") {
            guard let mask = UInt64(line.drop { $0 != "\t" }.trimmingCharacters(in: .whitespaces), radix: 16) else {
                return nil
            }
            masks.append(mask)
        }
        guard masks.count == 2 else { return nil }
        return masks.contains { $0 & (1 << UInt64(signal - 1)) != 0 }
    }

    /// Waits until the process `pid` has taken `signal` (or has ended).
    /// - Throws: ``ProcessRunnerError`` when the signal is still pending after `timeout` seconds.
    public static func waitUntilTaken(_ signal: Int32, by pid: pid_t, timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while isPending(signal, for: pid) == true {
            guard Date() < deadline else {
                throw ProcessRunnerError(description: "Process \(pid) did not take signal \(signal) in \(timeout) s.")
            }
            usleep(5_000)
        }
    }
}
