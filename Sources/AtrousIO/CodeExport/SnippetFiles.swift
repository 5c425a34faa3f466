/// The `.npy` files a snippet loads. Relative paths are taken from the snippet's own folder,
/// so a snippet and its arrays can move together.
public struct SnippetFiles: Sendable, Hashable {
    public var input: String
    public var kernel: String
    public var bias: String?
    /// atrous's own result, which the snippet's result must match.
    public var expected: String

    public init(input: String, kernel: String, bias: String? = nil, expected: String) {
        self.input = input
        self.kernel = kernel
        self.bias = bias
        self.expected = expected
    }

    /// The files beside a snippet, named after it: `conv.py` loads `conv.input.npy`,
    /// `conv.kernel.npy`, `conv.bias.npy` and `conv.expected.npy`.
    ///
    /// - Parameters:
    ///   - snippetPath: the snippet's path; the names keep its directory so they can be written,
    ///     and ``relativeToSnippet`` gives the names the snippet itself uses.
    ///   - hasBias: whether a bias file belongs to the set.
    public init(beside snippetPath: String, hasBias: Bool) {
        let stem = snippetPath.hasSuffix(".py") ? String(snippetPath.dropLast(3)) : snippetPath
        self.init(input: stem + ".input.npy", kernel: stem + ".kernel.npy",
                  bias: hasBias ? stem + ".bias.npy" : nil, expected: stem + ".expected.npy")
    }

    /// Every file, in the order input, kernel, bias, expected.
    public var all: [String] { [input, kernel] + (bias.map { [$0] } ?? []) + [expected] }

    /// The same files named by their last path component, as a snippet in the same folder loads them.
    public var relativeToSnippet: SnippetFiles {
        func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
        return SnippetFiles(input: name(input), kernel: name(kernel), bias: bias.map(name), expected: name(expected))
    }
}
