/// A framework a reproducing snippet is written for.
public enum SnippetFramework: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case tensorflow, pytorch, jax, numpy

    /// The framework's own spelling, as snippets and messages show it.
    public var displayName: String {
        switch self {
        case .tensorflow: "TensorFlow"
        case .pytorch: "PyTorch"
        case .jax: "JAX"
        case .numpy: "NumPy"
        }
    }

    /// The module a snippet imports, which must be importable for it to run.
    public var pythonModule: String {
        switch self {
        case .tensorflow: "tensorflow"
        case .pytorch: "torch"
        case .jax: "jax"
        case .numpy: "numpy"
        }
    }

    public var description: String { rawValue }
}
