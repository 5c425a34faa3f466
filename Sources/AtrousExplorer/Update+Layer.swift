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
        let kernel = self.kernel(resizedTo: size)
        changeParameters("kernel \(size.height)x\(size.width)", note: kernelSizeNote(at: size)) { parameters in
            try? parameters.setKernel(kernel, source: source)
        }
    }

    /// The kernel at `size`: regenerated from its preset, or, once edited, cut or extended with
    /// each weight kept at its (row, column). The kernel itself when the size is unchanged.
    func kernel(resizedTo size: Pair) -> Tensor<Double> {
        guard size != kernelShape.size else { return kernel }
        switch kernelSource {
        case let .preset(preset): return preset.tensor(size: size, channels: layerInputShape.channels)
        case .edited, .file: return resized(kernel, shape: kernelShape, to: size)
        }
    }

    /// What to say when an unedited preset is not defined at `size`, or nil.
    func kernelSizeNote(at size: Pair) -> String? {
        kernelSource == .preset(kernelSource.preset) ? kernelSource.preset.sizeNote(at: size) : nil
    }

    mutating func setPadding(_ padding: Padding) {
        if let problem = ExplorerLimits.problem(padding) {
            message = .error(problem)
            return
        }
        changeParameters("padding \(padding)") { $0.padding = padding }
    }

    mutating func setFill(_ fill: Fill) {
        changeParameters("fill \(fill)") { $0.fill = fill }
    }

    /// Explicit padding has no place in the cycle; it continues at `valid` going forward and
    /// at `causal` going backward.
    /// The next named padding mode; causal only for a kernel one row high (Keras Conv1D), since
    /// a taller kernel can never take it.
    mutating func cyclePadding(_ direction: CycleDirection) {
        let modes = Padding.namedModes.filter { $0 != .causal || spec.kernelSize.height == 1 }
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
        guard let problem = ExplorerLimits.problem(pair, within: range, name: name) else { return true }
        message = .error(problem)
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
