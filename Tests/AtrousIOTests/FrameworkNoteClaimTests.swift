import AtrousCore
import AtrousTestSupport
import Foundation
import Testing

/// Each framework note's claim, checked against the installed frameworks (skipped when a
/// framework cannot be imported): what the notes say, and what they no longer say because it
/// was false.
struct FrameworkNoteClaimTests {
    private func run(_ script: String) throws -> String {
        let result = try Python.run(script)
        #expect(result.status == 0, "\(result.standardError)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// tf.nn.atrous_conv2d takes a rate per axis (so no note says it takes one), and it equals
    /// tf.nn.conv2d with those dilations; it has no stride argument.
    @Test(.enabled(if: Python.canImport("tensorflow")))
    func atrousConv2dTakesARatePerAxisAndNoStride() throws {
        let out = try run("""
            import inspect, numpy as np, tensorflow as tf
            x = np.random.rand(1, 12, 13, 1).astype('float32'); k = np.random.rand(3, 3, 1, 1).astype('float32')
            a = tf.nn.atrous_conv2d(x, k, rate=(2, 3), padding='SAME').numpy()
            b = tf.nn.conv2d(x, k, strides=1, dilations=[1, 2, 3, 1], padding='SAME').numpy()
            print(float(np.abs(a - b).max()) < 1e-5, 'strides' in inspect.signature(tf.nn.atrous_conv2d).parameters)
            """)
        #expect(out.hasSuffix("True False"))
    }

    /// Keras Conv2D refuses strides > 1 with dilation_rate > 1; tf.nn.conv2d accepts it.
    @Test(.enabled(if: Python.canImport("tensorflow")))
    func kerasRefusesStrideWithDilation() throws {
        let out = try run("""
            import numpy as np, tensorflow as tf, keras
            try:
                keras.layers.Conv2D(1, 3, strides=2, dilation_rate=2)(np.zeros((1, 9, 9, 1), 'float32')); print('accepted')
            except Exception: print('refused')
            y = tf.nn.conv2d(np.zeros((1, 9, 9, 1), 'float32'), np.zeros((3, 3, 1, 1), 'float32'), strides=2,
                             dilations=2, padding='VALID')
            print('conv2d', y.shape[1])
            """)
        #expect(out.hasSuffix("refused\nconv2d 3"))
    }

    /// PyTorch's padding='same' refuses stride > 1, and at stride 1 pads unevenly as TensorFlow's
    /// SAME does (odd cell after); reflect padding is accepted per axis while each pad is
    /// smaller than its own axis, which is all atrous ever resolves.
    @Test(.enabled(if: Python.canImport("torch") && Python.canImport("tensorflow")))
    func pytorchSameAndReflectAgreeWithTheNotes() throws {
        let out = try run("""
            import numpy as np, torch, torch.nn.functional as F, tensorflow as tf
            try:
                F.conv2d(torch.rand(1, 1, 8, 8), torch.rand(1, 1, 3, 3), padding='same', stride=2); print('accepted')
            except Exception: print('refused')
            worst = 0.0
            for k, r in [(2, 1), (4, 1), (2, 3), (3, 2)]:
                x = np.random.rand(1, 7, 8, 1).astype('float32'); w = np.random.rand(k, k, 1, 1).astype('float32')
                t = tf.nn.conv2d(x, w, strides=1, dilations=r, padding='SAME').numpy()[0, :, :, 0]
                p = F.conv2d(torch.from_numpy(x).permute(0, 3, 1, 2), torch.from_numpy(w).permute(3, 2, 0, 1),
                             padding='same', dilation=r)[0, 0].numpy()
                worst = max(worst, float(np.abs(t - p).max()))
            print(worst < 1e-5)
            x = torch.rand(1, 1, 9, 58)
            print(tuple(F.pad(x, (12, 12, 0, 0), mode='reflect').shape))
            """)
        #expect(out == "refused\nTrue\n(1, 1, 9, 82)")
    }
}
