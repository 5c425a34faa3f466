import Testing
import AtrousCore

/// Where each fill takes a padded cell's value from, against NumPy's `np.pad` modes.
struct FillTests {
    // np.pad(np.arange(5), 3, mode=...) gives these source indices.
    @Test func reflectMirrorsWithoutRepeatingTheEdge() {
        let sources = (-3..<8).map { Fill.reflect.sourceIndex($0, size: 5) }
        #expect(sources == [3, 2, 1, 0, 1, 2, 3, 4, 3, 2, 1])
    }

    @Test func replicateRepeatsTheEdge() {
        let sources = (-3..<8).map { Fill.replicate.sourceIndex($0, size: 5) }
        #expect(sources == [0, 0, 0, 0, 1, 2, 3, 4, 4, 4, 4])
    }

    @Test func circularWrapsEvenPastOnePeriod() {
        let sources = (-7..<8).map { Fill.circular.sourceIndex($0, size: 3) }
        #expect(sources == [2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1])
    }

    @Test func zerosHaveNoSource() {
        #expect(Fill.zeros.sourceIndex(-1, size: 4) == nil)
        #expect(Fill.zeros.sourceIndex(4, size: 4) == nil)
        #expect(Fill.zeros.sourceIndex(2, size: 4) == 2)
    }

    @Test func reflectPaddingMustBeSmallerThanTheInput() {
        let spec = LayerSpec(kernelSize: Pair(3, 3), rate: Pair(3, 3), padding: .same, fill: .reflect)
        #expect(throws: ConvolutionError.reflectPaddingTooLarge(axis: .height, pad: 3, inputSize: 3)) {
            try ConvolutionGeometry(inputSize: Pair(3, 9), spec: spec)
        }
        #expect(throws: Never.self) { try ConvolutionGeometry(inputSize: Pair(4, 4), spec: spec) }
    }
}
