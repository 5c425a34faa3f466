import AtrousCore

/// A snippet that cannot be generated as asked. Each message is one sentence naming the numbers.
public enum CodeExportError: Error, Equatable, Sendable, CustomStringConvertible {
    case kernelSizeMismatch(layerKernel: Pair, kernelShape: [Int])
    case biasFileMismatch(hasBiasShape: Bool)
    case snippetNotAFile(path: String)

    public var description: String {
        switch self {
        case let .kernelSizeMismatch(layerKernel, kernelShape):
            "The layer's kernel size \(layerKernel.height)x\(layerKernel.width) differs from the kernel's shape "
                + "\(shapeText(kernelShape))."
        case let .biasFileMismatch(hasBiasShape):
            hasBiasShape ? "The layer has a bias but the snippet has no bias file to load it from."
                : "The snippet has a bias file but the layer has no bias."
        case let .snippetNotAFile(path):
            "The snippet must be written to a file, not \(quoted(path)), since its arrays are written beside it."
        }
    }
}
