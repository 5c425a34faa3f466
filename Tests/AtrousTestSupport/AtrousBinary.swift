import Foundation

/// The built `atrous` executable, for tests that run it as a user would.
public enum AtrousBinary {
    /// The executable's path: `$ATROUS_BINARY` when set, else beside the running test bundle
    /// (the build products directory), else `.build/debug/atrous` under the package root.
    /// - Throws: ``ProcessRunnerError`` naming every place searched when none holds it.
    public static func path() throws -> String {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["ATROUS_BINARY"] { candidates.append(override) }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("atrous").path)
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("atrous").path)
        }
        candidates.append(Fixtures.packageRoot.appendingPathComponent(".build/debug/atrous").path)
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ProcessRunnerError(description: "The atrous executable is not built; looked in "
                + candidates.joined(separator: ", ") + ". Run `swift build` first.")
        }
        return found
    }

    /// Runs `atrous` with `arguments` and waits for it.
    public static func run(_ arguments: [String], standardInput: [UInt8] = []) throws -> ProcessResult {
        try ProcessRunner.run(path(), arguments, standardInput: standardInput)
    }
}
