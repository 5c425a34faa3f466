import AtrousCore

/// Kernel presets, weight editing and weight selection.
extension ExplorerState {
    mutating func setKernelPreset(_ preset: KernelPreset) {
        let kernel = preset.tensor(size: spec.kernelSize, channels: layerInputShape.channels)
        changeParameters("kernel \(preset)", note: preset.sizeNote(at: spec.kernelSize)) { parameters in
            try? parameters.setKernel(kernel, source: .preset(preset))
        }
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
