/// Finds which conventions explain an output that a dilated convolution somewhere produced.
///
/// Every candidate is computed with ``Convolution``; the conventions change only the arrays
/// handed to it (a flipped or transposed kernel, an NCHW map made NHWC, the kernel's own SAME
/// output for "applied twice") and its parameters (rate, stride, explicit pads, fill, bias).
///
/// The search runs in two rounds, so it stays within seconds on a 128x128x16 map:
/// 1. Only configurations whose output has the actual's shape are considered. For each way of
///    reading the arrays and each pair of rates, one valid stride-1 correlation of a central
///    crop gives every output whose window lies wholly inside the input, which depends on the
///    rate, the stride and the padding before but not on the fill or the padding after. Those
///    outputs, picked out by stride and offset, rank the configurations.
/// 2. The best of them (those about as good as the best inside the input) are computed in
///    full, with every padding after and every fill, and compared element by element with the
///    actual output.
public enum Diagnosis {
    /// Rates and strides tried on each axis.
    public static let rates = 1...8
    public static let strides = 1...4
    /// Outputs per axis compared in the first round; enough to tell offsets and rates apart.
    static let interiorExtent = 32
    /// Output channels compared in the first round.
    static let interiorChannels = 4
    /// Configurations computed in full in the second round.
    static let shortlistLength = 16
    /// How much larger a share of interior mismatches than the best one's still earns a full computation.
    static let shareMargin = 0.05

    /// The findings that reproduce `actual`, best first, or the `closestCount` closest when none does.
    /// - Parameters:
    ///   - input: `(H,W)`, `(H,W,C)` or `(N,H,W,C)`, or channels first where the search reads NCHW.
    ///   - kernel: `(kh,kw)` or `(kh,kw,Cin,Cout)`.
    ///   - actual: the output to explain, in the input's layout.
    ///   - bias: one value per output channel, if the layer has one.
    /// - Throws: ``DiagnosisError`` when no convention gives an output of the actual's shape,
    ///   ``ConvolutionError`` for arrays of a rank no convention reads or a bias of the wrong length.
    public static func run(input: Tensor<Double>, kernel: Tensor<Double>, actual: Tensor<Double>,
                           bias: [Double]? = nil, closestCount: Int = 3) throws -> DiagnosisReport {
        if let bias {
            let outputChannels = try KernelShape(shape: kernel.shape).outputChannels
            guard bias.count == outputChannels else {
                throw ConvolutionError.biasLength(length: bias.count, outputChannels: outputChannels)
            }
        }
        let scale = max(1, actual.scalars.lazy.map { abs($0) }.max() ?? 0)
        let tolerance = 1e-4 * scale
        var shortlist = Shortlist(capacity: shortlistLength)
        var anyShapeFits = false
        for reading in try DiagnosisReading.all(input: input, kernel: kernel, actual: actual) {
            let fits = try rankInteriors(of: reading, bias: bias, tolerance: tolerance, into: &shortlist)
            anyShapeFits = anyShapeFits || fits
        }
        guard anyShapeFits else {
            throw DiagnosisError.noConventionFitsShape(input: input.shape, kernel: kernel.shape, actual: actual.shape)
        }
        var findings: [DiagnosisFinding] = []
        // Configurations far worse inside the input than the best cannot come closer in full.
        let bestShare = shortlist.entries.first?.fit.mismatchShare ?? 1
        for candidate in shortlist.entries where candidate.fit.mismatchShare <= bestShare + shareMargin {
            findings += try computeInFull(candidate, bias: bias, tolerance: tolerance)
        }
        findings.sort(by: DiagnosisFinding.ranksBefore)
        let matches = findings.filter(\.matches)
        return DiagnosisReport(matches: matches, closest: matches.isEmpty ? Array(findings.prefix(closestCount)) : [],
                               tolerance: tolerance, computedCount: findings.count)
    }

    // MARK: - First round: interiors

    /// Ranks every shape-fitting configuration of `reading` by its interior outputs.
    /// - Returns: whether any configuration gives the actual's shape.
    private static func rankInteriors(of reading: DiagnosisReading, bias: [Double]?, tolerance: Double,
                                      into shortlist: inout Shortlist) throws -> Bool {
        let (base, actual, weights) = (reading.base, reading.actual, reading.weights)
        let rowChoices = AxisChoice.all(inputSize: base.shape[1], kernelSize: weights.shape[0],
                                        outputSize: actual.shape[1], rates: rates, strides: strides)
        let columnChoices = AxisChoice.all(inputSize: base.shape[2], kernelSize: weights.shape[1],
                                           outputSize: actual.shape[2], rates: rates, strides: strides)
        guard !rowChoices.isEmpty, !columnChoices.isEmpty else { return false }
        // The first round compares a few output channels only: enough to tell configurations
        // apart, at a fraction of the cost.
        let comparedChannels = min(weights.shape[3], interiorChannels)
        let someWeights = weights.firstOutputChannels(comparedChannels)
        // A bias fits only a reading with as many output channels (swapped channels may not).
        let zeros = Array(repeating: 0.0, count: weights.shape[3])
        let biasUses: [(BiasUse, [Double])] = bias.map { bias in
            bias.count == zeros.count ? [(.used, bias), (.missing, zeros)] : [(.missing, zeros)]
        } ?? [(.none, zeros)]
        for rowRate in Set(rowChoices.map(\.rate)).sorted() {
            for columnRate in Set(columnChoices.map(\.rate)).sorted() {
                let rate = Pair(rowRate, columnRate)
                let kEff = LayerSpec(kernelSize: Pair(weights.shape[0], weights.shape[1]), rate: rate).effectiveKernel
                let rowCrop = centralCrop(size: base.shape[1], effectiveKernel: kEff.height)
                let columnCrop = centralCrop(size: base.shape[2], effectiveKernel: kEff.width)
                // The outputs whose window lies inside the crop; none when the kernel outgrows it.
                let interior: Tensor<Double>? = kEff.height <= rowCrop.count && kEff.width <= columnCrop.count
                    ? try Convolution(kernel: someWeights, rate: rate)(base.cropped(rows: rowCrop, columns: columnCrop))
                    : nil
                let rowPairs = rowChoices.filter { $0.rate == rowRate }.map { choice in
                    (choice, choice.interiorPairs(outputSize: actual.shape[1], cropStart: rowCrop.lowerBound,
                                                  validCount: interior?.shape[1] ?? 0))
                }
                let columnPairs = columnChoices.filter { $0.rate == columnRate }.map { choice in
                    (choice, choice.interiorPairs(outputSize: actual.shape[2], cropStart: columnCrop.lowerBound,
                                                  validCount: interior?.shape[2] ?? 0))
                }
                for (rowChoice, rows) in rowPairs {
                    for (columnChoice, columns) in columnPairs {
                        for (use, offsets) in biasUses {
                            // Without a single interior output there is no evidence yet: such a
                            // configuration ranks after every one that has some.
                            var fit = InteriorFit.unknown
                            if let interior, !rows.isEmpty, !columns.isEmpty {
                                fit = interiorFit(actual: actual, computed: interior, rows: rows, columns: columns,
                                                  offsets: offsets, tolerance: tolerance,
                                                  abortAbove: shortlist.admissionShare)
                            }
                            guard fit.mismatchShare <= shortlist.admissionShare else { continue }
                            shortlist.offer(Candidate(reading: reading, rows: rowChoice, columns: columnChoice,
                                                      bias: use, fit: fit))
                        }
                    }
                }
            }
        }
        return true
    }

    /// The central window of an axis wide enough for ``interiorExtent`` outputs of a kernel this wide.
    private static func centralCrop(size: Int, effectiveKernel: Int) -> Range<Int> {
        let length = min(size, interiorExtent + effectiveKernel - 1)
        let start = (size - length) / 2
        return start..<(start + length)
    }

    /// How far the interior outputs the pairs pick lie from the actual ones: the share of
    /// elements outside `tolerance` and the largest difference. Counting stops once the share
    /// passes `abortAbove` (the candidate cannot enter the shortlist any more).
    ///
    /// The share, not the largest difference, ranks the first round: a wrong configuration that
    /// reaches only a few interior outputs can come close on all of them by chance, but it
    /// cannot agree on most of them as the right one does when one value of the actual is off.
    private static func interiorFit(actual: Tensor<Double>, computed: Tensor<Double>,
                                    rows: [(output: Int, valid: Int)], columns: [(output: Int, valid: Int)],
                                    offsets: [Double], tolerance: Double, abortAbove: Double) -> InteriorFit {
        let (batch, outRows, outColumns, channels) = (actual.shape[0], actual.shape[1], actual.shape[2], actual.shape[3])
        let (validRows, validColumns, compared) = (computed.shape[1], computed.shape[2], computed.shape[3])
        let total = batch * rows.count * columns.count * compared
        let allowed = abortAbove >= 1 ? total : Int(abortAbove * Double(total))
        var worst = 0.0
        var mismatches = 0
        actual.scalars.withUnsafeBufferPointer { y in
            computed.scalars.withUnsafeBufferPointer { v in
                for n in 0..<batch {
                    for row in rows {
                        for column in columns {
                            let a = ((n * outRows + row.output) * outColumns + column.output) * channels
                            let c = ((n * validRows + row.valid) * validColumns + column.valid) * compared
                            for channel in 0..<compared {
                                let difference = abs(y[a + channel] - v[c + channel] - offsets[channel])
                                worst = max(worst, difference)
                                if difference > tolerance {
                                    mismatches += 1
                                    if mismatches > allowed { return }
                                }
                            }
                        }
                    }
                }
            }
        }
        return InteriorFit(mismatchShare: Double(mismatches) / Double(total), maxError: worst)
    }

    // MARK: - Second round: full outputs

    /// The candidate with every padding after and every fill its pads allow, computed and compared.
    private static func computeInFull(_ candidate: Candidate, bias: [Double]?,
                                      tolerance: Double) throws -> [DiagnosisFinding] {
        let reading = candidate.reading
        let rate = Pair(candidate.rows.rate, candidate.columns.rate)
        let stride = Pair(candidate.rows.stride, candidate.columns.stride)
        var findings: [DiagnosisFinding] = []
        for bottom in candidate.rows.padAfters {
            for right in candidate.columns.padAfters {
                let pads = [candidate.rows.padBefore, bottom, candidate.columns.padBefore, right]
                let fills: [Fill] = pads.allSatisfy { $0 == 0 } ? [.zeros] : Fill.allCases
                for fill in fills {
                    let layer = try Convolution(kernel: reading.weights, bias: candidate.bias == .used ? bias : nil,
                                                rate: rate, stride: stride,
                                                padding: .explicit(top: pads[0], bottom: pads[1], left: pads[2],
                                                                   right: pads[3]),
                                                fill: fill)
                    // Reflect padding as wide as the input is impossible; that fill is no candidate.
                    guard let computed = try? layer(reading.base) else { continue }
                    let map = differenceMap(actual: reading.actual, computed: computed)
                    findings.append(DiagnosisFinding(
                        rate: rate, stride: stride, pads: pads, fill: fill, kernel: reading.kernel,
                        inputLayout: reading.layout, twice: reading.twice, bias: candidate.bias,
                        maxAbsError: map.scalars.max() ?? 0, tolerance: tolerance, differenceMap: map,
                        kernelSize: Pair(reading.weights.shape[0], reading.weights.shape[1]),
                        inputSize: Pair(reading.base.shape[1], reading.base.shape[2])))
                }
            }
        }
        return findings
    }

    /// Per output position, the largest difference over batch and channels: `(H_out, W_out)`.
    /// - Precondition: both are NHWC rank 4 of one shape.
    public static func differenceMap(actual: Tensor<Double>, computed: Tensor<Double>) -> Tensor<Double> {
        precondition(actual.rank == 4 && actual.shape == computed.shape, "difference of unequal shapes")
        let (batch, rows, columns, channels) = (actual.shape[0], actual.shape[1], actual.shape[2], actual.shape[3])
        var map = [Double](repeating: 0, count: rows * columns)
        for n in 0..<batch {
            for position in 0..<(rows * columns) {
                let start = (n * rows * columns + position) * channels
                for channel in 0..<channels {
                    map[position] = max(map[position],
                                        abs(actual.scalars[start + channel] - computed.scalars[start + channel]))
                }
            }
        }
        return Tensor(shape: [rows, columns], scalars: map)
    }
}
