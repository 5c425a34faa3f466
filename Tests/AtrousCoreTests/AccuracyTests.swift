#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Testing
@testable import AtrousCore

// The default convolution against an accurate sum of each output's own taps: every output's
// error must stay within a small multiple of one rounding of the sum of its terms' magnitudes,
// the best any order of adding them up guarantees, and no input cell may reach an output
// whose taps do not read it.

/// A compensated (Neumaier) sum in Double of exact products: each product is split into its
/// rounded value and its exact rounding error (a fused multiply-add recovers it), so the sum
/// is accurate to about one Double rounding of the result, far below the tolerances tested.
struct AccurateSum {
    private var sum = 0.0, compensation = 0.0
    /// The sum of the terms' magnitudes: the scale of any rounding in adding them.
    private(set) var magnitude = 0.0

    mutating func addProduct(_ a: Double, _ b: Double) {
        let product = a * b
        add(product)
        add((-product).addingProduct(a, b))
        magnitude += abs(product)
    }

    private mutating func add(_ term: Double) {
        let total = sum + term
        compensation += abs(sum) >= abs(term) ? (sum - total) + term : (term - total) + sum
        sum = total
    }

    var value: Double { sum + compensation }
}

/// How the test values are drawn.
enum Magnitudes: String, CaseIterable, CustomTestStringConvertible {
    case normal, large, small, mixed

    var testDescription: String {
        switch self {
        case .normal: "N(0,1)"
        case .large: "1e3 · N(0,1)"
        case .small: "1e-3 · N(0,1)"
        case .mixed: "±10^U(-3,3)"
        }
    }

    func draw(using generator: inout SplitMix64) -> Double {
        switch self {
        case .normal: Self.gaussian(using: &generator)
        case .large: 1e3 * Self.gaussian(using: &generator)
        case .small: 1e-3 * Self.gaussian(using: &generator)
        case .mixed:
            (Bool.random(using: &generator) ? 1 : -1) * pow10(Double.random(in: -3...3, using: &generator))
        }
    }

    /// A standard normal value by the Box–Muller transform.
    static func gaussian(using generator: inout SplitMix64) -> Double {
        let u = Double.random(in: Double.ulpOfOne...1, using: &generator)
        let v = Double.random(in: 0..<1, using: &generator)
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

private func pow10(_ x: Double) -> Double { exp(x * log(10)) }

/// One shape of the accuracy sweep.
struct AccuracyCase: CustomStringConvertible, Sendable {
    var batch = 1
    var size: Pair
    var inputChannels: Int
    var outputChannels: Int
    var kernel = Pair(square: 3)
    var rate = Pair(square: 1)
    var stride = Pair(square: 1)
    var padding: Padding = .same

    var description: String {
        "\(batch)x\(size)x\(inputChannels) -> \(outputChannels), kernel \(kernel), rate \(rate), stride \(stride), "
            + "padding \(padding)"
    }

    /// Many channels (256, 512), rates 1 to 8, strides, one output channel (the row loop) and
    /// a channel count that leaves a partial vector.
    static let sweep: [AccuracyCase] = [
        AccuracyCase(size: Pair(9, 11), inputChannels: 16, outputChannels: 20),
        AccuracyCase(batch: 2, size: Pair(10, 7), inputChannels: 5, outputChannels: 17, rate: Pair(square: 2)),
        AccuracyCase(size: Pair(square: 8), inputChannels: 256, outputChannels: 4, rate: Pair(square: 3)),
        AccuracyCase(size: Pair(square: 6), inputChannels: 512, outputChannels: 3, rate: Pair(square: 8)),
        AccuracyCase(size: Pair(13, 12), inputChannels: 24, outputChannels: 1, kernel: Pair(5, 3), rate: Pair(4, 1)),
        AccuracyCase(size: Pair(square: 12), inputChannels: 7, outputChannels: 33, kernel: Pair(square: 5),
                     rate: Pair(square: 2), stride: Pair(square: 2), padding: .valid),
    ]
}

/// The largest error of `layer(input)` over all outputs, in units of one rounding (`ulpOfOne / 2`
/// of `Scalar`) of each output's sum of term magnitudes; and the same over the outputs that
/// do not read `only`, when given.
func worstError<Scalar: ConvolutionScalar>(
    of output: Tensor<Scalar>, layer: Convolution<Scalar>, input: Tensor<Scalar>,
    excludingReadersOf spike: (row: Int, column: Int)? = nil
) throws -> Double {
    let shape = try FeatureMapShape(shape: input.shape)
    let geometry = try layer.geometry(for: shape)
    let (kh, kw, cin, cout) = (layer.kernelShape.height, layer.kernelShape.width, layer.kernelShape.inputChannels,
                               layer.kernelShape.outputChannels)
    let unit = Double(Scalar.ulpOfOne) / 2
    var worst = 0.0
    for n in 0..<shape.batch {
        for oy in 0..<geometry.rows.outputSize {
            for ox in 0..<geometry.columns.outputSize {
                var readsSpike = false
                var sums = [AccurateSum](repeating: AccurateSum(), count: cout)
                for ky in 0..<kh {
                    let y = geometry.rows.inputIndex(output: oy, tap: ky)
                    guard (0..<shape.height).contains(y) else { continue }
                    for kx in 0..<kw {
                        let x = geometry.columns.inputIndex(output: ox, tap: kx)
                        guard (0..<shape.width).contains(x) else { continue }
                        if let spike, spike == (y, x) { readsSpike = true }
                        for ci in 0..<cin {
                            let value = Double(input.scalars[((n * shape.height + y) * shape.width + x) * cin + ci])
                            for co in 0..<cout {
                                let weight = Double(layer.kernel.scalars[((ky * kw + kx) * cin + ci) * cout + co])
                                sums[co].addProduct(weight, value)
                            }
                        }
                    }
                }
                if spike != nil && readsSpike { continue }
                for co in 0..<cout {
                    let got = Double(output.scalars[((n * geometry.rows.outputSize + oy) * geometry.columns.outputSize
                                                      + ox) * cout + co])
                    let scale = unit * max(sums[co].magnitude, Double(Scalar.leastNormalMagnitude))
                    worst = max(worst, abs(got - sums[co].value) / scale)
                }
            }
        }
    }
    return worst
}

@Suite("Accuracy against an accurate sum of the taps")
struct AccuracyTests {
    /// The error bound, in roundings of the sum of magnitudes: a plain sum of n terms (here up
    /// to 4608) may lose up to n − 1 of them, sums of products with random signs lose a few
    /// (measured over this sweep: at most 9.8 in float32 and 10.1 in float64, both with mixed
    /// magnitudes; below 5 for the others).
    static let tolerance = 16.0

    func check<Scalar: ConvolutionScalar>(_: Scalar.Type, magnitudes: Magnitudes) throws {
        var generator = SplitMix64(seed: 0xACC0 + UInt64(Magnitudes.allCases.firstIndex(of: magnitudes)!))
        for problem in AccuracyCase.sweep {
            let inputShape = [problem.batch, problem.size.height, problem.size.width, problem.inputChannels]
            let kernelShape = [problem.kernel.height, problem.kernel.width, problem.inputChannels, problem.outputChannels]
            let input = Tensor<Scalar>(shape: inputShape) { _ in Scalar(magnitudes.draw(using: &generator)) }
            let kernel = Tensor<Scalar>(shape: kernelShape) { _ in Scalar(magnitudes.draw(using: &generator)) }
            let layer = try Convolution(kernel: kernel, rate: problem.rate, stride: problem.stride,
                                        padding: problem.padding)
            let error = try worstError(of: layer(input), layer: layer, input: input)
            #expect(error <= Self.tolerance, "\(Scalar.dtypeName) \(magnitudes.testDescription), \(problem): \(error)")
        }
    }

    @Test("float32 stays within a few roundings of the sum of magnitudes", arguments: Magnitudes.allCases)
    func float32(magnitudes: Magnitudes) throws {
        try check(Float.self, magnitudes: magnitudes)
    }

    @Test("float64 stays within a few roundings of the sum of magnitudes", arguments: Magnitudes.allCases)
    func float64(magnitudes: Magnitudes) throws {
        try check(Double.self, magnitudes: magnitudes)
    }

    /// One cell of 1e6 among values of 1e-3 (1x12x12x8, a 3x3 kernel, 8 outputs).
    func spiked<Scalar: ConvolutionScalar>(_: Scalar.Type) throws -> (Convolution<Scalar>, Tensor<Scalar>) {
        var generator = SplitMix64(seed: 0x5B1CE)
        var input = Tensor<Scalar>(shape: [1, 12, 12, 8]) { _ in Scalar(1e-3 * Magnitudes.gaussian(using: &generator)) }
        input[0, 5, 6, 3] = 1e6
        let kernel = Tensor<Scalar>(shape: [3, 3, 8, 8]) { _ in Scalar(Magnitudes.gaussian(using: &generator)) }
        return (try Convolution(kernel: kernel, padding: .same), input)
    }

    @Test("a spike reaches only the outputs that read it, in float32 and float64")
    func spikeDoesNotLeak() throws {
        let (single, singleInput) = try spiked(Float.self)
        #expect(try worstError(of: single(singleInput), layer: single, input: singleInput,
                               excludingReadersOf: (5, 6)) <= Self.tolerance)
        #expect(try worstError(of: single(singleInput), layer: single, input: singleInput) <= Self.tolerance)
        let (double, doubleInput) = try spiked(Double.self)
        #expect(try worstError(of: double(doubleInput), layer: double, input: doubleInput,
                               excludingReadersOf: (5, 6)) <= Self.tolerance)
    }

    @Test("Winograd's transform, on request only, leaks the spike: the check above would see it")
    func winogradLeaks() throws {
        let (layer, input) = try spiked(Float.self)
        let leak = try worstError(of: layer(input, workers: 1, algorithm: .winograd), layer: layer, input: input,
                                  excludingReadersOf: (5, 6))
        #expect(leak > 1e6 * Self.tolerance)
    }
}
