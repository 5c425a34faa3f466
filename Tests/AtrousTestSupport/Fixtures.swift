import Foundation

/// Paths of the files the tests read, found from this source file's own location so they do
/// not depend on the working directory.
public enum Fixtures {
    /// The package's root directory.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // AtrousTestSupport
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent()

    /// `Tests/Fixtures`.
    public static let root: URL = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// `Tests/Fixtures/conformance`: the TensorFlow and JAX reference cases.
    public static let conformance: URL = root.appendingPathComponent("conformance")

    /// `Tests/Fixtures/conformance/conv`: single-layer convolution cases.
    public static let convolutionCases: URL = conformance.appendingPathComponent("conv")

    /// `Tests/Fixtures/conformance/rf`: receptive-field cases of layer stacks.
    public static let receptiveFieldCases: URL = conformance.appendingPathComponent("rf")

    /// `Tests/Fixtures/conformance/stack`: stacks of computed layers.
    public static let stackCases: URL = conformance.appendingPathComponent("stack")
}

extension Fixtures {
    /// The model fixtures made by `models/make_models.py`, with `expected.json`.
    public static let models: URL = root.appendingPathComponent("models")
}
