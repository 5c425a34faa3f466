extension AxisGeometry {
    /// Where this axis's numbers come from, with the numbers filled in: the effective kernel,
    /// then the padding and output size by the padding's own rule, e.g. for SAME at stride 2,
    /// `out = ceil(48/2) = 24; total pad = max((24-1)*2 + 5 - 48, 0) = 3 -> 1 top, 2 bottom`.
    /// Each line holds for TensorFlow's rules, which atrous follows.
    public func derivation(padding: Padding) -> [String] {
        let (before, after) = axis == .height ? ("top", "bottom") : ("left", "right")
        let kEff = rate > 1 ? "k_eff = \(rate)*(\(kernelSize)-1)+1 = \(effectiveKernel)" : "k_eff = k = \(effectiveKernel)"
        let generalOutput = "out = floor((\(inputSize) + \(padBefore) + \(padAfter) - \(effectiveKernel))/\(stride)) + 1 = \(outputSize)"
        let pads: String
        switch padding {
        case .valid:
            pads = "no padding; " + generalOutput
        case .same:
            let total = padBefore + padAfter
            let raw = (outputSize - 1) * stride + effectiveKernel - inputSize
            pads = "out = ceil(\(inputSize)/\(stride)) = \(outputSize); total pad = max((\(outputSize)-1)*\(stride) + "
                + "\(effectiveKernel) - \(inputSize), 0) = \(max(raw, 0)) -> \(padBefore) \(before), \(padAfter) \(after)"
                + (total % 2 == 1 ? " (the odd cell \(after))" : "")
        case .full:
            pads = "pad = k_eff-1 = \(padBefore) \(before) and \(after); " + generalOutput
        case .causal:
            pads = axis == .height ? "causal pads no rows; " + generalOutput
                : "pad = k_eff-1 = \(padBefore) \(before) only; " + generalOutput
        case .explicit:
            pads = "pads \(padBefore) \(before), \(padAfter) \(after) as given; " + generalOutput
        }
        return [kEff, pads]
    }
}
