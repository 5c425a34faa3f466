import AtrousCore

/// The configuration `:pin` kept as A, followed to the current cell, and how the current
/// configuration (B) differs from it.
public struct PinnedConfiguration: Sendable, Equatable {
    /// A's parameters, as they were when pinned.
    public let parameters: ExplorerParameters
    /// The map A's selected layer read, and A's output (`(N, H_out, W_out, Cout)`), or nil when impossible.
    let layerInput: AnyTensor?
    public let output: AnyTensor?
    /// A's taps for the current cell and channel, or nil when the cell lies outside A's output.
    public internal(set) var taps: TapBreakdown<Double>?
    /// Per output cell of image 0, `A − B` in the shown channel; nil when the outputs' shapes differ.
    public internal(set) var difference: Tensor<Double>?

    init(parameters: ExplorerParameters, layerInput: AnyTensor?, output: AnyTensor?) {
        self.parameters = parameters
        self.layerInput = layerInput
        self.output = output
    }

    /// A's rate, stride, padding and fill in a few words.
    public var summary: String { Self.summary(of: parameters.spec) }

    /// A layer's rate, stride, padding and fill in a few words, as A and B are named.
    public static func summary(of spec: LayerSpec) -> String {
        "rate \(spec.rate), stride \(spec.stride), padding \(spec.padding), fill \(spec.fill)"
    }

    /// Follows B: A's taps at B's cell and channel, and `A − B` when the outputs have one shape.
    mutating func follow(position: GridPosition, channel: Int, output current: AnyTensor?) {
        taps = nil
        difference = nil
        guard let output, let layerInput, channel < output.shape[3] else { return }
        if position.row < output.shape[1], position.column < output.shape[2] {
            taps = try? parameters.taps(of: layerInput, row: position.row, column: position.column, channel: channel)
        }
        guard let current, current.shape == output.shape else { return }
        difference = Tensor(shape: [output.shape[1], output.shape[2]]) { cell in
            output[0, cell[0], cell[1], channel] - current[0, cell[0], cell[1], channel]
        }
    }
}

extension ExplorerState {
    /// Keeps the current configuration as A; further changes make B.
    mutating func pin() {
        var pinned = PinnedConfiguration(parameters: parameters, layerInput: layerInput, output: output)
        pinned.follow(position: position, channel: outputChannel, output: output)
        self.pinned = pinned
        message = .info("Pinned as A: \(pinned.summary); changes now make B.")
    }

    mutating func unpin() {
        guard pinned != nil else {
            return message = .error("Nothing is pinned; :pin keeps the current configuration as A.")
        }
        pinned = nil
        message = .info("Unpinned.")
    }
}
