import AtrousCore

extension ExplorerState {
    /// Recomputes geometry, output, notes, taps, input reach and the receptive-field view from
    /// the parameters, all through AtrousCore, and keeps the view indices inside the new shapes.
    ///
    /// Impossible parameters do not throw: the derived values become nil, the error is kept
    /// in ``configurationError``, and the position is left where it was so it returns once
    /// the parameters are possible again.
    ///
    /// - Complexity: one full convolution.
    mutating func recomputeDerived() {
        outputChannel = min(max(outputChannel, 0), kernelShape.outputChannels - 1)
        inputChannel = min(max(inputChannel, 0), inputShape.channels - 1)
        selectedWeight = selectedWeight.clamped(to: spec.kernelSize)
        do {
            let convolution = try parameters.convolution()
            let geometry = try convolution.geometry(for: inputShape)
            output = try convolution(input)
            self.geometry = geometry
            configurationError = nil
            notes = FrameworkNote.notes(for: geometry)
            position = position.clamped(to: geometry.outputSize)
            taps = try convolution.taps(of: input, row: position.row, column: position.column, channel: outputChannel)
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
            configurationError = error as? ConvolutionError
                ?? .emptyTensor(role: "configuration", shape: kernelShape.dimensions)
        }
        recomputeStack()
    }

    /// Recomputes only the current cell's taps, after the position or channel moved: the
    /// output itself does not change.
    ///
    /// - Complexity: O(kh · kw · Cin).
    mutating func recomputeTaps() {
        guard configurationError == nil, let convolution = try? parameters.convolution() else { return }
        taps = try? convolution.taps(of: input, row: position.row, column: position.column, channel: outputChannel)
    }

    /// Whether an input coordinate lies inside the input or its padding ring.
    func isInsidePaddedInput(_ cell: GridPosition, _ geometry: ConvolutionGeometry) -> Bool {
        (-geometry.rows.padBefore..<geometry.rows.inputSize + geometry.rows.padAfter).contains(cell.row)
            && (-geometry.columns.padBefore..<geometry.columns.inputSize + geometry.columns.padAfter).contains(cell.column)
    }
}
