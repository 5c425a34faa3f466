import AtrousCore

/// The checks behind ``ExplorerLimits``, each answering with the one sentence the message line
/// shows, or nil when the value is within the limits.
extension ExplorerLimits {
    /// Why `pair` lies outside `range` on an axis, e.g. `The rate must be between 1 and 512, got 0.`
    static func problem(_ pair: Pair, within range: ClosedRange<Int>, name: String) -> String? {
        guard let outside = [pair.height, pair.width].first(where: { !range.contains($0) }) else { return nil }
        return "The \(name) must be between \(range.lowerBound) and \(range.upperBound), got \(outside)."
    }

    /// Why explicit padding has a side outside ``explicitPadding``; nil for the named modes.
    static func problem(_ padding: Padding) -> String? {
        guard case let .explicit(t, b, l, r) = padding,
              let outside = [t, b, l, r].first(where: { !explicitPadding.contains($0) }) else { return nil }
        return "Explicit padding must be between \(explicitPadding.lowerBound) and \(explicitPadding.upperBound) "
            + "cells per side, got \(outside)."
    }

    /// Why a whole layer lies outside the limits: kernel size, rate, stride or padding.
    static func problem(_ layer: LayerSpec) -> String? {
        problem(layer.kernelSize, within: kernelSize, name: "kernel size")
            ?? problem(layer.rate, within: rate, name: "rate")
            ?? problem(layer.stride, within: stride, name: "stride")
            ?? problem(layer.padding)
    }

    /// Why a built-in pattern cannot have `size`: a side outside ``patternSize`` or more than
    /// ``patternCells`` cells.
    static func patternProblem(_ size: Pair) -> String? {
        let range = patternSize
        if let outside = [size.height, size.width].first(where: { !range.contains($0) }) {
            return "A pattern's height and width must be between \(range.lowerBound) and \(range.upperBound), got \(outside)."
        }
        guard size.height * size.width <= patternCells else {
            return "A \(size.height)x\(size.width) pattern has \(size.height * size.width) cells, more than the "
                + "\(patternCells) the explorer recomputes at each key."
        }
        return nil
    }

    /// `size` brought within the pattern limits: each side clamped, then both scaled down
    /// together until the cells fit, so a large file's shape is kept roughly.
    static func fittingPattern(_ size: Pair) -> Pair {
        var fitted = size.clamped(to: patternSize)
        let cells = fitted.height * fitted.width
        if cells > patternCells {
            let scale = (Double(patternCells) / Double(cells)).squareRoot()
            fitted = Pair(Int(Double(fitted.height) * scale), Int(Double(fitted.width) * scale)).clamped(to: patternSize)
        }
        return fitted
    }
}

extension ExplorerParameters {
    /// Why a layer's output would be too large to recompute at each key: more than
    /// ``ExplorerLimits/outputCells`` cells and more than the stack's input has. Nil when every
    /// layer fits, or from the first layer whose geometry is impossible (the core's error says why).
    var outputTooLarge: String? {
        let inputCells = inputShape.height * inputShape.width
        var size = inputShape.spatial
        for (index, spec) in layers.enumerated() {
            guard let geometry = try? ConvolutionGeometry(inputSize: size, spec: spec) else { return nil }
            size = geometry.outputSize
            let cells = size.height.multipliedReportingOverflow(by: size.width)
            guard cells.overflow || cells.partialValue > max(ExplorerLimits.outputCells, inputCells) else { continue }
            let layer = layers.count > 1 ? "Layer \(index + 1)'s output" : "The output"
            return "\(layer) would be \(size.height)x\(size.width), more cells than the explorer recomputes at each key "
                + "(\(ExplorerLimits.outputCells)); lower the rate or the padding."
        }
        return nil
    }
}
