import Testing
import AtrousCore

/// The framework rules told to the user appear exactly when they apply.
struct FrameworkNoteTests {
    func notes(_ spec: LayerSpec, input: Pair = Pair(18, 18)) throws -> [FrameworkNote] {
        FrameworkNote.notes(for: try ConvolutionGeometry(inputSize: input, spec: spec))
    }

    @Test func plainDilationHasNoNotes() throws {
        #expect(try notes(LayerSpec(kernelSize: Pair(3, 3), rate: Pair(2, 2), padding: .same)) == [])
    }

    @Test func strideWithDilation() throws {
        let n = try notes(LayerSpec(kernelSize: Pair(3, 3), rate: Pair(2, 2), stride: Pair(2, 2), padding: .valid))
        #expect(n == [.kerasRefusesStrideWithDilation, .atrousConv2dHasNoStride])
        #expect(n[0].description == "Keras Conv2D refuses strides > 1 with dilation_rate > 1; tf.nn.conv2d accepts it.")
    }

    @Test func sameWithStride() throws {
        let n = try notes(LayerSpec(kernelSize: Pair(3, 3), stride: Pair(2, 2), padding: .same))
        #expect(n == [.pytorchSameRefusesStride, .sameIsAsymmetric(top: 0, bottom: 1, left: 0, right: 1)])
    }

    @Test func unequalRates() throws {
        #expect(try notes(LayerSpec(kernelSize: Pair(3, 3), rate: Pair(1, 2), padding: .same))
            == [.atrousConv2dHasOneRate])
    }

    @Test func evenKernelUnderSameIsAsymmetric() throws {
        #expect(try notes(LayerSpec(kernelSize: Pair(2, 2), padding: .same))
            == [.sameIsAsymmetric(top: 0, bottom: 1, left: 0, right: 1)])
    }

    @Test func reflectCausalAndFull() throws {
        #expect(try notes(LayerSpec(kernelSize: Pair(3, 3), padding: .same, fill: .reflect), input: Pair(5, 6))
            == [.pytorchReflectLimit(largestPad: 1, smallestInput: 5)])
        #expect(try notes(LayerSpec(kernelSize: Pair(1, 3), rate: Pair(1, 2), padding: .causal), input: Pair(1, 20))
            == [.atrousConv2dHasOneRate, .causalIsKerasConv1D(left: 4)])
        #expect(try notes(LayerSpec(kernelSize: Pair(3, 3), rate: Pair(2, 2), padding: .full))
            == [.fullIsExplicit(height: 4, width: 4)])
    }
}
