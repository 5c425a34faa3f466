import AtrousCore
import Foundation

/// Reads a Keras model's architecture (the `config.json` of a Keras 3 `.keras` archive, or the
/// JSON of `model.to_json()`) into AtrousCore's graph of spatial operations. Weights are never
/// read: the architecture holds every parameter a receptive field depends on.
struct KerasReader {
    let path: String

    private typealias Object = [String: Any]

    func read(json data: Data) throws -> ModelGraph {
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? Object else {
            throw corrupt("its architecture is not a JSON object")
        }
        guard let config = root["config"] as? Object, let layers = config["layers"] as? [Object] else {
            throw corrupt("it has no list of layers")
        }
        let className = root["class_name"] as? String ?? ""
        return className == "Sequential" ? try sequential(layers, config: config) : try functional(layers)
    }

    private func corrupt(_ reason: String) -> ModelImportError {
        .corrupt(path: path, format: "Keras", reason: reason)
    }

    // MARK: - Models

    private func sequential(_ layers: [Object], config: Object) throws -> ModelGraph {
        var shape = (config["build_input_shape"] as? [Any])
        var body = layers
        if let first = layers.first, first["class_name"] as? String == "InputLayer" {
            shape = inputShape(first)
            body.removeFirst()
        }
        guard let shape else { throw corrupt("its first layer does not give the input shape") }
        let (declared, oneDimensional) = try inputSize(shape, name: "input")
        var nodes: [ModelGraph.Node] = []
        for layer in body {
            let name = layerName(layer)
            nodes.append(ModelGraph.Node(name: name, operatorName: layer["class_name"] as? String ?? "?",
                                         operation: try operation(of: layer, name: name, oneDimensional: oneDimensional),
                                         inputs: [nodes.isEmpty ? nil : nodes.count - 1]))
        }
        return try ModelGraph(declaredInputSize: declared, isOneDimensional: oneDimensional, nodes: nodes)
    }

    private func functional(_ layers: [Object]) throws -> ModelGraph {
        let inputs = layers.filter { $0["class_name"] as? String == "InputLayer" }
        guard inputs.count == 1, let shape = inputShape(inputs[0]) else {
            throw ModelImportError.inputCount(path: path, count: inputs.count)
        }
        let inputName = layerName(inputs[0])
        let (declared, oneDimensional) = try inputSize(shape, name: inputName)
        // Keras lists the layers in an order where each follows its inputs; check it rather than
        // trust it.
        var indices: [String: Int] = [:]
        var nodes: [ModelGraph.Node] = []
        for layer in layers where layer["class_name"] as? String != "InputLayer" {
            let name = layerName(layer)
            let inbound = layer["inbound_nodes"] as? [Any] ?? []
            guard inbound.count == 1 else {
                let operatorName = layer["class_name"] as? String ?? "?"
                if inbound.isEmpty { continue }
                nodes.append(ModelGraph.Node(name: name, operatorName: operatorName,
                                             operation: .unsupported(reason: "the layer is called \(inbound.count) times (a shared layer)"),
                                             inputs: [nil]))
                indices[name] = nodes.count - 1
                continue
            }
            var sources: [Int?] = []
            for source in Self.historyNames(inbound[0]) {
                if source == inputName { sources.append(nil); continue }
                guard let index = indices[source] else { throw ModelGraphError.badInput(node: name) }
                sources.append(index)
            }
            guard !sources.isEmpty else { throw ModelGraphError.badInput(node: name) }
            nodes.append(ModelGraph.Node(name: name, operatorName: layer["class_name"] as? String ?? "?",
                                         operation: try operation(of: layer, name: name, oneDimensional: oneDimensional),
                                         inputs: sources))
            indices[name] = nodes.count - 1
        }
        return try ModelGraph(declaredInputSize: declared, isOneDimensional: oneDimensional, nodes: nodes)
    }

    /// The layers a call reads, in order: Keras 3's `keras_history` of each tensor in `args`
    /// (nested in lists for merges), or Keras 2's `[name, node, tensor, kwargs]` lists.
    private static func historyNames(_ call: Any) -> [String] {
        if let object = call as? [String: Any] {
            if let config = object["config"] as? [String: Any], let history = config["keras_history"] as? [Any],
               let name = history.first as? String {
                return [name]
            }
            return (object["args"]).map(historyNames) ?? []
        }
        if let list = call as? [Any] {
            if let name = list.first as? String, list.count >= 3, list[1] is NSNumber { return [name] }
            return list.flatMap(historyNames)
        }
        return []
    }

    private func layerName(_ layer: Object) -> String {
        layer["name"] as? String ?? (layer["config"] as? Object)?["name"] as? String ?? "?"
    }

    private func inputShape(_ layer: Object) -> [Any]? {
        let config = layer["config"] as? Object
        return config?["batch_shape"] as? [Any] ?? config?["batch_input_shape"] as? [Any]
    }

    /// The input's spatial size, nil where the file leaves it open, and whether it is 1-D.
    private func inputSize(_ shape: [Any], name: String) throws -> (Pair?, Bool) {
        guard shape.count == 3 || shape.count == 4 else {
            throw ModelImportError.inputRank(path: path, name: name, rank: shape.count)
        }
        let sizes = shape.dropFirst().dropLast().map { ($0 as? NSNumber)?.intValue }
        if shape.count == 3 { return (sizes[0].map { Pair(1, $0) }, true) }
        guard let height = sizes[0], let width = sizes[1] else { return (nil, false) }
        return (Pair(height, width), false)
    }

    // MARK: - Layers

    private static let pointwise: Set<String> = [
        "Activation", "ReLU", "LeakyReLU", "PReLU", "ELU", "ThresholdedReLU", "BatchNormalization",
        "LayerNormalization", "Dropout", "SpatialDropout1D", "SpatialDropout2D", "GaussianNoise",
        "GaussianDropout", "AlphaDropout", "Identity", "Rescaling", "Normalization", "ActivityRegularization",
        "Dense", "EinsumDense",
    ]

    private func operation(of layer: Object, name: String, oneDimensional: Bool) throws -> SpatialOperation {
        let className = layer["class_name"] as? String ?? "?"
        let config = layer["config"] as? Object ?? [:]
        if config["data_format"] as? String == "channels_first" {
            return .unsupported(reason: "its maps are channels_first")
        }
        if Self.pointwise.contains(className) { return .pointwise }
        func pair(_ key: String, default value: Int? = nil) throws -> Pair {
            try self.pair(config[key], default: value, oneDimensional: oneDimensional, layer: name, className: className, key: key)
        }
        switch className {
        case "Conv1D", "Conv2D", "DepthwiseConv1D", "DepthwiseConv2D", "SeparableConv1D", "SeparableConv2D":
            let depthwise = className.hasPrefix("Depthwise") || className.hasPrefix("Separable")
            return .convolution(try window(config, kernelKey: "kernel_size", strideKey: "strides", layer: name,
                                           className: className, oneDimensional: oneDimensional),
                                groups: depthwise ? 0 : (config["groups"] as? NSNumber)?.intValue ?? 1)
        case "Conv1DTranspose", "Conv2DTranspose":
            throw ModelGraphError.transposedConvolution(node: name)
        case "MaxPooling1D", "MaxPooling2D", "AveragePooling1D", "AveragePooling2D":
            return .pooling(className.hasPrefix("Max") ? .max : .average,
                            try window(config, kernelKey: "pool_size", strideKey: "strides", layer: name,
                                       className: className, oneDimensional: oneDimensional))
        case "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalMaxPooling1D", "GlobalMaxPooling2D":
            return .global(.pooling)
        case "Flatten":
            return .global(.flatten)
        case "Reshape":
            let target = config["target_shape"] as? [Any] ?? []
            return target.count == 1 ? .global(.flatten) : .unsupported(reason: "it reshapes the spatial map")
        case "ZeroPadding1D", "ZeroPadding2D":
            let (before, after) = try sides(config["padding"], oneDimensional: oneDimensional, layer: name, className: className)
            return .pad(before: before, after: after)
        case "Cropping1D", "Cropping2D":
            let (before, after) = try sides(config["cropping"], oneDimensional: oneDimensional, layer: name, className: className)
            return .pad(before: Pair(-before.height, -before.width), after: Pair(-after.height, -after.width))
        case "UpSampling1D", "UpSampling2D":
            let factor = try pair("size", default: 2)
            return .resize(.factor(factor), nearest: (config["interpolation"] as? String ?? "nearest") == "nearest")
        case "Resizing":
            guard let height = (config["height"] as? NSNumber)?.intValue, let width = (config["width"] as? NSNumber)?.intValue else {
                throw ModelImportError.missingAttribute(node: name, operatorName: className, attribute: "height and width")
            }
            return .resize(.size(Pair(height, width)), nearest: config["interpolation"] as? String == "nearest")
        case "Add", "Subtract", "Average", "Maximum", "Minimum":
            return .merge(.add)
        case "Multiply":
            return .merge(.multiply)
        case "Concatenate":
            let axis = (config["axis"] as? NSNumber)?.intValue ?? -1
            return axis == -1 || axis == (oneDimensional ? 2 : 3) ? .merge(.concat)
                : .unsupported(reason: "it concatenates along a spatial axis")
        case "Softmax":
            let axis = (config["axis"] as? NSNumber)?.intValue ?? -1
            return axis == -1 ? .pointwise : .unsupported(reason: "it normalises along a spatial axis")
        case "Lambda":
            return .unsupported(reason: "its function is Python code")
        case "Functional", "Sequential", "Model":
            return .unsupported(reason: "it is a nested model")
        default:
            return .unsupported(reason: nil)
        }
    }

    private func window(_ config: Object, kernelKey: String, strideKey: String, layer: String, className: String,
                        oneDimensional: Bool) throws -> Window {
        func pair(_ key: String, default value: Int?) throws -> Pair {
            try self.pair(config[key], default: value, oneDimensional: oneDimensional, layer: layer, className: className, key: key)
        }
        let kernel = try pair(kernelKey, default: nil)
        // Keras's pooling strides default to the pool size.
        let stride = config[strideKey] is NSNull || config[strideKey] == nil ? kernel : try pair(strideKey, default: 1)
        let padding: WindowPadding
        switch (config["padding"] as? String ?? "valid").lowercased() {
        case "valid": padding = .valid
        case "same": padding = .sameUpper
        case "causal": padding = .causal
        case let other:
            throw ModelImportError.badAttribute(node: layer, operatorName: className, attribute: "padding", value: other)
        }
        return Window(kernelSize: kernel, rate: try pair("dilation_rate", default: 1), stride: stride, padding: padding)
    }

    /// A Keras size: one number for every axis, or one per axis.
    private func pair(_ value: Any?, default fallback: Int?, oneDimensional: Bool, layer: String, className: String,
                      key: String) throws -> Pair {
        let numbers = (value as? [Any])?.map { ($0 as? NSNumber)?.intValue } ?? [(value as? NSNumber)?.intValue]
        func bad() -> ModelImportError {
            .badAttribute(node: layer, operatorName: className, attribute: key, value: "\(value ?? "nothing")")
        }
        if value == nil || value is NSNull {
            guard let fallback else { throw ModelImportError.missingAttribute(node: layer, operatorName: className, attribute: key) }
            return Pair(oneDimensional ? 1 : fallback, fallback)
        }
        guard numbers.allSatisfy({ ($0 ?? 0) >= 1 }) else { throw bad() }
        let n = numbers.compactMap { $0 }
        switch (oneDimensional, n.count) {
        case (true, 1): return Pair(1, n[0])
        case (false, 1): return Pair(square: n[0])
        case (false, 2): return Pair(n[0], n[1])
        default: throw bad()
        }
    }

    /// Cells before and after per axis from ZeroPadding's or Cropping's forms: `n`, `[h, w]`
    /// (`[before, after]` in 1-D), or `[[top, bottom], [left, right]]`.
    private func sides(_ value: Any?, oneDimensional: Bool, layer: String, className: String) throws -> (Pair, Pair) {
        let bad = ModelImportError.badAttribute(node: layer, operatorName: className, attribute: "padding", value: "\(value ?? "nothing")")
        if let n = (value as? NSNumber)?.intValue {
            return oneDimensional ? (Pair(0, n), Pair(0, n)) : (Pair(square: n), Pair(square: n))
        }
        guard let list = value as? [Any] else { throw bad }
        if let flat = list as? [NSNumber], flat.count == 2 {
            let (a, b) = (flat[0].intValue, flat[1].intValue)
            return oneDimensional ? (Pair(0, a), Pair(0, b)) : (Pair(a, b), Pair(a, b))
        }
        guard !oneDimensional, let nested = list as? [[NSNumber]], nested.count == 2, nested.allSatisfy({ $0.count == 2 }) else {
            throw bad
        }
        return (Pair(nested[0][0].intValue, nested[1][0].intValue), Pair(nested[0][1].intValue, nested[1][1].intValue))
    }
}
