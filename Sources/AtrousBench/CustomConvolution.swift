import AtrousCore

/// A convolution workload the user names on the command line, so that they can time their own
/// layer: `1x224x224x64:3x3:64:rate=2:stride=1:padding=same`.
///
/// The fields, separated by colons: the input `NxHxWxC` (or `HxWxC` for one image), the kernel's
/// `KHxKW` (or `K` when square), the output channels, then any of `rate=R`, `stride=S` (each
/// `R` or `RxC`), `padding=valid|same|full|causal|T,B,L,R`, `algorithm=direct|winograd`,
/// `threads=T`, and `float32` or `float64` (float32 when left out). Left out, the rate and
/// stride are 1 and the padding same.
public struct CustomConvolution: Sendable, Hashable {
    /// The text as the user wrote it, which the report repeats.
    public let spec: String
    public let workload: ConvolutionWorkload
    /// Whether the workload runs in float64.
    public let isDouble: Bool

    /// The syntax in one line, for help texts and messages.
    public static let syntax = "NxHxWxC:KHxKW:COUT[:rate=R][:stride=S][:padding=P][:algorithm=A][:threads=T][:float64]"

    /// Multiply-adds above which a workload is refused: about a minute per run at the core's speed.
    public static let multiplyAddLimit = 1 << 42

    /// Reads `spec`.
    /// - Throws: ``BenchError/badConvolution(spec:reason:)`` naming what is wrong.
    public init(parsing spec: String) throws {
        func refuse(_ reason: String) -> BenchError { .badConvolution(spec: spec, reason: reason) }
        let fields = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 3 else { throw refuse("it needs at least the input, the kernel and the output channels") }
        let dimensions = fields[0].split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
        guard dimensions.count == 3 || dimensions.count == 4, dimensions.allSatisfy({ ($0 ?? 0) >= 1 }) else {
            throw refuse("the input '\(fields[0])' must be NxHxWxC or HxWxC, each at least 1")
        }
        let input = (dimensions.count == 3 ? [1] : []) + dimensions.map { $0! }
        guard let kernel = Pair(parsing: fields[1]), kernel.height >= 1, kernel.width >= 1 else {
            throw refuse("the kernel '\(fields[1])' must be K or KHxKW, each at least 1")
        }
        guard let outputChannels = Int(fields[2]), outputChannels >= 1 else {
            throw refuse("the output channels '\(fields[2])' must be a whole number of at least 1")
        }
        var workload = ConvolutionWorkload(batch: input[0], height: input[1], width: input[2], inputChannels: input[3],
                                           outputChannels: outputChannels, kernel: kernel, rate: Pair(square: 1))
        var isDouble = false
        for field in fields.dropFirst(3) {
            let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts.first ?? "", parts.count == 2 ? parts[1] : nil) {
            case ("float32", nil): isDouble = false
            case ("float64", nil): isDouble = true
            case let ("rate", value?):
                guard let rate = Pair(parsing: value), rate.height >= 1, rate.width >= 1 else {
                    throw refuse("the rate '\(value)' must be R or RxC, each at least 1")
                }
                workload.rate = rate
            case let ("stride", value?):
                guard let stride = Pair(parsing: value), stride.height >= 1, stride.width >= 1 else {
                    throw refuse("the stride '\(value)' must be S or SxT, each at least 1")
                }
                workload.stride = stride
            case let ("padding", value?):
                guard let padding = Padding(parsing: value) else {
                    throw refuse("the padding '\(value)' must be valid, same, full, causal or T,B,L,R")
                }
                workload.padding = padding
            case let ("algorithm", value?):
                guard let algorithm = ConvolutionAlgorithm(rawValue: value) else {
                    throw refuse("the algorithm '\(value)' must be direct or winograd")
                }
                workload.algorithm = algorithm
            case let ("threads", value?):
                guard let threads = Int(value), (1...256).contains(threads) else {
                    throw refuse("the threads '\(value)' must be a whole number from 1 to 256")
                }
                workload.workers = threads
            default:
                throw refuse("'\(field)' is not one of rate=, stride=, padding=, algorithm=, threads=, float32 or float64")
            }
        }
        let spatial = LayerSpec(kernelSize: kernel, rate: workload.rate, stride: workload.stride,
                                padding: workload.padding)
        let geometry: ConvolutionGeometry
        do {
            geometry = try ConvolutionGeometry(inputSize: Pair(workload.height, workload.width), spec: spatial)
        } catch {
            throw refuse(Self.clause("\(error)"))
        }
        let (product, overflow) = Self.multiplyAdds(workload, outputSize: geometry.outputSize)
        guard !overflow, product <= Self.multiplyAddLimit else {
            throw refuse("it needs more than 2^42 multiply-adds per run")
        }
        self.spec = spec
        self.workload = workload
        self.isDouble = isDouble
    }

    /// The figure that times this workload; its report line carries the spec.
    public func figure(repetitions: Int) -> BenchFigure {
        let figure = isDouble ? workload.figure(name: "conv", type: Double.self, repetitions: repetitions)
            : workload.figure(name: "conv", type: Float.self, repetitions: repetitions)
        return BenchFigure(name: figure.name, summary: figure.summary, flops: figure.flops,
                           repetitions: figure.repetitions, spec: spec, prepare: figure.prepare)
    }

    /// Timed runs by default: about 0.3 s of work at 100 GFLOP/s, between 5 and 300 runs.
    public var defaultRepetitions: Int {
        let geometry = try? ConvolutionGeometry(
            inputSize: Pair(workload.height, workload.width),
            spec: LayerSpec(kernelSize: workload.kernel, rate: workload.rate, stride: workload.stride,
                            padding: workload.padding))
        let flops = geometry.map { workload.flops(outputSize: $0.outputSize) } ?? 0
        return min(300, max(5, Int(30e9 / max(flops, 1))))
    }

    /// Multiply-adds of one run, and whether counting them overflowed.
    private static func multiplyAdds(_ w: ConvolutionWorkload, outputSize: Pair) -> (Int, Bool) {
        var total = 1, overflow = false
        for factor in [w.batch, outputSize.height, outputSize.width, w.outputChannels, w.kernel.height,
                       w.kernel.width, w.inputChannels] {
            let (next, over) = total.multipliedReportingOverflow(by: factor)
            total = next
            overflow = overflow || over
        }
        return (total, overflow)
    }

    /// A core error's sentence as a clause: first letter lowered, full stop dropped.
    private static func clause(_ sentence: String) -> String {
        var text = sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
        if let first = text.first { text = first.lowercased() + text.dropFirst() }
        return text
    }
}
