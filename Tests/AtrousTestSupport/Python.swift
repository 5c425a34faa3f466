import Foundation

/// The `python3` with NumPy that some interoperability tests use when the machine has it.
public enum Python {
    /// The interpreter's path, or nil when no `python3` on `PATH` can import NumPy.
    public static let numpyInterpreter: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/python3"
            guard FileManager.default.isExecutableFile(atPath: candidate),
                  let result = try? ProcessRunner.run(candidate, ["-c", "import numpy"]), result.status == 0
            else { continue }
            return candidate
        }
        return nil
    }()

    /// Whether NumPy is available.
    public static var hasNumpy: Bool { numpyInterpreter != nil }

    /// Runs a Python script with NumPy and returns what it printed.
    public static func run(_ script: String, arguments: [String] = []) throws -> ProcessResult {
        guard let interpreter = numpyInterpreter else {
            throw ProcessRunnerError(description: "No python3 with NumPy is available.")
        }
        return try ProcessRunner.run(interpreter, ["-c", script] + arguments)
    }
}
