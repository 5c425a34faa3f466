import AtrousCore

/// `:actual FILE` and `:diagnose`: a user's output beside atrous's, and the conventions that explain it.
extension ExplorerState {
    /// Sets the loaded output beside atrous's and says the diagnosis's first finding.
    mutating func actualLoaded(_ tensor: Tensor<Double>, path: String) {
        let loaded = ActualComparison(path: path, actual: tensor, input: (layerInput ?? input).doubles, kernel: kernel,
                                      bias: parameters.bias, output: output)
        comparison = loaded
        message = loaded.suggestion == nil ? .error(loaded.diagnosis) : .note(loaded.diagnosis)
    }

    /// Sets the first finding's rate, stride, padding and fill, as one undoable change.
    mutating func applyDiagnosis() {
        guard let comparison else { return message = .error("No actual output to diagnose; load one with :actual FILE.") }
        guard let suggestion = comparison.suggestion else { return message = .error(comparison.diagnosis) }
        let change = "rate \(suggestion.rate), stride \(suggestion.stride), padding \(suggestion.padding), "
            + "fill \(suggestion.fill)"
        let applied = spec.rate == suggestion.rate && spec.stride == suggestion.stride
            && spec.padding == suggestion.padding && spec.fill == suggestion.fill
        let beyond = suggestion.beyondTheLayer.isEmpty ? nil
            : (applied ? "Already at" : "Set") + " \(change); the explorer cannot show "
                + suggestion.beyondTheLayer.joined(separator: ", ") + "."
        if applied, let beyond { return message = .note(beyond) }
        changeParameters(change, note: beyond) { parameters in
            parameters.rate = suggestion.rate
            parameters.stride = suggestion.stride
            parameters.padding = suggestion.padding
            parameters.fill = suggestion.fill
        }
    }

    /// Drops the loaded output.
    mutating func clearActual() {
        comparison = nil
        message = .info("Actual output cleared.")
    }
}
