import AtrousCore

extension PinnedConfiguration {
    /// What B changed of A, in words and in the order the status line reads a layer, with
    /// A's and B's values where they are short: `rate 2 → 3`, `stride 1 → 2`,
    /// `padding same → valid`, `fill zeros → reflect`, `kernel size 3 → 5`, then
    /// `kernel weights`, `bias`, `activation`, `input`, `layer stack`; empty when B is A unchanged.
    public func changes(to current: ExplorerParameters) -> [String] {
        let a = parameters, (aSpec, bSpec) = (parameters.spec, current.spec)
        var changes: [String] = []
        func change<Value: Equatable & CustomStringConvertible>(_ name: String, _ before: Value, _ after: Value) {
            if before != after { changes.append("\(name) \(before) → \(after)") }
        }
        change("rate", aSpec.rate, bSpec.rate)
        change("stride", aSpec.stride, bSpec.stride)
        change("padding", aSpec.padding, bSpec.padding)
        change("fill", aSpec.fill, bSpec.fill)
        if aSpec.kernelSize != bSpec.kernelSize {
            change("kernel size", aSpec.kernelSize, bSpec.kernelSize)
        } else if a.kernel != current.kernel {
            changes.append("kernel weights")
        }
        if a.bias != current.bias { changes.append("bias") }
        if a.activation != current.activation { changes.append("activation") }
        if a.input != current.input { changes.append("input") }
        if a.layers.count != current.layers.count || a.selectedLayer != current.selectedLayer
            || zip(a.layers.indices, a.layers).contains(where: { $0.0 != a.selectedLayer && $0.1 != current.layers[$0.0] }) {
            changes.append("layer stack")
        }
        return changes
    }

    /// A layer in the fewest words that tell two apart: `rate 2 same`, with the stride when it
    /// is not 1 and the fill when it is not zeros (`rate 3 pads 1,1,0,2 stride 2 reflect`).
    public static func shortSummary(of spec: LayerSpec) -> String {
        var words = ["rate \(spec.rate)"]
        if case .explicit = spec.padding { words.append("pads \(spec.padding)") } else { words.append("\(spec.padding)") }
        if spec.stride != Pair(square: 1) { words.append("stride \(spec.stride)") }
        if spec.fill != .zeros { words.append("\(spec.fill)") }
        return words.joined(separator: " ")
    }
}
