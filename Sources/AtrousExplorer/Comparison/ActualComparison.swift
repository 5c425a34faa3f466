import AtrousCore

/// An output the user loaded with `:actual`, set beside atrous's: where they differ, and
/// which conventions explain it (``Diagnosis``).
public struct ActualComparison: Sendable, Equatable {
    /// The file it came from.
    public let path: String
    /// The user's output as NHWC rank 4.
    public let actual: Tensor<Double>
    /// The diagnosis's first finding in one sentence, or why there is none.
    public let diagnosis: String
    /// What `:diagnose` sets, when the first finding is a configuration the explorer can show.
    public let suggestion: DiagnosisSuggestion?
    /// Per output cell, the largest `|actual − atrous|` over channels; nil when the shapes differ.
    public internal(set) var difference: Tensor<Double>?
    /// The cells that differ most, largest first (at most ``listedCells``).
    public internal(set) var largest: [CellDifference] = []

    public static let listedCells = 5

    /// Compares `actual` with the current `output` and diagnoses it against `input` and `kernel`.
    init(path: String, actual loaded: Tensor<Double>, input: Tensor<Double>, kernel: Tensor<Double>,
         bias: [Double]?, output: AnyTensor?) {
        self.path = path
        actual = (try? FeatureMapShape(shape: loaded.shape)).map { loaded.reshaped($0.dimensions) } ?? loaded
        do {
            let report = try Diagnosis.run(input: input, kernel: kernel, actual: loaded, bias: bias)
            let best = report.best
            diagnosis = best?.sentence ?? "Nothing explains this output."
            suggestion = best.map(DiagnosisSuggestion.init)
        } catch {
            diagnosis = "\(error)"
            suggestion = nil
        }
        compare(with: output)
    }

    /// Recomputes the differences against atrous's current output, read as doubles (a float32
    /// output widens exactly).
    mutating func compare(with output: AnyTensor?) {
        guard let output = output.flatMap({ $0.shape == actual.shape ? $0.doubles : nil }) else {
            difference = nil
            largest = []
            return
        }
        let map = Diagnosis.differenceMap(actual: actual, computed: output)
        difference = map
        largest = DifferenceShading.largestCells(map, count: Self.listedCells)
            .map { CellDifference(row: $0.row, column: $0.column, value: $0.value) }
    }
}

/// One output cell's largest difference over channels.
public struct CellDifference: Sendable, Equatable {
    public let row: Int
    public let column: Int
    public let value: Double
}

/// The parts of a diagnosis finding the explorer can set, and the parts it cannot.
public struct DiagnosisSuggestion: Sendable, Equatable {
    public let rate: Pair
    public let stride: Pair
    public let padding: Padding
    public let fill: Fill
    /// The finding's conventions that lie outside a layer's parameters (a flipped kernel, the
    /// kernel applied twice, NCHW, a missing bias), in words; empty when there are none.
    public let beyondTheLayer: [String]

    init(_ finding: DiagnosisFinding) {
        rate = finding.rate
        stride = finding.stride
        let pads = finding.pads
        switch finding.padding {
        case .valid: padding = .valid
        case .same: padding = .same
        case .full: padding = .full
        case .causal: padding = .causal
        case .symmetric, .explicit: padding = .explicit(top: pads[0], bottom: pads[1], left: pads[2], right: pads[3])
        }
        fill = finding.fill
        var beyond: [String] = []
        if finding.kernel != .asIs { beyond.append("the kernel \(finding.kernel.rawValue)") }
        if finding.twice { beyond.append("the kernel applied twice") }
        if finding.inputLayout == .nchw { beyond.append("NCHW arrays") }
        if finding.bias == .missing { beyond.append("the bias missing") }
        beyondTheLayer = beyond
    }
}
