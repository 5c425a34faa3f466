import AtrousCore

/// Generates a runnable Python file that reproduces a whole atrous stack with a framework —
/// a Keras Sequential model, a PyTorch nn.Sequential, a JAX function of
/// lax.conv_general_dilated calls, or NumPy — and checks the last output against atrous's, as
/// ``PythonSnippet`` does for one layer.
///
/// Every layer pads by the cells atrous resolved for it (so SAME and the fills mean exactly
/// what they mean in atrous), then convolves with no padding of its own.
public enum StackPythonSnippet {
    /// The Python source for `framework`.
    public static func source(for request: StackSnippetRequest, framework: SnippetFramework) -> String {
        var py = PythonSource()
        writeHeader(request, framework: framework, into: &py)
        py.line("import sys")
        py.line("from pathlib import Path")
        py.line()
        py.line("import numpy as np")
        let imports: [String] = switch framework {
        case .tensorflow: ["import tensorflow as tf"]
        case .pytorch: ["import torch"]
        case .jax: JAXSnippet.imports
        case .numpy: []
        }
        for line in imports { py.line(line) }
        py.line()
        writeLoading(request, into: &py)
        PythonSnippet.writeCompare(output: request.output, into: &py)
        py.line()
        switch framework {
        case .tensorflow: writeKeras(request, into: &py)
        case .pytorch: writePyTorch(request, into: &py)
        case .jax: writeJAX(request, into: &py)
        case .numpy: writeNumpy(request, into: &py)
        }
        py.line()
        py.line("sys.exit(0 if all(results) else 1)")
        return py.text
    }

    private static func writeHeader(_ r: StackSnippetRequest, framework: SnippetFramework, into py: inout PythonSource) {
        py.line("#!/usr/bin/env python3")
        py.line("\"\"\"Reproduce atrous's stack of \(r.layers.count) dilated layers with \(framework.displayName).")
        py.line()
        for (index, (layer, activation)) in zip(r.layers, r.activations).enumerated() {
            let (t, b, l, rt) = layer.pads
            py.line("Layer \(index + 1): \(layer.spec.notation), pads \(t),\(b),\(l),\(rt), fill \(layer.spec.fill), "
                + "\(layer.kernel.inputChannels)->\(layer.kernel.outputChannels) channels"
                + (layer.hasBias ? ", bias" : "") + (activation == .relu ? ", ReLU" : "") + ".")
        }
        py.line("Input \(shapeText(r.inputShape)) -> output \(shapeText(r.outputShape)); each layer reads the one before.")
        py.line()
        py.line("Run it with python3 beside its .npy files. It prints how far the last output lies")
        py.line("from atrous's and exits with 1 unless max|y - e| <= 1e-4 * max(1, max|e|).")
        py.line("\"\"\"")
    }

    private static func writeLoading(_ r: StackSnippetRequest, into py: inout PythonSource) {
        py.line("HERE = Path(__file__).resolve().parent")
        py.line("x = np.load(HERE / \(pythonString(r.files.input)))")
        py.line("expected = np.load(HERE / \(pythonString(r.files.expected)))")
        PythonSnippet.writeInputAsNHWC(shape: r.inputShape, input: r.layers[0].input, into: &py)
        py.comment("Each layer's kernel is HWIO (kh, kw, Cin, Cout) and its bias (Cout,), in the input's float type.")
        py.line("layers = [")
        for (index, layer) in r.layers.enumerated() {
            let (t, b, l, rt) = layer.pads
            let bias = layer.files.bias.map { "np.load(HERE / \(pythonString($0))).astype(dtype)" } ?? "None"
            py.line("    dict(kernel=np.load(HERE / \(pythonString(layer.files.kernel))).reshape"
                + "\(pythonTuple(layer.kernel.dimensions)).astype(dtype),")
            py.line("         bias=\(bias), rate=\(pythonTuple(layer.spec.rate)), stride=\(pythonTuple(layer.spec.stride)),")
            py.line("         pads=((\(t), \(b)), (\(l), \(rt))), mode=\(pythonString(layer.spec.fill.numpyPadMode)), "
                + "relu=\(r.activations[index] == .relu ? "True" : "False")),  # layer \(index + 1)")
        }
        py.line("]")
        py.line("if expected.shape != \(pythonTuple(r.outputShape)):")
        py.line("    sys.exit(f\"The expected output has shape {expected.shape}, but this snippet was written for "
            + "\(pythonTuple(r.outputShape)).\")")
        py.line()
    }

    private static func writeNumpy(_ r: StackSnippetRequest, into py: inout PythonSource) {
        py.comment("The cross-correlation of each layer, one kernel tap at a time, on the padded "
            + "output of the layer before.")
        py.code("""
            def layer(h, kernel, bias, rate, stride, pads, mode, relu):
                hp = np.pad(h, ((0, 0),) + pads + ((0, 0),), mode=mode)
                kh, kw, cin, cout = kernel.shape
                out_h = (hp.shape[1] - (rate[0] * (kh - 1) + 1)) // stride[0] + 1
                out_w = (hp.shape[2] - (rate[1] * (kw - 1) + 1)) // stride[1] + 1
                y = np.zeros((h.shape[0], out_h, out_w, cout), dtype=h.dtype)
                for i in range(kh):
                    for j in range(kw):
                        top, left = i * rate[0], j * rate[1]
                        window = hp[:, top:top + stride[0] * (out_h - 1) + 1:stride[0],
                                    left:left + stride[1] * (out_w - 1) + 1:stride[1], :]
                        y += window @ kernel[i, j]
                if bias is not None:
                    y += bias
                return np.maximum(y, 0) if relu else y


            h = x4
            for spec in layers:
                h = layer(h, **spec)
            results.append(compare("NumPy", h))
            """)
    }

    private static func writeJAX(_ r: StackSnippetRequest, into py: inout PythonSource) {
        py.comment("Zeros go to lax.conv_general_dilated as padding pairs; other fills are padded by "
            + "jnp.pad, which takes np.pad's modes.")
        py.code("""
            def layer(h, kernel, bias, rate, stride, pads, mode, relu):
                if mode == "constant":
                    padding = list(pads)
                else:
                    h = jnp.pad(h, ((0, 0),) + pads + ((0, 0),), mode=mode)
                    padding = [(0, 0), (0, 0)]
                y = lax.conv_general_dilated(
                    h, jnp.asarray(kernel), window_strides=stride, padding=padding, rhs_dilation=rate,
                    dimension_numbers=("NHWC", "HWIO", "NHWC"), precision=lax.Precision.HIGHEST)
                if bias is not None:
                    y = y + bias
                return jax.nn.relu(y) if relu else y


            @jax.jit
            def stack(h):
                for spec in layers:
                    h = layer(h, **spec)
                return h


            results.append(compare("jax.lax.conv_general_dilated", stack(jnp.asarray(x4))))
            """)
    }

    private static func writeKeras(_ r: StackSnippetRequest, into py: inout PythonSource) {
        py.comment("Keras pads only with zeros, so each layer's pads are explicit: ZeroPadding2D for "
            + "zeros, and for the other fills a Lambda that gathers the cells np.pad would copy.")
        if r.layers.contains(where: { $0.isStrided && $0.isDilated }) {
            py.comment(FrameworkNote.kerasRefusesStrideWithDilation.description + " Such a layer runs at "
                + "stride 1 and a Lambda keeps every stride-th row and column, which is the same result.")
        }
        py.code("""
            def padding(pads, mode):
                if mode == "constant":
                    return tf.keras.layers.ZeroPadding2D(pads)

                def pad(h):
                    rows = np.pad(np.arange(h.shape[1]), pads[0], mode=mode)
                    columns = np.pad(np.arange(h.shape[2]), pads[1], mode=mode)
                    return tf.gather(tf.gather(h, rows, axis=1), columns, axis=2)

                return tf.keras.layers.Lambda(pad)


            model = tf.keras.Sequential([tf.keras.Input(shape=x4.shape[1:], dtype=x4.dtype.name)])
            convolutions = []
            for spec in layers:
                if spec["pads"] != ((0, 0), (0, 0)):
                    model.add(padding(spec["pads"], spec["mode"]))
                kh, kw, cin, cout = spec["kernel"].shape
                both = max(spec["stride"]) > 1 and max(spec["rate"]) > 1
                conv = tf.keras.layers.Conv2D(
                    cout, (kh, kw), strides=(1, 1) if both else spec["stride"], padding="valid",
                    dilation_rate=spec["rate"], use_bias=spec["bias"] is not None,
                    activation="relu" if spec["relu"] else None, dtype=x4.dtype.name)
                model.add(conv)
                convolutions.append((conv, spec))
                if both:
                    sh, sw = spec["stride"]
                    model.add(tf.keras.layers.Lambda(lambda h, sh=sh, sw=sw: h[:, ::sh, ::sw, :]))
            for conv, spec in convolutions:
                conv.set_weights([spec["kernel"]] + ([spec["bias"]] if spec["bias"] is not None else []))
            results.append(compare("tf.keras.Sequential", model(x4)))
            """)
    }

    private static func writePyTorch(_ r: StackSnippetRequest, into py: inout PythonSource) {
        py.comment("nn.Conv2d pads both sides of an axis alike, with padding_mode for the fills; "
            + "uneven pads, and circular pads wider than the map, go through a module that gathers "
            + "the cells np.pad would copy. PyTorch is NCHW with OIHW weights.")
        py.code("""
            class Pad(torch.nn.Module):
                def __init__(self, pads, mode):
                    super().__init__()
                    self.pads, self.mode = pads, mode

                def forward(self, h):
                    if self.mode == "constant":
                        (t, b), (l, r) = self.pads
                        return torch.nn.functional.pad(h, (l, r, t, b))
                    rows = torch.from_numpy(np.pad(np.arange(h.shape[2]), self.pads[0], mode=self.mode))
                    columns = torch.from_numpy(np.pad(np.arange(h.shape[3]), self.pads[1], mode=self.mode))
                    return h.index_select(2, rows).index_select(3, columns)


            torch_modes = {"constant": "zeros", "reflect": "reflect", "edge": "replicate", "wrap": "circular"}
            modules, size = [], x4.shape[1:3]
            for spec in layers:
                (t, b), (l, r) = spec["pads"]
                kh, kw, cin, cout = spec["kernel"].shape
                even = t == b and l == r and not (spec["mode"] == "wrap" and (t > size[0] or l > size[1]))
                conv = torch.nn.Conv2d(cin, cout, (kh, kw), stride=spec["stride"], padding=(t, l) if even else 0,
                                       dilation=spec["rate"], bias=spec["bias"] is not None,
                                       padding_mode=torch_modes[spec["mode"]] if even else "zeros")
                with torch.no_grad():
                    conv.weight.copy_(torch.from_numpy(spec["kernel"].transpose(3, 2, 0, 1)))
                    if spec["bias"] is not None:
                        conv.bias.copy_(torch.from_numpy(spec["bias"]))
                modules += ([] if even else [Pad(spec["pads"], spec["mode"])]) + [conv]
                modules += [torch.nn.ReLU()] if spec["relu"] else []
                size = ((size[0] + t + b - spec["rate"][0] * (kh - 1) - 1) // spec["stride"][0] + 1,
                        (size[1] + l + r - spec["rate"][1] * (kw - 1) - 1) // spec["stride"][1] + 1)
            model = torch.nn.Sequential(*modules).to(torch.float64 if dtype == np.float64 else torch.float32)
            with torch.no_grad():
                y = model(torch.from_numpy(x4).permute(0, 3, 1, 2))  # NHWC -> NCHW
            results.append(compare("torch.nn.Sequential", y.permute(0, 2, 3, 1).numpy()))  # NCHW -> NHWC
            """)
    }
}
