/// Why a diagnosis has nothing to compare. Each message is one sentence naming the shapes.
public enum DiagnosisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No convention turns this input and kernel into an output of the actual's shape.
    case noConventionFitsShape(input: [Int], kernel: [Int], actual: [Int])

    public var description: String {
        switch self {
        case let .noConventionFitsShape(input, kernel, actual):
            "No convention turns an input of shape \(shapeText(input)) and a kernel of shape \(shapeText(kernel)) "
                + "into an output of shape \(shapeText(actual)) (rates 1 to 8, strides 1 to 4, padding up to "
                + "the effective kernel, NHWC or NCHW, the kernel as given, flipped or with its axes or channels swapped)."
        }
    }
}
