/// A finding told in one plain sentence, with the framework call that computes it.
extension DiagnosisFinding {
    /// E.g. "Matches (max error 2.4e-07), TensorFlow's standard call: rate 2, stride 1, TensorFlow's
    /// SAME padding (top 2, bottom 2, left 2, right 2), zero fill; computed by tf.nn.atrous_conv2d(x, k, 2, 'SAME')."
    public var sentence: String {
        let verdict = matches ? "Matches" : "Closest"
        let standard = isTensorFlowStandard ? ", TensorFlow's standard call" : ""
        return "\(verdict) (max error \(errorText(maxAbsError)))\(standard): \(conventions); "
            + "computed by \(frameworkCall)."
    }

    /// The conventions in words, the unusual ones first.
    public var conventions: String {
        var parts: [String] = []
        switch kernel {
        case .asIs: break
        case .flipped: parts.append("the kernel flipped (a true convolution, not a cross-correlation)")
        case .swappedAxes: parts.append("the kernel's height and width swapped")
        case .swappedChannels: parts.append("the kernel's input and output channels swapped")
        }
        if inputLayout == .nchw { parts.append("input and output read as NCHW (channels first)") }
        parts.append("rate \(rate), stride \(stride)")
        parts.append(paddingWords)
        parts.append("\(fillWords) fill")
        switch bias {
        case .used: parts.append("the bias added")
        case .missing: parts.append("the bias missing")
        case .none: break
        }
        let prefix = twice ? "the same kernel applied twice, first at rate 1 with SAME padding, then " : ""
        return prefix + parts.joined(separator: ", ")
    }

    private var paddingWords: String {
        let (t, b, l, r) = (pads[0], pads[1], pads[2], pads[3])
        let sides = "top \(t), bottom \(b), left \(l), right \(r)"
        switch padding {
        case .valid: return "no padding (VALID)"
        case .same: return "TensorFlow's SAME padding (\(sides))"
        case .full: return "full padding (\(t) rows and \(l) columns per side)"
        case .causal: return "causal padding (\(l) columns on the left only)"
        case .symmetric: return "symmetric PyTorch-style padding=(\(t), \(l))"
        case .explicit: return "explicit padding \(sides)"
        }
    }

    private var fillWords: String {
        switch fill {
        case .zeros: "zero"
        case .reflect: "reflect"
        case .replicate: "replicate"
        case .circular: "circular"
        }
    }

    /// A TensorFlow expression that computes this finding from `x` (the input, 4-D) and `k`
    /// (the kernel, HWIO) and `b` (the bias): NumPy pads the fills TensorFlow has no name for.
    public var frameworkCall: String {
        let (t, b, l, r) = (pads[0], pads[1], pads[2], pads[3])
        let weights: String
        switch kernel {
        case .asIs: weights = "k"
        case .flipped: weights = "k[::-1, ::-1]"
        case .swappedAxes: weights = "tf.transpose(k, [1, 0, 2, 3])"
        case .swappedChannels: weights = "tf.transpose(k, [0, 1, 3, 2])"
        }
        var input = inputLayout == .nchw ? "tf.transpose(x, [0, 2, 3, 1])" : "x"
        if twice { input = "tf.nn.conv2d(\(input), \(weights), 1, 'SAME')" }
        let named: String
        if fill != .zeros {
            let mode = fill == .reflect ? "reflect" : fill == .replicate ? "edge" : "wrap"
            input = "np.pad(\(input), ((0, 0), (\(t), \(b)), (\(l), \(r)), (0, 0)), mode='\(mode)')"
            named = "'VALID'"
        } else {
            switch padding {
            case .valid: named = "'VALID'"
            case .same: named = "'SAME'"
            default: named = "[[0, 0], [\(t), \(b)], [\(l), \(r)], [0, 0]]"
            }
        }
        var call: String
        if stride == Pair(square: 1), rate.isSquare, named == "'SAME'" || named == "'VALID'" {
            call = "tf.nn.atrous_conv2d(\(input), \(weights), \(rate.height), \(named))"
        } else {
            call = "tf.nn.conv2d(\(input), \(weights), strides=[\(stride.height), \(stride.width)], "
                + "padding=\(named), dilations=[\(rate.height), \(rate.width)])"
        }
        if bias == .used { call += " + b" }
        if inputLayout == .nchw { call = "tf.transpose(\(call), [0, 3, 1, 2])" }
        return call
    }
}

/// A non-negative error (or tolerance) in three significant digits: `0`, `2.38e-07`, `0.0156`, `3.5`.
public func errorText(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == 0 { return "0" }
    var exponent = 0
    var mantissa = value
    while mantissa >= 10 { mantissa /= 10; exponent += 1 }
    while mantissa < 1 { mantissa *= 10; exponent -= 1 }
    let rounded = (mantissa * 100).rounded() / 100
    if exponent >= -3 && exponent < 4 {
        var scale = 100.0
        for _ in 0..<max(0, -exponent) { scale *= 10 }
        return "\((value * scale).rounded() / scale)"
    }
    return "\(rounded)e\(exponent < 0 ? "-" : "+")\(abs(exponent) < 10 ? "0" : "")\(abs(exponent))"
}
