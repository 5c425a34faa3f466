import AtrousCore

/// An export that cannot be made from what the explorer holds. Each message is one sentence.
public enum ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output (or a snippet, which checks against it) was asked for, but the layer cannot be
    /// computed; the sentence says why (the layer's own problem, or an earlier layer's).
    case noOutput(String?)
    /// Path counts were asked for, but no layer stack is shown.
    case noPathCounts
    /// A screen capture was asked for, but no screen was drawn.
    case noScreen
    /// `-` was given, but standard output is the explorer's screen.
    case standardOutput
    /// A kernel with several channels was asked for as a table, which holds one 2-D map only.
    case kernelNeedsNpy(shape: [Int])

    public var description: String {
        switch self {
        case let .noOutput(problem):
            "There is no output to write"
                + (problem.map { ", as the layer cannot be computed: \(unpunctuated($0))." } ?? ".")
        case .noPathCounts:
            "There are no path counts to write: they come from the receptive-field view's layer stack, "
                + "and none is shown."
        case .noScreen:
            "There is no drawn screen to capture."
        case .standardOutput:
            "The explorer cannot write to standard output, which shows its screen; name a file instead."
        case let .kernelNeedsNpy(shape):
            "A table holds one 2-D kernel, but this one is "
                + shape.map(String.init).joined(separator: "x") + " (HWIO); write it as .npy instead."
        }
    }
}

/// A sentence with a lower-case first letter and no full stop, to end another sentence.
private func unpunctuated(_ sentence: String) -> String {
    var text = Substring(sentence)
    if text.last == "." { text.removeLast() }
    guard let first = text.first else { return String(text) }
    return first.lowercased() + text.dropFirst()
}
