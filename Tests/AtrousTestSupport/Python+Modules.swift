import Foundation

extension Python {
    /// Whether the NumPy-capable `python3` can import each of TensorFlow, PyTorch and JAX,
    /// asked once per test run: importing TensorFlow alone takes seconds.
    public static let importable: Set<String> = {
        guard numpyInterpreter != nil else { return [] }
        return Set(["tensorflow", "torch", "jax"].filter { module in
            (try? run("import \(module)"))?.status == 0
        })
    }()

    /// The modules named in `ATROUS_REQUIRE_PYTHON` (space- or comma-separated, e.g.
    /// `numpy tensorflow torch jax`): their tests run, and fail, where they are missing,
    /// instead of being skipped, so that CI cannot pass while skipping them.
    public static let required: Set<String> = {
        let names = ProcessInfo.processInfo.environment["ATROUS_REQUIRE_PYTHON"] ?? ""
        return Set(names.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
    }()

    /// Whether the tests that need `module` (NumPy, or one of TensorFlow, PyTorch, JAX) run:
    /// when `python3` can import it, or when it is required.
    public static func canImport(_ module: String) -> Bool {
        required.contains(module) || (module == "numpy" ? isNumpyImportable : importable.contains(module))
    }

    /// Whether `python3` can really import `module`, required or not.
    public static func isImportable(_ module: String) -> Bool {
        module == "numpy" ? isNumpyImportable : importable.contains(module)
    }

    /// Runs a Python file with the NumPy-capable interpreter.
    public static func runFile(_ path: String, arguments: [String] = []) throws -> ProcessResult {
        guard let interpreter = numpyInterpreter else {
            throw ProcessRunnerError(description: "No python3 with NumPy is available.")
        }
        return try ProcessRunner.run(interpreter, [path] + arguments)
    }
}
