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

    /// Whether `python3` can import `module` (NumPy, or one of TensorFlow, PyTorch, JAX).
    public static func canImport(_ module: String) -> Bool {
        module == "numpy" ? hasNumpy : importable.contains(module)
    }

    /// Runs a Python file with the NumPy-capable interpreter.
    public static func runFile(_ path: String, arguments: [String] = []) throws -> ProcessResult {
        guard let interpreter = numpyInterpreter else {
            throw ProcessRunnerError(description: "No python3 with NumPy is available.")
        }
        return try ProcessRunner.run(interpreter, [path] + arguments)
    }
}
