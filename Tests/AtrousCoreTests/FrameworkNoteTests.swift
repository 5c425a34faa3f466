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
        #expect(n == [.pytorchSameRefusesStride, .sameIsAsymmetric(top: 0, bottom: 1, left: 0, right: 1, strided: true)])
        #expect(n[1].description.contains("refuses stride > 1, so pass these pads with F.pad"))
    }

    /// tf.nn.atrous_conv2d takes `rate=(2, 3)` in TensorFlow 2.21: unequal rates need no note.
    @Test func unequalRatesNeedNoNote() throws {
        #expect(try notes(LayerSpec(kernelSize: Pair(3, 3), rate: Pair(1, 2), padding: .same)) == [])
    }

    /// At stride 1 PyTorch's padding='same' puts the odd cell after, as TensorFlow does: the
    /// note says so instead of sending the user to F.pad.
    @Test func unevenSameAtStrideOneNeedsNoFPad() throws {
        let n = try notes(LayerSpec(kernelSize: Pair(2, 2), padding: .same))
        #expect(n.count == 1)
        #expect(n[0].description.contains("and so does PyTorch's padding='same' at stride 1"))
        #expect(!n[0].description.contains("F.pad"))
    }

    @Test func everyNoteHasAStableIdAndItsFrameworks() throws {
        let all: [FrameworkNote] = [.kerasRefusesStrideWithDilation, .pytorchSameRefusesStride,
                                    .atrousConv2dHasNoStride,
                                    .sameIsAsymmetric(top: 0, bottom: 1, left: 0, right: 1, strided: false),
                                    .causalIsKerasConv1D(left: 2), .fullIsExplicit(height: 1, width: 1)]
        #expect(Set(all.map(\.id)).count == all.count)
        #expect(all.allSatisfy { !$0.frameworks.isEmpty })
    }

    @Test func evenKernelUnderSameIsAsymmetric() throws {
        #expect(try notes(LayerSpec(kernelSize: Pair(2, 2), padding: .same))
            == [.sameIsAsymmetric(top: 0, bottom: 1, left: 0, right: 1, strided: false)])
    }

    /// Reflect padding smaller than each axis is what PyTorch accepts, so it gets no note even
    /// when one axis's pad exceeds the other axis's size (9x58, 1x5 at rate 1,6: pads 12 on the
    /// 58 columns only).
    @Test func reflectWithinEachAxisHasNoNote() throws {
        #expect(try notes(LayerSpec(kernelSize: Pair(1, 5), rate: Pair(1, 6), padding: .same, fill: .reflect),
                          input: Pair(9, 58)) == [])
    }

    @Test func causalAndFull() throws {
        #expect(try notes(LayerSpec(kernelSize: Pair(1, 3), rate: Pair(1, 2), padding: .causal), input: Pair(1, 20))
            == [.causalIsKerasConv1D(left: 4)])
        #expect(try notes(LayerSpec(kernelSize: Pair(3, 3), rate: Pair(2, 2), padding: .full))
            == [.fullIsExplicit(height: 4, width: 4)])
    }
}
