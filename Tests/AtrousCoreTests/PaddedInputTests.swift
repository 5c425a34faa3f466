import Testing
@testable import AtrousCore

@Suite("Padding materialised before the correlation")
struct PaddedInputTests {
    /// Every padded cell holds the input cell that the fill names, or zero.
    @Test("Padded cells follow the fill, on one thread or several", arguments: Fill.allCases, [1, 2, 3])
    func paddedCells(fill: Fill, workers: Int) throws {
        // Large enough for the copy to be shared between threads.
        let shape = FeatureMapShape(batch: 2, height: 90, width: 60, channels: 30)
        #expect(shape.count >= 2 * PaddedInput<Float>.scalarsPerWorker)
        let input = (0..<shape.count).map { Float($0 % 9973) }
        let geometry = try ConvolutionGeometry(
            inputSize: shape.spatial,
            spec: LayerSpec(kernelSize: Pair(square: 3), rate: Pair(3, 2), padding: .explicit(top: 5, bottom: 1, left: 2, right: 4),
                            fill: fill))
        let padded = PaddedInput(input, shape: shape, geometry: geometry, workers: workers)
        #expect(padded.shape == FeatureMapShape(batch: 2, height: 96, width: 66, channels: 30))
        var mismatches = 0
        for n in 0..<2 {
            for y in 0..<96 {
                for x in 0..<66 {
                    let sy = fill.sourceIndex(y - 5, size: 90), sx = fill.sourceIndex(x - 2, size: 60)
                    for c in [0, 17, 29] {
                        let expected = sy.flatMap { sy in sx.map { sx in input[((n * 90 + sy) * 60 + sx) * 30 + c] } } ?? 0
                        if padded.scalars[((n * 96 + y) * 66 + x) * 30 + c] != expected { mismatches += 1 }
                    }
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test("Without padding the input's storage is shared, not copied")
    func noPadding() throws {
        let shape = FeatureMapShape(batch: 1, height: 4, width: 5, channels: 2)
        let input = (0..<shape.count).map(Double.init)
        let geometry = try ConvolutionGeometry(inputSize: shape.spatial, spec: LayerSpec(kernelSize: Pair(square: 3)))
        let padded = PaddedInput(input, shape: shape, geometry: geometry, workers: 2)
        #expect(padded.shape == shape)
        #expect(padded.scalars == input)
    }
}
