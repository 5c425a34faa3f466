import AtrousCore

/// Rate, kernel size, stride, padding and fill.
extension ExplorerState {
    mutating func adjustRate(by delta: Int, axis: Axis?) {
        guard let rate = adjusted(spec.rate, by: delta, axis: axis, within: ExplorerLimits.rate, name: "rate") else { return }
        setRate(rate)
    }

    mutating func adjustStride(by delta: Int, axis: Axis?) {
        guard let stride = adjusted(spec.stride, by: delta, axis: axis, within: ExplorerLimits.stride, name: "stride")
        else { return }
        setStride(stride)
    }

    mutating func adjustKernelSize(by delta: Int, axis: Axis?) {
        guard let size = adjusted(spec.kernelSize, by: delta, axis: axis, within: ExplorerLimits.kernelSize,
                                  name: "kernel size") else { return }
        setKernelSize(size)
    }

    mutating func setRate(_ rate: Pair) {
        guard accepts(rate, within: ExplorerLimits.rate, name: "rate") else { return }
        changeParameters("rate \(rate)") { $0.rate = rate }
    }

    mutating func setStride(_ stride: Pair) {
        guard accepts(stride, within: ExplorerLimits.stride, name: "stride") else { return }
        changeParameters("stride \(stride)") { $0.stride = stride }
    }

    /// Regenerates the kernel at `size` from its preset; hand-edited weights keep their
    /// (row, column) and the new cells are 0.
    mutating func setKernelSize(_ size: Pair) {
        guard accepts(size, within: ExplorerLimits.kernelSize, name: "kernel size") else { return }
        let source = kernelSource
        let kernel: Tensor<Double>
        switch source {
        case let .preset(preset):
            kernel = preset.tensor(size: size, channels: inputShape.channels)
        case .edited:
            kernel = resized(self.kernel, shape: kernelShape, to: size)
        }
        let note = source == .preset(source.preset) ? source.preset.sizeNote(at: size) : nil
        changeParameters("kernel \(size.height)x\(size.width)", note: note) { parameters in
            try? parameters.setKernel(kernel, source: source)
        }
    }

    mutating func setPadding(_ padding: Padding) {
        if case let .explicit(t, b, l, r) = padding,
           let outside = [t, b, l, r].first(where: { !ExplorerLimits.explicitPadding.contains($0) }) {
            message = .error("Explicit padding must be between \(ExplorerLimits.explicitPadding.lowerBound) and "
                + "\(ExplorerLimits.explicitPadding.upperBound) cells per side, got \(outside).")
            return
        }
        changeParameters("padding \(padding)") { $0.padding = padding }
    }

    mutating func setFill(_ fill: Fill) {
        changeParameters("fill \(fill)") { $0.fill = fill }
    }

    /// Explicit padding has no place in the cycle; it continues at `valid` going forward and
    /// at `causal` going backward.
    mutating func cyclePadding(_ direction: CycleDirection) {
        let modes = Padding.namedModes
        let next: Padding
        if let index = modes.firstIndex(of: spec.padding) {
            next = modes.cycled(from: index, direction)
        } else {
            next = direction == .forward ? modes[0] : modes[modes.count - 1]
        }
        setPadding(next)
    }

    // MARK: - Checks

    /// `pair` changed by `delta` on `axis` (both when nil) and clamped into `range`, or nil
    /// with a message when the clamp leaves it unchanged.
    private mutating func adjusted(_ pair: Pair, by delta: Int, axis: Axis?, within range: ClosedRange<Int>,
                                   name: String) -> Pair? {
        var next = pair
        for each in axis.map({ [$0] }) ?? Axis.allCases { next[each] += delta }
        next = next.clamped(to: range)
        guard next != pair else {
            let bound = delta > 0 ? "largest" : "smallest"
            message = .info("The \(name) stays \(pair), the \(bound) the explorer allows (\(range.lowerBound) to \(range.upperBound)).")
            return nil
        }
        return next
    }

    /// Whether `pair` lies in `range` on both axes; sets the error message when not.
    private mutating func accepts(_ pair: Pair, within range: ClosedRange<Int>, name: String) -> Bool {
        guard let outside = [pair.height, pair.width].first(where: { !range.contains($0) }) else { return true }
        message = .error("The \(name) must be between \(range.lowerBound) and \(range.upperBound), got \(outside).")
        return false
    }
}

/// `kernel` cut or extended to `size`, keeping each weight at its (row, column) and filling
/// new cells with 0.
func resized(_ kernel: Tensor<Double>, shape: KernelShape, to size: Pair) -> Tensor<Double> {
    let dimensions = [size.height, size.width, shape.inputChannels, shape.outputChannels]
    return Tensor(shape: dimensions) { index in
        index[0] < shape.height && index[1] < shape.width ? kernel[index[0], index[1], index[2], index[3]] : 0
    }
}
