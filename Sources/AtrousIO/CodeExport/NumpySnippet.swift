import AtrousCore

/// A plain NumPy reference: np.pad, then one strided slice per kernel tap.
enum NumpySnippet: SnippetBody {
    static let imports: [String] = []

    static func write(_ r: SnippetRequest, into py: inout PythonSource) {
        let spec = r.spec
        if r.isPadded {
            py.comment("np.pad's mode \"\(spec.fill.numpyPadMode)\" is atrous's fill \(spec.fill).")
            py.line("xp = np.pad(x4, \(r.numpyPadWidths), mode=\"\(spec.fill.numpyPadMode)\")")
        } else {
            py.line("xp = x4")
        }
        py.line()
        py.comment("The cross-correlation, one kernel tap at a time: tap (i, j) reads the padded "
            + "input from row i*rate[0] and column j*rate[1] on, every stride-th cell, for all "
            + "output cells at once.")
        py.code("""
            rate = \(pythonTuple(spec.rate))
            stride = \(pythonTuple(spec.stride))
            out_h, out_w = \(r.output.height), \(r.output.width)
            kh, kw, cin, cout = k4.shape
            y4 = np.zeros((x4.shape[0], out_h, out_w, cout), dtype=dtype)
            for i in range(kh):
                for j in range(kw):
                    top, left = i * rate[0], j * rate[1]
                    window = xp[:, top:top + stride[0] * (out_h - 1) + 1:stride[0],
                                left:left + stride[1] * (out_w - 1) + 1:stride[1], :]
                    y4 += window @ k4[i, j]
            """)
        if r.hasBias { py.line("y4 += b") }
        py.line("results.append(compare(\"NumPy\", y4))")
    }
}
