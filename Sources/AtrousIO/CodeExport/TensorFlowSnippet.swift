import AtrousCore

/// TensorFlow: tf.nn.conv2d always, tf.nn.atrous_conv2d and Keras Conv2D where they apply.
enum TensorFlowSnippet: SnippetBody {
    static let imports = ["import tensorflow as tf"]

    static func write(_ r: SnippetRequest, into py: inout PythonSource) {
        let spec = r.spec
        let padding = writeInput(r, into: &py)
        let strides = "[1, \(spec.stride.height), \(spec.stride.width), 1]"
        let dilations = "[1, \(spec.rate.height), \(spec.rate.width), 1]"
        py.line("y = tf.nn.conv2d(x_tf, k4, strides=\(strides), padding=\(padding.conv2d), dilations=\(dilations))")
        writeResult("tf.nn.conv2d", r, into: &py)

        py.line()
        if let reason = atrousConv2dRefusal(r, padding: padding) {
            py.comment(reason)
        } else {
            // TensorFlow 2.21 takes one rate or a (rows, columns) pair.
            let rate = spec.rate.isSquare ? "\(spec.rate.height)" : "(\(spec.rate.height), \(spec.rate.width))"
            py.line("y = tf.nn.atrous_conv2d(x_tf, k4, rate=\(rate), padding=\(padding.conv2d))")
            writeResult("tf.nn.atrous_conv2d", r, into: &py)
        }

        py.line()
        if r.isStrided && r.isDilated {
            py.comment(FrameworkNote.kerasRefusesStrideWithDilation.description
                + " So Keras Conv2D is left out here.")
        } else {
            writeKeras(r, padding: padding, into: &py)
        }
    }

    /// How the input reaches tf.nn.conv2d: the padding argument, and whether it names a mode
    /// (`"VALID"`/`"SAME"`) that atrous_conv2d and Keras also take.
    private struct PaddingArgument {
        var conv2d: String
        var isNamed: Bool
    }

    /// Writes `x_tf`, padded by hand when the fill is not zeros, and returns the padding argument.
    private static func writeInput(_ r: SnippetRequest, into py: inout PythonSource) -> PaddingArgument {
        let spec = r.spec
        let (t, b, l, rt) = r.pads
        let explicit = "[[0, 0], [\(t), \(b)], [\(l), \(rt)], [0, 0]]"
        if r.fillShows {
            if spec.fill == .reflect {
                py.comment("tf.pad's REFLECT mirrors without repeating the edge, as atrous's reflect "
                    + "and np.pad's \"reflect\" do (SYMMETRIC would repeat the edge).")
                py.line("x_tf = tf.pad(tf.constant(x4), \(explicit), mode=\"REFLECT\")")
            } else {
                let mode = spec.fill.numpyPadMode
                py.comment("tf.pad has no \(spec.fill) mode (only CONSTANT, REFLECT and SYMMETRIC), "
                    + "so np.pad's \"\(mode)\" pads the input before TensorFlow sees it.")
                py.line("x_tf = tf.constant(np.pad(x4, \(r.numpyPadWidths), mode=\"\(mode)\"))")
            }
            return PaddingArgument(conv2d: "\"VALID\"", isNamed: true)
        }
        if spec.fill != .zeros {
            py.comment("Nothing is padded, so the fill \(spec.fill) never shows.")
        }
        py.line("x_tf = tf.constant(x4)")
        switch spec.padding {
        case .valid:
            return PaddingArgument(conv2d: "\"VALID\"", isNamed: true)
        case .same:
            py.comment("TensorFlow's SAME is the rule atrous follows: out = ceil(in / stride), any odd "
                + "cell of padding at the bottom or right.")
            return PaddingArgument(conv2d: "\"SAME\"", isNamed: true)
        case .full:
            py.comment(FrameworkNote.fullIsExplicit(height: t, width: l).description)
        case .causal:
            py.comment(FrameworkNote.causalIsKerasConv1D(left: l).description)
        case .explicit:
            py.comment("tf.nn.conv2d takes explicit pads per axis of NHWC.")
        }
        return PaddingArgument(conv2d: explicit, isNamed: false)
    }

    /// Why tf.nn.atrous_conv2d cannot compute this layer, or nil when it can.
    private static func atrousConv2dRefusal(_ r: SnippetRequest, padding: PaddingArgument) -> String? {
        if r.isStrided { return FrameworkNote.atrousConv2dHasNoStride.description }
        if !padding.isNamed {
            return "tf.nn.atrous_conv2d takes only VALID or SAME padding; tf.nn.conv2d above takes the explicit pads."
        }
        return nil
    }

    private static func writeKeras(_ r: SnippetRequest, padding: PaddingArgument, into py: inout PythonSource) {
        let spec = r.spec
        let kerasPadding: String
        if padding.isNamed {
            py.line("x_keras = x_tf")
            kerasPadding = padding.conv2d.lowercased()
        } else {
            py.comment("Keras Conv2D takes only \"valid\" or \"same\", so the zeros are padded by hand.")
            py.line("x_keras = tf.pad(x_tf, \(padding.conv2d))")
            kerasPadding = "\"valid\""
        }
        py.line("layer = tf.keras.layers.Conv2D(")
        py.line("    \(r.kernel.outputChannels), \(pythonTuple(spec.kernelSize)), strides=\(pythonTuple(spec.stride)), "
            + "padding=\(kerasPadding),")
        py.line("    dilation_rate=\(pythonTuple(spec.rate)), use_bias=\(r.hasBias ? "True" : "False"), "
            + "dtype=x4.dtype.name)")
        py.line("layer.build(x_keras.shape)")
        py.line("layer.set_weights(\(r.hasBias ? "[k4, b]" : "[k4]"))")
        py.line("results.append(compare(\"tf.keras.layers.Conv2D\", layer(x_keras)))")
    }

    private static func writeResult(_ name: String, _ r: SnippetRequest, into py: inout PythonSource) {
        if r.hasBias { py.line("y = tf.nn.bias_add(y, b)") }
        py.line("results.append(compare(\"\(name)\", y))")
    }
}
