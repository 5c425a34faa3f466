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
    /// A's range and decimals in the shown channel, read once per channel; nil when A has no such channel.
    public internal(set) var outputSummary: MapSummary?
    /// `A − B` in the shown channel of image 0, over the cells both outputs have: output index
    /// `[i, j]` of A against the same index of B, so its shape is the smaller height by the
    /// smaller width.
    /// Nil when either output is missing or lacks the channel.
    public internal(set) var difference: Tensor<Double>?
    /// The range and decimals of ``difference``, read once when it is made.
    public internal(set) var differenceSummary: MapSummary?
    /// The channel ``difference`` and ``outputSummary`` were made for.
    private var comparedChannel: Int?

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

    /// Follows B to a new cell or channel: A's taps at B's cell and channel, and `A − B`
    /// again only when the channel changed (the outputs did not).
    mutating func follow(position: GridPosition, channel: Int, output current: AnyTensor?) {
        taps = nil
        if let output, let layerInput, channel < output.shape[3],
           position.row < output.shape[1], position.column < output.shape[2] {
            taps = try? parameters.taps(of: layerInput, row: position.row, column: position.column, channel: channel)
        }
        if channel != comparedChannel { compare(with: current, channel: channel) }
    }

    /// Compares A with B's new `output` in `channel`: A's summary and `A − B` over the cells
    /// both have.
    ///
    /// - Complexity: O(H·W) of the two outputs' common cells, and one pass over A's channel.
    mutating func compare(with current: AnyTensor?, channel: Int) {
        comparedChannel = channel
        difference = nil
        differenceSummary = nil
        outputSummary = output.flatMap { MapSummary(featureMap: $0, channel: channel) }
        guard let output, let current, channel < output.shape[3], channel < current.shape[3] else { return }
        let rows = min(output.shape[1], current.shape[1]), columns = min(output.shape[2], current.shape[2])
        let map = Tensor(shape: [rows, columns]) { cell in
            output[0, cell[0], cell[1], channel] - current[0, cell[0], cell[1], channel]
        }
        difference = map
        differenceSummary = MapSummary(values: map.scalars, channel: channel)
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
