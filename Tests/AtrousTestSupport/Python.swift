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

    /// Whether a `python3` on `PATH` imports NumPy.
    static var isNumpyImportable: Bool { numpyInterpreter != nil }

    /// Whether the tests that need NumPy run: when it is there, or when it is required
    /// (`ATROUS_REQUIRE_PYTHON`), so that they fail rather than skip where it is missing.
    public static var hasNumpy: Bool { canImport("numpy") }

    /// Runs a Python script with NumPy and returns what it printed.
    public static func run(_ script: String, arguments: [String] = []) throws -> ProcessResult {
        guard let interpreter = numpyInterpreter else {
            throw ProcessRunnerError(description: "No python3 with NumPy is available.")
        }
        return try ProcessRunner.run(interpreter, ["-c", script] + arguments)
    }
}
