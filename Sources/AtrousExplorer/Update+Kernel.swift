import AtrousCore

/// Kernel presets, weight editing and weight selection.
extension ExplorerState {
    mutating func setKernelPreset(_ preset: KernelPreset) {
        let kernel = preset.tensor(size: spec.kernelSize, channels: layerInputShape.channels)
        changeParameters("kernel \(preset)", note: preset.sizeNote(at: spec.kernelSize)) { parameters in
            try? parameters.setKernel(kernel, source: .preset(preset))
        }
    }

    /// Takes a file's array as the kernel (HWIO, or kh×kw for one channel), its size becoming
    /// the layer's; refused with one sentence when its shape or channels do not fit.
    mutating func kernelLoaded(_ tensor: Tensor<Double>, path: String) {
        let shape: KernelShape
        do {
            shape = try KernelShape(shape: tensor.shape)
        } catch {
            message = .error("\(path): \(error)")
            return
        }
        let limits = ExplorerLimits.kernelSize
        guard limits.contains(shape.size.height), limits.contains(shape.size.width) else {
            message = .error("\(path): the kernel is \(shape.size.height)x\(shape.size.width), but the explorer shows "
                + "kernels of \(limits.lowerBound) to \(limits.upperBound) a side.")
            return
        }
        guard shape.inputChannels == inputShape.channels else {
            message = .error("\(path): the kernel reads \(plural(shape.inputChannels, "input channel")), but the input "
                + "has \(inputShape.channels).")
            return
        }
        changeParameters("kernel \(path) \(shapeText(tensor.shape))") { parameters in
            try? parameters.setKernel(tensor, source: .file(path: path, edited: false))
        }
        selectedWeight = selectedWeight.isInside(spec.kernelSize) ? selectedWeight : .origin
    }

    /// Sets one weight of the shown channel pair and selects it.
    mutating func setWeight(_ value: Double, at cell: GridPosition) {
        guard cell.isInside(spec.kernelSize) else { return reportWeightOutside(cell) }
        guard value.isFinite else {
            message = .error("A weight must be a finite number, got \(value).")
            return
        }
        selectedWeight = cell
        let (inputChannel, outputChannel) = (min(inputChannel, kernelShape.inputChannels - 1), self.outputChannel)
        changeParameters("weight \(cell) = \(value)") { parameters in
            parameters.setWeight(value, at: cell, inputChannel: inputChannel, outputChannel: outputChannel)
        }
    }

    mutating func selectWeight(_ cell: GridPosition) {
        guard cell.isInside(spec.kernelSize) else { return reportWeightOutside(cell) }
        selectedWeight = cell
    }

    mutating func stepWeight(_ direction: CycleDirection) {
        let size = spec.kernelSize
        let count = size.height * size.width
        selectedWeight = GridPosition(flatIndex: (selectedWeight.flatIndex(in: size) + direction.step + count) % count,
                                      in: size)
    }

    private mutating func reportWeightOutside(_ cell: GridPosition) {
        message = .error("The weight \(cell) lies outside the \(spec.kernelSize.height)x\(spec.kernelSize.width) kernel.")
    }
}
