import AtrousCore

/// PyTorch: F.conv2d on NCHW/OIHW tensors, with F.pad for fills and uneven pads.
enum PyTorchSnippet: SnippetBody {
    static let imports = ["import torch", "import torch.nn.functional as F"]

    static func write(_ r: SnippetRequest, into py: inout PythonSource) {
        let spec = r.spec
        let (t, b, l, rt) = r.pads
        let padPairs = "(\(l), \(rt), \(t), \(b))"
        let fPadOrder = "F.pad lists the last axis first: (left, right, top, bottom)."
        var source = "x4"
        if r.fillShows && spec.fill == .circular && circularWrapsTwice(r) {
            py.comment("PyTorch's circular padding wraps at most once (no pad beyond the input's side), "
                + "so np.pad's \"wrap\" pads the input before PyTorch sees it.")
            py.line("x4p = np.pad(x4, \(r.numpyPadWidths), mode=\"wrap\")")
            source = "x4p"
        }
        py.comment("PyTorch is NCHW with OIHW weights: the channel axes move in here and back out "
            + "at the end.")
        py.line("x_t = torch.from_numpy(\(source)).permute(0, 3, 1, 2)  # NHWC -> NCHW")
        py.line("w_t = torch.from_numpy(k4).permute(3, 2, 0, 1)  # HWIO -> OIHW")
        py.line("b_t = " + (r.hasBias ? "torch.from_numpy(b)" : "None"))

        let padding: String
        if source != "x4" || !r.isPadded {
            if spec.fill != .zeros && !r.isPadded {
                py.comment("Nothing is padded, so the fill \(spec.fill) never shows.")
            }
            padding = "0"
        } else if r.fillShows {
            let mode = spec.fill.rawValue  // PyTorch names the three fills as atrous does
            py.comment("F.pad's \"\(mode)\" is atrous's fill \(spec.fill). " + fPadOrder)
            py.line("x_t = F.pad(x_t, \(padPairs), mode=\"\(mode)\")")
            padding = "0"
        } else if spec.padding == .same && !r.isStrided && r.hasSymmetricPads {
            py.comment("PyTorch's padding=\"same\" pads as TensorFlow's SAME at stride 1: here \(counted(t, "row")) "
                + "and \(counted(l, "column")) on each side.")
            padding = "\"same\""
        } else {
            if spec.padding == .same && r.isStrided {
                py.comment(FrameworkNote.pytorchSameRefusesStride.description)
            }
            switch spec.padding {
            case .full: py.comment(FrameworkNote.fullIsExplicit(height: t, width: l).description)
            case .causal: py.comment(FrameworkNote.causalIsKerasConv1D(left: l).description)
            default: break
            }
            if r.hasSymmetricPads {
                py.comment("F.conv2d's padding=(rows, columns) pads both sides of each axis alike.")
                padding = pythonTuple([t, l])
            } else {
                if spec.padding == .same {
                    py.comment(FrameworkNote.sameIsAsymmetric(top: t, bottom: b, left: l, right: rt, strided: r.isStrided).description)
                } else {
                    py.comment("F.conv2d pads both sides of an axis alike, so these uneven pads go through F.pad.")
                }
                py.comment(fPadOrder)
                py.line("x_t = F.pad(x_t, \(padPairs))")
                padding = "0"
            }
        }
        py.line("y_t = F.conv2d(x_t, w_t, b_t, stride=\(pythonTuple(spec.stride)), padding=\(padding), "
            + "dilation=\(pythonTuple(spec.rate)))")
        py.line("y4 = y_t.permute(0, 2, 3, 1).numpy()  # NCHW -> NHWC")
        py.line("results.append(compare(\"torch.nn.functional.conv2d\", y4))")
    }

    /// Whether circular padding reaches further than one input side on some axis, which
    /// PyTorch refuses ("Padding value causes wrapping around more than once").
    private static func circularWrapsTwice(_ r: SnippetRequest) -> Bool {
        let (t, b, l, rt) = r.pads
        return max(t, b) > r.input.height || max(l, rt) > r.input.width
    }
}
