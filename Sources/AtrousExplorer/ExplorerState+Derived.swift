import AtrousCore

extension ExplorerState {
    /// Recomputes geometry, output, notes, taps, input reach and the receptive-field view from
    /// the parameters, all through AtrousCore, and keeps the view indices inside the new shapes.
    ///
    /// Impossible parameters do not throw: the derived values become nil, the error is kept
    /// in ``configurationError``, and the position is left where it was so it returns once
    /// the parameters are possible again.
    ///
    /// - Complexity: one full convolution of each layer from the first changed one on.
    mutating func recomputeDerived() {
        defer {
            comparison?.compare(with: output)
            // B's output changed: A − B again, then A's taps at the (possibly clamped) cell.
            pinned?.compare(with: output, channel: outputChannel)
            pinned?.follow(position: position, channel: outputChannel, output: output)
        }
        // The old output goes before the new one is computed, so a large map is not held twice.
        output = nil
        stackOutputs.update(for: parameters)
        let previousInput = layerInput
        layerInput = stackOutputs.input(ofLayer: selectedLayer, stackInput: input)
        // A parameter key leaves the layer's input as it was (the same storage, so this is
        // quick): its summary stays, and only the new output is read.
        if layerInput == nil || previousInput != layerInput { inputSummary = nil }
        earlierLayerError = layerInput == nil ? stackOutputs.error : nil
        outputChannel = min(max(outputChannel, 0), kernelShape.outputChannels - 1)
        inputChannel = min(max(inputChannel, 0), layerInputShape.channels - 1)
        selectedWeight = selectedWeight.clamped(to: spec.kernelSize)
        do {
            guard let layerInput else { throw Self.earlierLayerFailed }
            let geometry = try parameters.convolution().geometry(for: layerInputShape)
            output = stackOutputs.outputs.indices.contains(selectedLayer) ? stackOutputs.outputs[selectedLayer]
                : try Self.convolve(layerInput, parameters)
            self.geometry = geometry
            configurationError = nil
            notes = FrameworkNote.notes(for: geometry)
            position = position.clamped(to: geometry.outputSize)
            taps = try cellTaps(of: layerInput)
            inputReach = inputReach.flatMap { reach in
                isInsidePaddedInput(reach.input, geometry) ? InputReach(input: reach.input, geometry: geometry) : nil
            }
        } catch {
            geometry = nil
            output = nil
            taps = nil
            notes = []
            inputReach = nil
            // Every failure of the calls above is a ConvolutionError; the fallback only keeps
            // the state describable should that ever change.
            configurationError = earlierLayerError.flatMap { earlier in
                if case let .layer(_, _, error) = earlier { error } else { nil }
            } ?? error as? ConvolutionError ?? .emptyTensor(role: "configuration", shape: kernelShape.dimensions)
        }
        outputSummary = nil
        recomputeSummaries()
        recomputeStack()
    }

    /// Recomputes only the current cell's taps, after the position or channel moved: the
    /// output itself does not change.
    ///
    /// - Complexity: O(kh · kw · Cin), and one pass over a map whose channel changed.
    mutating func recomputeTaps() {
        recomputeSummaries()
        guard configurationError == nil, let layerInput else { return }
        taps = try? cellTaps(of: layerInput)
        pinned?.follow(position: position, channel: outputChannel, output: output)
    }

    /// The current cell's taps in ``outputChannel``, ending in the value the output holds for
    /// the cell: the multi-channel vector loop rounds its sums (by fused multiply-adds, in
    /// float32 up to a part in ten million) differently from adding the terms one by one, and
    /// the line must show the number the output panel shows. Under ReLU an output of zero
    /// keeps the terms' own (negative) sum, which the line shows before the activation.
    /// - Throws: ``ConvolutionError`` for an impossible configuration or cell.
    private func cellTaps(of layerInput: AnyTensor) throws -> TapBreakdown<Double> {
        let taps = try parameters.taps(of: layerInput, row: position.row, column: position.column, channel: outputChannel)
        guard let output, output.shape.count == 4, output.shape[1] > position.row, output.shape[2] > position.column,
              output.shape[3] > outputChannel
        else { return taps }
        let value = output[0, position.row, position.column, outputChannel]
        return parameters.activation == .none || value > 0 ? taps.endingIn(value) : taps
    }

    /// Brings ``inputSummary`` and ``outputSummary`` to the channels shown, reading a map again
    /// only when its summary is missing or of another channel.
    private mutating func recomputeSummaries() {
        let shownInput = layerInput ?? input
        if !(inputSummary?.describes(channel: inputChannel, batch: 0) ?? false) {
            inputSummary = MapSummary(featureMap: shownInput, channel: inputChannel)
        }
        if let output, !(outputSummary?.describes(channel: outputChannel, batch: 0) ?? false) {
            outputSummary = MapSummary(featureMap: output, channel: outputChannel)
        } else if output == nil {
            outputSummary = nil
        }
    }

    /// The selected layer applied to `input` in its own float type, when the stack's outputs
    /// do not reach it.
    /// - Throws: ``ConvolutionError`` for an impossible configuration.
    private static func convolve(_ input: AnyTensor, _ parameters: ExplorerParameters) throws -> AnyTensor {
        switch input {
        case let .float(floats): .float(try parameters.convolution(in: Float.self)(floats))
        case let .double(doubles): .double(try parameters.convolution()(doubles))
        }
    }

    /// Stands for the error of a layer before the selected one, kept in ``earlierLayerError``.
    private static let earlierLayerFailed = ConvolutionError.emptyTensor(role: "previous layer's output", shape: [0])

    /// Whether an input coordinate lies inside the input or its padding ring.
    func isInsidePaddedInput(_ cell: GridPosition, _ geometry: ConvolutionGeometry) -> Bool {
        (-geometry.rows.padBefore..<geometry.rows.inputSize + geometry.rows.padAfter).contains(cell.row)
            && (-geometry.columns.padBefore..<geometry.columns.inputSize + geometry.columns.padAfter).contains(cell.column)
    }
}
