import AtrousCore

/// JAX: lax.conv_general_dilated with explicit padding pairs and TensorFlow's layouts.
enum JAXSnippet: SnippetBody {
    static let imports = [
        "import jax",
        "",
        "jax.config.update(\"jax_enable_x64\", True)  # float64 arrays stay float64, as in atrous",
        "import jax.numpy as jnp",
        "from jax import lax",
    ]

    static func write(_ r: SnippetRequest, into py: inout PythonSource) {
        let spec = r.spec
        let (t, b, l, rt) = r.pads
        let padding: String
        if r.fillShows {
            let mode = spec.fill.numpyPadMode
            py.comment("jnp.pad takes np.pad's modes; \"\(mode)\" is atrous's fill \(spec.fill).")
            py.line("x_j = jnp.pad(jnp.asarray(x4), \(r.numpyPadWidths), mode=\"\(mode)\")")
            padding = "[(0, 0), (0, 0)]"
        } else {
            if spec.fill != .zeros { py.comment("Nothing is padded, so the fill \(spec.fill) never shows.") }
            if spec.padding == .same {
                py.comment("The pairs spell out TensorFlow's SAME, which is also what JAX's \"SAME\" gives.")
            }
            py.line("x_j = jnp.asarray(x4)")
            padding = "[(\(t), \(b)), (\(l), \(rt))]"
        }
        py.line("y = lax.conv_general_dilated(")
        py.line("    x_j, jnp.asarray(k4), window_strides=\(pythonTuple(spec.stride)), padding=\(padding),")
        py.line("    rhs_dilation=\(pythonTuple(spec.rate)), dimension_numbers=(\"NHWC\", \"HWIO\", \"NHWC\"),")
        py.line("    precision=lax.Precision.HIGHEST)")
        if r.hasBias { py.line("y = y + b") }
        py.line("results.append(compare(\"jax.lax.conv_general_dilated\", y))")
    }
}
