/// The arrays of one way of reading the user's files: a layout for the input and output, a
/// kernel reading, and whether the kernel ran once before (the "applied twice" convention).
struct DiagnosisReading {
    let layout: InputLayout
    let kernel: KernelReading
    let twice: Bool
    /// The kernel, HWIO rank 4, as this reading uses it.
    let weights: Tensor<Double>
    /// The NHWC rank-4 map the searched layer slides over: the input, or the kernel's SAME output.
    let base: Tensor<Double>
    /// The user's output, NHWC rank 4.
    let actual: Tensor<Double>

    /// Every reading whose shapes fit: the input's channels are the kernel's Cin, the output's
    /// channels its Cout, the batches agree. Kernel readings that give the same weights are kept once.
    /// - Throws: ``ConvolutionError`` for an input or kernel of a rank no convention reads.
    static func all(input: Tensor<Double>, kernel: Tensor<Double>, actual: Tensor<Double>) throws -> [DiagnosisReading] {
        _ = try FeatureMapShape(shape: input.shape)
        let hwio = kernel.reshaped(try KernelShape(shape: kernel.shape).dimensions)
        var weightsSeen: [Tensor<Double>] = []
        let kernels: [(KernelReading, Tensor<Double>)] = KernelReading.allCases.compactMap { reading in
            let weights = reading.apply(to: hwio)
            guard !weightsSeen.contains(weights) else { return nil }
            weightsSeen.append(weights)
            return (reading, weights)
        }
        var readings: [DiagnosisReading] = []
        for layout in InputLayout.allCases {
            guard let x = nhwc(input, layout: layout), let y = nhwc(actual, layout: layout),
                  x.shape[0] == y.shape[0] else { continue }
            for (reading, weights) in kernels where weights.shape[2] == x.shape[3] && weights.shape[3] == y.shape[3] {
                readings.append(DiagnosisReading(layout: layout, kernel: reading, twice: false,
                                                 weights: weights, base: x, actual: y))
                guard weights.shape[2] == weights.shape[3] else { continue }
                let first = try Convolution(kernel: weights, padding: .same)(x)
                readings.append(DiagnosisReading(layout: layout, kernel: reading, twice: true,
                                                 weights: weights, base: first, actual: y))
            }
        }
        return readings
    }

    /// The array as NHWC rank 4 under `layout`, or nil when that layout cannot read its rank.
    /// A rank-2 array has no channel axis, so only NHWC reads it.
    static func nhwc(_ array: Tensor<Double>, layout: InputLayout) -> Tensor<Double>? {
        switch layout {
        case .nhwc:
            guard let shape = try? FeatureMapShape(shape: array.shape) else { return nil }
            return array.reshaped(shape.dimensions)
        case .nchw:
            guard (array.rank == 3 || array.rank == 4), !array.shape.contains(0) else { return nil }
            return array.reshaped(array.rank == 3 ? [1] + array.shape : array.shape).permuted([0, 2, 3, 1])
        }
    }
}
