import AtrousCore

/// The layers overview, activations and biases, and following a tap back through the stack.
extension ExplorerState {
    mutating func cycleLayersOverview() {
        switch overview.scale {
        case nil: overview.scale = .each
        case .each: overview.scale = .shared
        case .shared: overview.scale = nil
        }
        guard overview.isShown else {
            overview.cone = nil
            message = .info("Layers overview hidden; O shows it again.")
            return
        }
        // The cone is the receptive-field view's cell, so the view's analysis must be on.
        stack.isShown = true
        recomputeStack()
        let scale = overview.scale == .shared ? "one scale for every map" : "each map on its own scale"
        message = stack.problem.map { .error($0) } ?? .info(
            "Layers overview, \(scale): • marks the cells the chosen output depends on; H J K L move it, O steps on.")
    }

    mutating func setActivation(_ activation: Activation) {
        changeParameters("activation \(activation) on layer \(selectedLayer + 1)") { $0.activation = activation }
    }

    /// Sets the selected layer's bias; one value stands for every output channel.
    mutating func setBias(_ values: [Double]?) {
        let channels = kernelShape.outputChannels
        var bias = values
        if let values, values.count == 1, channels > 1 { bias = Array(repeating: values[0], count: channels) }
        if let bias, bias.count != channels {
            message = .error(channels == 1
                ? "The layer has one output channel, so its bias is one value; got \(bias.count)."
                : "The bias is one value, or \(channels) (one per output channel); got \(bias.count).")
            return
        }
        if let bias, !bias.allSatisfy(\.isFinite) {
            message = .error("A bias must be finite numbers, got \(bias.map { "\($0)" }.joined(separator: ", ")).")
            return
        }
        let change = bias.map { "bias \($0.map { "\($0)" }.joined(separator: ",")) on layer \(selectedLayer + 1)" }
            ?? "no bias on layer \(selectedLayer + 1)"
        changeParameters(change) { try? $0.setBias(bias) }
    }

    /// Selects the layer before and moves to the cell the selected weight's tap reads there;
    /// a tap in padding follows the fill to the cell it copies, or stops at zero padding.
    mutating func followTap() {
        guard selectedLayer > 0 else {
            message = .info("Layer 1 reads the input itself; there is no layer before it to follow a tap into.")
            return
        }
        guard let taps else { return reportImpossible() }
        let channel = min(inputChannel, kernelShape.inputChannels - 1)
        guard let tap = taps.taps.first(where: {
            $0.kernelRow == selectedWeight.row && $0.kernelColumn == selectedWeight.column && $0.inputChannel == channel
        }) else { return }
        let weight = "w[\(tap.kernelRow),\(tap.kernelColumn)]"
        var cell = GridPosition(row: tap.row, column: tap.column)
        if case let .padding(_, sourceRow, sourceColumn) = tap.source {
            guard let sourceRow, let sourceColumn else {
                message = .info("The tap of \(weight) reads zero padding at \(cell); no cell of layer \(selectedLayer) "
                    + "lies behind it.")
                return
            }
            cell = GridPosition(row: sourceRow, column: sourceColumn)
        }
        let previous = selectedLayer - 1
        selectLayer(previous)
        guard selectedLayer == previous else { return }
        inputChannel = channel
        outputChannel = min(channel, kernelShape.outputChannels - 1)
        recomputeTaps()
        moveTo(cell)
        message = problem.map { .error($0) } ?? .info("Followed the tap of \(weight) to \(cell) in layer "
            + "\(previous + 1)'s output; T follows a tap further back.")
    }
}
