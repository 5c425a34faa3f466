import AtrousCore

// Fragments of Python that several frameworks' snippets share.
extension SnippetRequest {
    /// np.pad's pad widths for an NHWC array: `((0, 0), (T, B), (L, R), (0, 0))`.
    var numpyPadWidths: String {
        let (t, b, l, r) = pads
        return "((0, 0), (\(t), \(b)), (\(l), \(r)), (0, 0))"
    }

    /// What the padding adds, per side, and what the padded cells hold, as one sentence.
    var paddingSentence: String {
        let (t, b, l, r) = pads
        guard isPadded else { return "Padding \(spec.padding) adds no cells." }
        return "Padding \(spec.padding) adds \(counted(t, "row")) on top, \(b) at the bottom, "
            + "\(counted(l, "column")) on the left and \(r) on the right, holding \(spec.fill.heldValues)."
    }
}

extension Fill {
    /// What padded cells hold, as a phrase.
    var heldValues: String {
        switch self {
        case .zeros: "zeros"
        case .reflect: "the input mirrored without repeating its edge"
        case .replicate: "the nearest edge value"
        case .circular: "the input wrapped around"
        }
    }

    /// The `mode` of `np.pad` (and `jnp.pad`) that fills the same way.
    var numpyPadMode: String {
        switch self {
        case .zeros: "constant"
        case .reflect: "reflect"
        case .replicate: "edge"
        case .circular: "wrap"
        }
    }
}
