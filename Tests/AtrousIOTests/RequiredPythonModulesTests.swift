import AtrousTestSupport
import Testing

/// Every module that `ATROUS_REQUIRE_PYTHON` names (CI names NumPy, TensorFlow, PyTorch and
/// JAX) imports, so a run that was meant to check the snippets against the frameworks says
/// plainly when one is missing instead of skipping those checks.
struct RequiredPythonModulesTests {
    @Test(arguments: Python.required.sorted())
    func requiredModuleImports(_ module: String) throws {
        #expect(Python.isImportable(module),
                "ATROUS_REQUIRE_PYTHON names \(module), but no python3 on PATH imports it with NumPy")
    }
}
