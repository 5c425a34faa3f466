import AtrousCore

/// Generates a runnable Python file that reproduces one atrous convolution with a framework
/// and checks the numbers against atrous's own result.
///
/// The snippet loads the input, kernel, optional bias and atrous's result from `.npy` files,
/// reads rank-2 and rank-3 arrays as NHWC/HWIO the way atrous does, computes the layer with
/// the framework, prints one line per way of computing it
/// (`<call> matches atrous: max abs error 1.2e-07 (tolerance 0.0001)`) and exits with 1 when
/// any result breaks the conformance rule `max|y − e| ≤ 1e-4 · max(1, max|e|)`.
/// Where the framework cannot express the configuration directly, the snippet uses the
/// equivalent that works and says why in a comment.
public enum PythonSnippet {
    /// The Python source for `framework`.
    public static func source(for request: SnippetRequest, framework: SnippetFramework) -> String {
        let body: any SnippetBody.Type = switch framework {
        case .tensorflow: TensorFlowSnippet.self
        case .pytorch: PyTorchSnippet.self
        case .jax: JAXSnippet.self
        case .numpy: NumpySnippet.self
        }
        var py = PythonSource()
        writeHeader(request, framework: framework, into: &py)
        py.line("import sys")
        py.line("from pathlib import Path")
        py.line()
        py.line("import numpy as np")
        for line in body.imports { py.line(line) }
        py.line()
        writeLoading(request, into: &py)
        writeCompare(output: request.output, into: &py)
        py.comment(request.paddingSentence)
        body.write(request, into: &py)
        py.line()
        py.line("sys.exit(0 if all(results) else 1)")
        return py.text
    }

    private static func writeHeader(_ r: SnippetRequest, framework: SnippetFramework, into py: inout PythonSource) {
        let spec = r.spec
        let (t, b, l, rt) = r.pads
        py.line("#!/usr/bin/env python3")
        py.line("\"\"\"Reproduce atrous's dilated convolution with \(framework.displayName).")
        py.line()
        func size(_ pair: Pair) -> String { "\(pair.height)x\(pair.width)" }
        py.line("Layer: kernel \(size(spec.kernelSize)) at rate \(size(spec.rate)), stride \(size(spec.stride)),")
        py.line("padding \(spec.padding) (top \(t), bottom \(b), left \(l), right \(rt)), fill \(spec.fill)"
            + (r.hasBias ? ", with bias." : ", no bias."))
        py.line("Input \(shapeText(r.inputShape)) -> output \(shapeText(r.outputShape)).")
        py.line()
        py.line("Run it with python3 beside its .npy files. It prints how far each result lies")
        py.line("from atrous's and exits with 1 unless max|y - e| <= 1e-4 * max(1, max|e|).")
        py.line("\"\"\"")
    }

    private static func writeLoading(_ r: SnippetRequest, into py: inout PythonSource) {
        py.line("HERE = Path(__file__).resolve().parent")
        py.line("x = np.load(HERE / \(pythonString(r.files.input)))")
        py.line("k = np.load(HERE / \(pythonString(r.files.kernel)))")
        if let bias = r.files.bias { py.line("b = np.load(HERE / \(pythonString(bias)))") }
        py.line("expected = np.load(HERE / \(pythonString(r.files.expected)))")
        var checks = [("input", "x", r.inputShape), ("kernel", "k", r.kernelShape)]
        if let biasShape = r.biasShape { checks.append(("bias", "b", biasShape)) }
        checks.append(("expected", "expected", r.outputShape))
        py.line("for name, array, shape in [")
        for (name, variable, shape) in checks { py.line("    (\"\(name)\", \(variable), \(pythonTuple(shape))),") }
        py.line("]:")
        py.line("    if array.shape != shape:")
        py.line("        sys.exit(f\"The {name} has shape {array.shape}, \"")
        py.line("                 f\"but this snippet was written for {shape}.\")")
        py.line()
        writeInputAsNHWC(shape: r.inputShape, input: r.input, into: &py)
        if r.kernelShape.count == 2 {
            py.comment("atrous reads a (kh, kw) kernel as HWIO with one channel in and one out.")
            py.line("k4 = k.reshape\(pythonTuple(r.kernel.dimensions)).astype(dtype)")
        } else {
            py.line("k4 = k.astype(dtype)  # HWIO")
        }
        if r.hasBias { py.line("b = b.astype(dtype)") }
        py.line()
    }

    /// `dtype` (the input's float type) and `x4`, the input read as NHWC the way atrous reads it.
    static func writeInputAsNHWC(shape: [Int], input: FeatureMapShape, into py: inout PythonSource) {
        py.comment("atrous computes in the input's float type (float16 widens to float32, integers "
            + "to float64) and converts the kernel and bias to it.")
        py.line("dtype = np.float32 if x.dtype in (np.float16, np.float32) else np.float64")
        switch shape.count {
        case 2:
            py.comment("atrous reads an (H, W) input as one single-channel map, NHWC (1, H, W, 1).")
            py.line("x4 = x.reshape\(pythonTuple(input.dimensions)).astype(dtype)")
        case 3:
            py.comment("atrous reads an (H, W, C) input as one image, NHWC (1, H, W, C).")
            py.line("x4 = x.reshape\(pythonTuple(input.dimensions)).astype(dtype)")
        default:
            py.line("x4 = x.astype(dtype)  # NHWC")
        }
    }

    /// The `compare` function against atrous's result of NHWC shape `output`, and `results = []`.
    static func writeCompare(output: FeatureMapShape, into py: inout PythonSource) {
        let nhwc = pythonTuple(output.dimensions)
        py.code("""

            def compare(name, y4):
                \"\"\"Print how far an NHWC result lies from atrous's; return whether it agrees.\"\"\"
                y4 = np.asarray(y4)
                if y4.shape != \(nhwc):
                    print(f"{name} gives shape {y4.shape}, but atrous gives \(nhwc)")
                    return False
                error = float(np.max(np.abs(y4.reshape(expected.shape).astype(np.float64) - expected)))
                tolerance = 1e-4 * max(1.0, float(np.max(np.abs(expected))))
                verdict = "matches" if error <= tolerance else "DIFFERS from"
                print(f"{name} {verdict} atrous: max abs error {error:.3g} (tolerance {tolerance:.3g})")
                return error <= tolerance


            results = []
            """)
    }
}

/// The framework-specific part of a snippet: after the arrays are loaded as `x4` (NHWC),
/// `k4` (HWIO) and `b`, compute the layer and append each `compare(...)` to `results`.
protocol SnippetBody {
    /// Import lines after NumPy's.
    static var imports: [String] { get }
    static func write(_ request: SnippetRequest, into py: inout PythonSource)
}
