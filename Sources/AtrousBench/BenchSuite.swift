import AtrousCore

/// The figures `atrous bench` measures and the loop that measures them.
public enum BenchSuite {
    /// Every figure, in report order: the start-up of `atrous render` (this program, started
    /// afresh) with its memory; the seed workload on all threads and on one, the seed at rates
    /// 1, 4 and 8, a 5x5 kernel, the seed with Winograd's algorithm, the explorer-sized convolution; then the explorer's key press
    /// to frame on the default session and on a 512x512 stack, on one 512x512 layer alone and
    /// pinned against another rate, and its first frame; then `atrous rf --model` on a
    /// ResNet-50 ONNX file with its memory, DeepLab-v3's path counts, and a key press of
    /// `atrous explore --model` on DeepLab-v3.
    public static var standard: [BenchFigure] {
        let seed = ConvolutionWorkload.seed
        return [
            // First, while this process is small: a child's memory reads no lower than this
            // process's at the start of the child (see `ChildProcess`).
            StartUpWorkload().figure(name: "startup_render", repetitions: 50),
            seed.figure(name: "seed_conv", type: Float.self, repetitions: 500),
            seed.with(workers: 1).figure(name: "seed_conv_1_thread", type: Float.self, repetitions: 300),
            seed.with(workers: 2).figure(name: "seed_conv_2_threads", type: Float.self, repetitions: 500),
            seed.with(rate: Pair(square: 1)).figure(name: "rate1_conv", type: Float.self, repetitions: 300),
            seed.with(rate: Pair(square: 4)).figure(name: "rate4_conv", type: Float.self, repetitions: 300),
            seed.with(rate: Pair(square: 8)).figure(name: "rate8_conv", type: Float.self, repetitions: 300),
            seed.with(kernel: Pair(square: 5)).figure(name: "kernel5_conv", type: Float.self, repetitions: 100),
            // Winograd's transform, only on request: faster on 3x3 kernels, less accurate.
            seed.with(algorithm: .winograd).figure(name: "seed_conv_winograd", type: Float.self, repetitions: 500),
            ConvolutionWorkload.explorer.figure(name: "explorer_conv", type: Double.self, repetitions: 5000),
            InteractionWorkload.defaultSession.figure(name: "default_key_to_frame", repetitions: 2000),
            InteractionWorkload.stack512.figure(name: "stack512_key_to_frame", repetitions: 1000),
            InteractionWorkload.stack512Layer1.figure(name: "stack512_layer1_key", repetitions: 300),
            InteractionWorkload.stack256Channels32.figure(name: "stack256x32_l1_key", repetitions: 20),
            InteractionWorkload.layer512.figure(name: "layer512_key_to_frame", repetitions: 500),
            InteractionWorkload.pinned512.figure(name: "pinned512_key_to_frame", repetitions: 500),
            InteractionWorkload.defaultSession.firstFrameFigure(name: "default_first_frame", repetitions: 1000),
            ModelFigures.resNet50(name: "resnet50_onnx_rf", repetitions: 10),
            ModelFigures.deepLabCounts(name: "deeplabv3_counts_513", repetitions: 5),
            ModelInteractionFigures.deepLabMove(name: "deeplabv3_explore_key", repetitions: 10),
        ]
    }

    /// The figures on an 8192x8192 input (see ``LargeInput``): `atrous render` started afresh
    /// with its memory, the first frame in process, a cursor move and a parameter key. They
    /// take minutes and gigabytes, so `atrous bench --large` (or `--figure NAME`) runs them.
    public static var large: [BenchFigure] {
        [
            LargeInput.renderFigure(name: "large_render", repetitions: 3),
            LargeInput.firstFrame(name: "large_first_frame", repetitions: 3),
            LargeInput.cursorKeys(name: "large_cursor_key", repetitions: 100),
            LargeInput.parameterKeys(name: "large_parameter_key", repetitions: 20),
        ]
    }

    /// How long and how often to measure.
    public struct Settings: Sendable {
        /// Untimed runs before the timed ones.
        public var warmUp: Int
        /// Timed runs per figure; nil for each figure's own count.
        public var repetitions: Int?

        public init(warmUp: Int = 10, repetitions: Int? = nil) {
            self.warmUp = warmUp
            self.repetitions = repetitions
        }

        /// A few runs per figure: enough to check that every figure runs and computes right.
        public static let quick = Settings(warmUp: 1, repetitions: 3)
    }

    /// The figures whose names are listed, in the suite's order, or all for an empty list.
    ///
    /// - Throws: ``BenchError/unknownFigure(name:known:)`` for a name not in the suite.
    public static func select(_ names: [String], from figures: [BenchFigure] = standard) throws -> [BenchFigure] {
        guard !names.isEmpty else { return figures }
        let known = figures.map(\.name)
        if let unknown = names.first(where: { !known.contains($0) }) {
            throw BenchError.unknownFigure(name: unknown, known: known)
        }
        return figures.filter { names.contains($0.name) }
    }

    /// Measures each figure in turn and checks its result.
    ///
    /// - Parameter progress: called with each figure's result as soon as it is measured.
    /// - Throws: ``BenchError/nonPositiveRepetitions(_:)``, or what preparing or running a figure throws.
    public static func run(_ figures: [BenchFigure], settings: Settings = Settings(),
                           progress: (FigureResult) -> Void = { _ in }) throws -> BenchReport {
        if let count = settings.repetitions, count < 1 { throw BenchError.nonPositiveRepetitions(count) }
        var results: [FigureResult] = []
        for figure in figures {
            let work = try figure.prepare()
            let timing = try Timing.measure(warmUp: settings.warmUp,
                                            repetitions: settings.repetitions ?? figure.repetitions, work.run)
            var result = FigureResult(name: figure.name, summary: figure.summary, timing: timing,
                                      flops: figure.flops, failure: work.check())
            result.spec = figure.spec
            result.readings = work.readings()
            progress(result)
            results.append(result)
        }
        return BenchReport(machine: .current, figures: results)
    }
}
