import AtrousCore

/// Built-in patterns, random seeds and loaded files.
extension ExplorerState {
    /// Keeps the current size, brought within the pattern limits when it came from a file.
    mutating func cycleInputPattern(_ direction: CycleDirection) {
        let current: InputPattern? = if case let .pattern(pattern, _) = inputSource { pattern } else { nil }
        let next = current.map { InputPattern.cycle.cycled(from: $0.cycleIndex, direction) } ?? InputPattern.cycle[0]
        setInputPattern(next, size: nil)
    }

    /// Replaces the input with a pattern; a kernel built for another channel count is rebuilt
    /// from its preset for one channel.
    mutating func setInputPattern(_ pattern: InputPattern, size: Pair?) {
        let size = size ?? ExplorerLimits.fittingPattern(inputShape.spatial)
        if let problem = ExplorerLimits.patternProblem(size) {
            message = .error(problem)
            return
        }
        if case let .glyph(character) = pattern, GlyphFont.bitmap(for: character) == nil {
            message = .error("The glyph font has no '\(character)'; use a digit or a letter A to Z.")
            return
        }
        replaceInput(.double(pattern.tensor(size: size)), source: .pattern(pattern, size: size),
                     change: "input \(pattern) \(size.height)x\(size.width)")
    }

    /// Moves a random input and a random kernel to the next seed, as one change.
    mutating func reseed() {
        var newInput: (AnyTensor, InputSource)?
        if case let .pattern(.random(seed), size) = inputSource {
            let pattern = InputPattern.random(seed: seed &+ 1)
            newInput = (.double(pattern.tensor(size: size)), .pattern(pattern, size: size))
        }
        var newKernel: (Tensor<Double>, KernelSource)?
        if case let .random(seed) = kernelSource.preset {
            let preset = KernelPreset.random(seed: seed &+ 1)
            newKernel = (preset.tensor(size: spec.kernelSize, channels: layerInputShape.channels), .preset(preset))
        }
        guard newInput != nil || newKernel != nil else {
            message = .info("Nothing random to reseed: choose the random input (i) or the random kernel (w) first.")
            return
        }
        let change = [newInput.map { "input \($0.1)" }, newKernel.map { "kernel \($0.1)" }]
            .compactMap { $0 }.joined(separator: ", ")
        changeParameters(change) { parameters in
            if let (tensor, source) = newInput { try? parameters.setInput(tensor, source: source) }
            if let (tensor, source) = newKernel { try? parameters.setKernel(tensor, source: source) }
        }
    }

    /// Takes a file's array as the input, in its own float type, or reports why it cannot be one.
    mutating func inputLoaded(_ tensor: AnyTensor, path: String) {
        do {
            _ = try FeatureMapShape(shape: tensor.shape)
        } catch {
            message = .error("\(path): \(error)")
            return
        }
        replaceInput(tensor, source: .file(path: path), change: "input \(path) \(shapeText(tensor.shape))")
    }

    /// Replaces the input; when its channel count differs from the first kernel's, rebuilds
    /// every layer's kernel from its preset for the new count (hand edits cannot carry over)
    /// and says so.
    private mutating func replaceInput(_ tensor: AnyTensor, source: InputSource, change: String) {
        let channels = (try? FeatureMapShape(shape: tensor.shape))?.channels ?? 1
        let rebuilds = channels != parameters.weights[0].kernelShape.inputChannels
        var note: String?
        if rebuilds {
            let edited = parameters.weights.contains { $0.source != .preset($0.source.preset) }
            let kernels = layers.count == 1 ? "The \(kernelSource.preset) kernel was"
                : "The kernels of all \(layers.count) layers were"
            note = "\(kernels) rebuilt for \(plural(channels, "input channel"))"
                + (edited ? "; the weights set by hand or read from a file could not carry over." : ".")
        }
        changeParameters(change, note: note) { parameters in
            try? parameters.setInput(tensor, source: source)
            if rebuilds { parameters.rebuildKernels(channels: channels) }
        }
    }
}
