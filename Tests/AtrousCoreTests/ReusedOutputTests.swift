import Testing
@testable import AtrousCore

@Suite("A convolution writes into the storage of a previous output of its size, with the same bits")
struct ReusedOutputTests {
    /// The first element's address: where the storage is, without keeping a reference to it.
    private static func address<S>(_ scalars: [S]) -> UnsafeRawPointer? {
        scalars.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test("Reused storage, padded whole or in bands, gives the bits of a fresh output",
          arguments: [nil, 2] as [Int?])
    func reusedEqualsFresh(bandRows: Int?) throws {
        var generator = SplitMix64(seed: 12)
        var compared = 0
        while compared < 30 {
            let problem = ConvolutionCase.random(using: &generator)
            let (input, kernel, bias) = problem.tensors(Float.self, using: &generator)
            guard let layer = try? Convolution(kernel: kernel, bias: bias, rate: problem.rate, stride: problem.stride,
                                               padding: problem.padding, fill: problem.fill),
                  let fresh = try? layer.apply(input, workers: 2, algorithm: nil, bandRows: bandRows)
            else { continue }
            // Stale values of another computation in the spare, which must all be overwritten.
            var spare = Tensor<Float>(shape: fresh.shape, repeating: .nan)
            spare.scalars[0] = 7
            let before = Self.address(spare.scalars)
            let reused = try layer.apply(input, workers: 2, algorithm: nil, bandRows: bandRows, reusing: (consume spare).scalars)
            #expect(reused.scalars.elementsEqual(fresh.scalars) { $0.bitPattern == $1.bitPattern }, "\(problem)")
            #expect(reused.shape == fresh.shape)
            #expect(Self.address(reused.scalars) == before, "the spare's storage is written, not a fresh one")
            compared += 1
        }
    }

    @Test("Through the public call and a stack layer with ReLU, in doubles")
    func publicCallAndStackLayer() throws {
        let problem = ConvolutionCase(batch: 2, height: 13, width: 10, inputChannels: 2, outputChannels: 3,
                                      kernel: Pair(3, 2), rate: Pair(2, 3), stride: Pair(1, 2), padding: .same,
                                      fill: .reflect, hasBias: true)
        var generator = SplitMix64(seed: 5)
        let (input, kernel, bias) = problem.tensors(Double.self, using: &generator)
        let layer = StackLayer(try Convolution(kernel: kernel, bias: bias, rate: problem.rate, stride: problem.stride,
                                               padding: problem.padding, fill: problem.fill), activation: .relu)
        let fresh = try layer(input)
        var spare: Tensor<Double>? = Tensor(shape: fresh.shape, repeating: -3)
        let before = spare.flatMap { Self.address($0.scalars) }
        let reused = try layer(input, reusing: consume spare)
        #expect(reused == fresh)
        #expect(Self.address(reused.scalars) == before)
    }

    @Test("A shared spare is left as it was, and one of another size is not used")
    func sharedOrMismatchedSpares() throws {
        let layer = try Convolution(kernel: Tensor<Float>(shape: [3, 3, 1, 1], repeating: 0.5), rate: Pair(square: 2),
                                    padding: .same)
        let input = Tensor<Float>(shape: [9, 9]) { Float($0[0] * 9 + $0[1]) }
        let fresh = try layer(input)
        let held = Tensor<Float>(shape: fresh.shape, repeating: 1)
        let reused = try layer(input, reusing: held)
        #expect(reused == fresh)
        #expect(held == Tensor<Float>(shape: fresh.shape, repeating: 1), "copy-on-write keeps the other holder's values")
        #expect(try layer(input, reusing: Tensor<Float>(shape: [4, 4], repeating: 1)) == fresh)
    }
}
