import AtrousExplorer
import AtrousRender
import AtrousProcess
import Foundation

/// The start-up of the real program: `atrous render` on the default session, from starting
/// the process to its exit, and the most memory it holds on the way.
public struct StartUpWorkload: Sendable {
    /// The `atrous` executable to start; nil for the running program's own.
    public var executable: String?

    public init(executable: String? = nil) {
        self.executable = executable
    }

    /// The frame `atrous render` prints with no options: the default session at 80x24, as text.
    static let arguments = ["render"]
    static let size = Size(width: 80, height: 24)

    /// The report key of the largest resident set of any timed run, in MiB.
    public static let memoryKey = "default_session_max_rss_mb"

    /// A figure that times `atrous render` from `posix_spawn` to the end of `wait4`, reads the
    /// child's largest resident set from `wait4`, and checks that the last run exited with 0 and
    /// printed exactly the frame this process renders for the default session.
    public func figure(name: String, repetitions: Int) -> BenchFigure {
        let workload = self
        return BenchFigure(name: name, summary: "start-up to first frame: atrous render, default session, 80x24",
                           flops: nil, repetitions: repetitions) {
            try workload.prepare()
        }
    }

    private func prepare() throws -> PreparedWork {
        guard let executable = executable ?? ChildProcess.currentExecutable else {
            throw BenchError.spawnFailed(executable: "atrous", reason: "the running program's path is unknown")
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("atrous-bench-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: false)
        let (outputPath, errorPath) = (scratch.appendingPathComponent("frame.txt").path,
                                       scratch.appendingPathComponent("errors.txt").path)
        let expected = render(ExplorerState(), size: Self.size, colors: false).text + "\n"
        ChildProcess.shrinkOwnPeakResidentSet()
        // A child's number is its own only when above this process's (see ``ChildProcess``).
        let own = ChildProcess.ownResidentBytes ?? 0
        var last: ChildProcess?
        var largest = 0
        return PreparedWork(
            run: {
                let child: ChildProcess
                do {
                    child = try ChildProcess.run(executable, Self.arguments, standardOutput: outputPath,
                                                 standardError: errorPath)
                } catch let failure as ChildProcess.Failure {
                    throw BenchError.spawnFailed(executable: failure.executable, reason: failure.reason)
                }
                largest = max(largest, child.maxResidentBytes)
                last = child
            },
            check: {
                defer { try? FileManager.default.removeItem(at: scratch) }
                guard let last else { return "\(executable) never ran" }
                let printed = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
                guard last.status == 0 else {
                    let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
                    return "\(executable) render exited with status \(last.status)"
                        + (errors.isEmpty ? "" : ": " + errors.trimmingCharacters(in: .whitespacesAndNewlines))
                }
                guard printed == expected else {
                    return "\(executable) render printed \(printed.utf8.count) bytes that are not the default session's frame"
                }
                return nil
            },
            readings: {
                [Reading(key: Self.memoryKey, value: Double(largest) / 1_048_576,
                         summary: "largest resident set of atrous render on the default session, MiB"
                            + (largest <= max(own, ChildProcess.ownResidentBytes ?? 0) ? " (at most: the benchmark itself was as large when it started it)" : ""))]
            })
    }
}
