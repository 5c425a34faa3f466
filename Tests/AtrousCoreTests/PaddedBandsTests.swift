import Testing
@testable import AtrousCore

@Suite("A large input is padded a band of rows at a time, with the same result as padded whole")
struct PaddedBandsTests {
    @Test("Bands of any height give the same bits as the whole padded input",
          arguments: [1, 2, 3, 5], [CorrelationAlgorithm.direct, .rows])
    func bandsAgreeWithTheWholeCopy(rowsPerBand: Int, algorithm: CorrelationAlgorithm) throws {
        var generator = SplitMix64(seed: UInt64(40 + rowsPerBand))
        var compared = 0
        while compared < 40 {
            let problem = ConvolutionCase.random(using: &generator)
            let (input, kernel, bias) = problem.tensors(Float.self, using: &generator)
            guard let layer = try? Convolution(kernel: kernel, bias: bias, rate: problem.rate, stride: problem.stride,
                                               padding: problem.padding, fill: problem.fill),
                  let whole = try? layer.apply(input, workers: 2, algorithm: algorithm)
            else { continue }
            let banded = try layer.apply(input, workers: 2, algorithm: algorithm, bandRows: rowsPerBand)
            #expect(banded == whole, "\(problem)")
            compared += 1
        }
    }

    @Test("Doubles too, and every image of a batch")
    func doublesAndBatches() throws {
        let problem = ConvolutionCase(batch: 3, height: 11, width: 9, inputChannels: 2, outputChannels: 3,
                                      kernel: Pair(3, 2), rate: Pair(2, 3), stride: Pair(2, 1), padding: .full,
                                      fill: .reflect, hasBias: true)
        var generator = SplitMix64(seed: 7)
        let (input, kernel, bias) = problem.tensors(Double.self, using: &generator)
        let layer = try Convolution(kernel: kernel, bias: bias, rate: problem.rate, stride: problem.stride,
                                    padding: problem.padding, fill: problem.fill)
        let whole = try layer.apply(input, workers: 1, algorithm: nil)
        for rows in 1...4 { #expect(try layer.apply(input, workers: 3, algorithm: nil, bandRows: rows) == whole) }
    }

    @Test("An 8192x8192 map is padded in cache-sized bands; a small one, or one without padding, whole")
    func whenBandsAreUsed() throws {
        let spec = LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 2), padding: .same)
        let kernel = KernelShape(height: 3, width: 3, inputChannels: 1, outputChannels: 1)
        func bands(side: Int, padding: Padding = .same) throws -> PaddedBands<Float>? {
            var spec = spec
            spec.padding = padding
            let geometry = try ConvolutionGeometry(inputSize: Pair(square: side), spec: spec)
            let shape = FeatureMapShape(batch: 1, height: side, width: side, channels: 1)
            let output = FeatureMapShape(batch: 1, height: geometry.rows.outputSize, width: geometry.columns.outputSize,
                                         channels: 1)
            return PaddedBands(shape: shape, kernel: kernel, geometry: geometry, output: output)
        }
        let large = try #require(try bands(side: 8192))
        #expect(large.rowsPerBand >= 1 && large.rowsPerBand * 8196 <= PaddedBands<Float>.scalarsPerBand)
        #expect(try bands(side: 512) == nil)
        #expect(try bands(side: 8192, padding: .valid) == nil)
    }
}
