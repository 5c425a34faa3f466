import AtrousCore
import Foundation
import ONNXProto

/// Turns the nodes of an ONNX graph into spatial operations. Tensors are followed from the
/// model's input: a node none of whose inputs carries the map (a shape computation, a constant)
/// is not part of the spatial graph, and its output is a parameter of the nodes that read it.
struct ONNXGraphBuilder {
    let graph: Onnx_GraphProto
    var constants: [String: ONNXConstant]
    let path: String

    init(graph: Onnx_GraphProto, constants: [String: ONNXConstant], path: String) {
        self.graph = graph
        self.constants = constants
        self.path = path
    }

    /// Where a tensor that carries the map comes from, and whether it is already a vector (after
    /// a global operation), so that reshaping it is harmless.
    private struct MapTensor {
        let source: Int?
        let isVector: Bool
    }

    mutating func build() throws -> ModelGraph {
        let inputs = graph.input.filter { constants[$0.name] == nil }
        let maps = inputs.filter { [3, 4].contains($0.type.tensorType.shape.dim.count) }
        guard maps.count == 1 else {
            if maps.isEmpty, let first = inputs.first {
                throw ModelImportError.inputRank(path: path, name: first.name, rank: first.type.tensorType.shape.dim.count)
            }
            throw ModelImportError.inputCount(path: path, count: maps.count)
        }
        let input = maps[0]
        let dims = input.type.tensorType.shape.dim
        let oneDimensional = dims.count == 3
        let spatial = oneDimensional ? [nil, dims[2]] : [dims[2], dims[3]]
        let fixed = spatial.map { dim -> Int? in
            guard let dim else { return 1 }
            if case let .dimValue(value)? = dim.value, value > 0 { return Int(value) }
            return nil
        }
        let declared = fixed[0].flatMap { h in fixed[1].map { Pair(h, $0) } }

        var tensors: [String: MapTensor] = [input.name: MapTensor(source: nil, isVector: false)]
        var nodes: [ModelGraph.Node] = []
        for node in graph.node {
            let mapInputs = node.input.compactMap { tensors[$0] }
            guard !mapInputs.isEmpty, !Self.shapeOperators.contains(node.opType) else {
                // A parameter, not the map: keep its value when it is a small constant.
                guard let output = node.output.first else { continue }
                if node.opType == "Constant", let value = node.attribute.first(where: { $0.name == "value" }) {
                    constants[output] = ONNXConstant(value.t)
                } else if let folded = ONNXConstantFolding.fold(node, constants: constants) {
                    constants[output] = folded
                }
                continue
            }
            let name = node.name.isEmpty ? (node.output.first ?? node.opType) : node.name
            let isVector = mapInputs.allSatisfy(\.isVector)
            let operation = isVector && !Self.merges.contains(node.opType)
                ? SpatialOperation.pointwise
                : try operation(of: node, name: name, oneDimensional: oneDimensional)
            let producesVector: Bool
            if case .global = operation { producesVector = true } else { producesVector = isVector }
            nodes.append(ModelGraph.Node(name: name, operatorName: node.opType, operation: operation,
                                         inputs: mapInputs.map(\.source)))
            if let output = node.output.first {
                tensors[output] = MapTensor(source: nodes.count - 1, isVector: producesVector)
            }
        }
        return try ModelGraph(declaredInputSize: declared, isOneDimensional: oneDimensional, nodes: nodes)
    }

    /// Operators whose output describes the map (its shape) rather than being one.
    private static let shapeOperators: Set<String> = ["Shape", "Size"]

    private static let merges: Set<String> = ["Add", "Sub", "Mul", "Div", "Sum", "Max", "Min", "Mean", "Concat"]

    /// Operators that act on each cell alone (or across channels at one cell).
    private static let pointwise: Set<String> = [
        "Relu", "LeakyRelu", "PRelu", "Sigmoid", "Tanh", "Clip", "HardSigmoid", "HardSwish", "Elu", "Selu",
        "Celu", "Gelu", "Softplus", "Softsign", "Mish", "Erf", "Exp", "Log", "Sqrt", "Abs", "Neg", "Reciprocal",
        "Pow", "BatchNormalization", "Dropout", "Identity", "Cast", "Floor", "Ceil", "Round", "Sign",
        "ThresholdedRelu", "Shrink", "QuantizeLinear", "DequantizeLinear", "LRN",
    ]

    private func operation(of node: Onnx_NodeProto, name: String, oneDimensional: Bool) throws -> SpatialOperation {
        let rank = oneDimensional ? 3 : 4
        let op = node.opType
        if Self.pointwise.contains(op) { return .pointwise }
        switch op {
        case "Conv":
            return .convolution(try window(node, name: name, oneDimensional: oneDimensional),
                                groups: Int(attribute(node, "group")?.i ?? 1))
        case "ConvTranspose":
            throw ModelGraphError.transposedConvolution(node: name)
        case "MaxPool", "AveragePool":
            return .pooling(op == "MaxPool" ? .max : .average, try window(node, name: name, oneDimensional: oneDimensional))
        case "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool":
            return .global(.pooling)
        case "Flatten":
            return .global(.flatten)
        case "Gemm", "MatMul":
            return .global(.dense)
        case "Reshape":
            guard let shape = constant(node, input: 1), shape.dims.reduce(1, *) <= 2 else {
                return .unsupported(reason: "it reshapes the spatial map")
            }
            return .global(.flatten)
        case "ReduceMean", "ReduceMax", "ReduceMin", "ReduceSum", "ReduceL2", "ReduceL1", "ReduceLogSumExp":
            let axes = attribute(node, "axes")?.ints.map(Int.init) ?? constant(node, input: 1)?.integers
            guard let axes, !axes.isEmpty else { return .global(.pooling) }
            let spatial = axes.map { $0 < 0 ? $0 + rank : $0 }.contains { $0 >= 2 }
            return spatial ? .global(.pooling) : .pointwise
        case "Softmax", "LogSoftmax":
            let axis = Int(attribute(node, "axis")?.i ?? 1)
            return (axis < 0 ? axis + rank : axis) == 1 ? .pointwise
                : .unsupported(reason: "it normalises along a spatial axis")
        case "Add", "Sub", "Sum", "Max", "Min", "Mean", "Div":
            return .merge(.add)
        case "Mul":
            return .merge(.multiply)
        case "Concat":
            let axis = Int(attribute(node, "axis")?.i ?? 1)
            return (axis < 0 ? axis + rank : axis) == 1 ? .merge(.concat)
                : .unsupported(reason: "it concatenates along a spatial axis")
        case "Pad":
            return try pad(node, name: name, rank: rank)
        case "Resize", "Upsample":
            return try resize(node, name: name, rank: rank)
        default:
            return .unsupported(reason: nil)
        }
    }

    // MARK: - Attributes

    private func attribute(_ node: Onnx_NodeProto, _ name: String) -> Onnx_AttributeProto? {
        node.attribute.first { $0.name == name }
    }

    /// The values of the constant feeding input `index`, when it is a known small constant.
    private func constant(_ node: Onnx_NodeProto, input index: Int) -> ONNXConstant? {
        guard node.input.count > index, !node.input[index].isEmpty else { return nil }
        return constants[node.input[index]]
    }

    /// A per-axis pair from an ONNX list of spatial values (one value for a 1-D model).
    private func pair(_ values: [Int], oneDimensional: Bool, default value: Int, node: String, op: String,
                      attribute: String) throws -> Pair {
        if values.isEmpty { return Pair(oneDimensional ? 1 : value, value) }
        guard values.count == (oneDimensional ? 1 : 2) else {
            throw ModelImportError.badAttribute(node: node, operatorName: op, attribute: attribute,
                                                value: "[\(values.map(String.init).joined(separator: ", "))]")
        }
        return oneDimensional ? Pair(1, values[0]) : Pair(values[0], values[1])
    }

    private func window(_ node: Onnx_NodeProto, name: String, oneDimensional: Bool) throws -> Window {
        let op = node.opType
        var kernel = attribute(node, "kernel_shape")?.ints.map(Int.init) ?? []
        if kernel.isEmpty, let weights = constant(node, input: 1), weights.dims.count >= 3 {
            kernel = Array(weights.dims.dropFirst(2))
        }
        guard !kernel.isEmpty else {
            throw ModelImportError.missingAttribute(node: name, operatorName: op, attribute: "kernel_shape")
        }
        func list(_ key: String) -> [Int] { attribute(node, key)?.ints.map(Int.init) ?? [] }
        let kernelSize = try pair(kernel, oneDimensional: oneDimensional, default: 1, node: name, op: op, attribute: "kernel_shape")
        let rate = try pair(list("dilations"), oneDimensional: oneDimensional, default: 1, node: name, op: op, attribute: "dilations")
        let stride = try pair(list("strides"), oneDimensional: oneDimensional, default: 1, node: name, op: op, attribute: "strides")
        let padding: WindowPadding
        let autoPad = attribute(node, "auto_pad").map { String(decoding: $0.s, as: UTF8.self) } ?? "NOTSET"
        switch autoPad {
        case "SAME_UPPER": padding = .sameUpper
        case "SAME_LOWER": padding = .sameLower
        case "VALID": padding = .valid
        case "NOTSET", "":
            let pads = list("pads")
            if pads.isEmpty {
                padding = .explicit(before: Pair(0, 0), after: Pair(0, 0))
            } else {
                guard pads.count == (oneDimensional ? 2 : 4), pads.allSatisfy({ $0 >= 0 }) else {
                    throw ModelImportError.badAttribute(node: name, operatorName: op, attribute: "pads",
                                                        value: "[\(pads.map(String.init).joined(separator: ", "))]")
                }
                padding = oneDimensional
                    ? .explicit(before: Pair(0, pads[0]), after: Pair(0, pads[1]))
                    : .explicit(before: Pair(pads[0], pads[1]), after: Pair(pads[2], pads[3]))
            }
        default:
            throw ModelImportError.badAttribute(node: name, operatorName: op, attribute: "auto_pad", value: autoPad)
        }
        for (key, value) in [("kernel_shape", kernelSize), ("dilations", rate), ("strides", stride)]
            where value.height < 1 || value.width < 1 {
            throw ModelImportError.badAttribute(node: name, operatorName: op, attribute: key, value: "\(value)")
        }
        return Window(kernelSize: kernelSize, rate: rate, stride: stride, padding: padding,
                      ceilMode: (attribute(node, "ceil_mode")?.i ?? 0) != 0)
    }

    private func pad(_ node: Onnx_NodeProto, name: String, rank: Int) throws -> SpatialOperation {
        let mode = attribute(node, "mode").map { String(decoding: $0.s, as: UTF8.self) } ?? "constant"
        guard mode == "constant" else {
            return .unsupported(reason: "its \(mode) padding copies input cells, which atrous does not follow")
        }
        let given = attribute(node, "pads")?.ints.map(Int.init) ?? constant(node, input: 1)?.integers
        guard let given else { throw ModelImportError.missingAttribute(node: name, operatorName: "Pad", attribute: "pads") }
        let axes = constant(node, input: 3)?.integers?.map { $0 < 0 ? $0 + rank : $0 } ?? Array(0..<rank)
        guard given.count == 2 * axes.count else {
            throw ModelImportError.badAttribute(node: name, operatorName: "Pad", attribute: "pads", value: "\(given)")
        }
        var before = Pair(0, 0), after = Pair(0, 0)
        for (position, axis) in axes.enumerated() where axis >= 2 {
            let spatial: Axis = axis == rank - 1 ? .width : .height
            before[spatial] = given[position]
            after[spatial] = given[position + axes.count]
        }
        return .pad(before: before, after: after)
    }

    private func resize(_ node: Onnx_NodeProto, name: String, rank: Int) throws -> SpatialOperation {
        let mode = attribute(node, "mode").map { String(decoding: $0.s, as: UTF8.self) } ?? "nearest"
        let coordinates = attribute(node, "coordinate_transformation_mode").map { String(decoding: $0.s, as: UTF8.self) }
            ?? (node.opType == "Upsample" ? "asymmetric" : "half_pixel")
        let rounding = attribute(node, "nearest_mode").map { String(decoding: $0.s, as: UTF8.self) } ?? "round_prefer_floor"
        // Output o of a nearest resize by a whole factor f reads ⌊o/f⌋ under asymmetric floor
        // rounding and under every half-pixel rule (the sample (o+½)/f−½ lies within half a cell
        // of ⌊o/f⌋); other combinations read other cells.
        let followsFloor = (coordinates == "asymmetric" && rounding == "floor")
            || ["half_pixel", "pytorch_half_pixel"].contains(coordinates)
        let scales = node.opType == "Upsample"
            ? (attribute(node, "scales")?.floats.map(Double.init) ?? constant(node, input: 1)?.values)
            : constant(node, input: 2)?.values
        let sizes = node.opType == "Resize" ? constant(node, input: 3)?.values : nil
        let target: ResizeTarget
        if let scales, scales.count == rank {
            let factors = scales.suffix(rank == 3 ? 1 : 2)
            guard factors.allSatisfy({ $0 >= 1 && $0 <= Double(LayerSpec.notationLimit) && $0 == $0.rounded() }) else {
                return .unsupported(reason: "it scales by \(factors.map { "\($0)" }.joined(separator: " and ")), not by whole factors")
            }
            let f = factors.map { Int($0) }
            target = .factor(rank == 3 ? Pair(1, f[0]) : Pair(f[0], f[1]))
        } else if let sizes, sizes.count == rank {
            let s = sizes.suffix(rank == 3 ? 1 : 2).map { $0 >= 1 && $0 <= Double(LayerSpec.notationLimit) ? Int($0) : 0 }
            target = .size(rank == 3 ? Pair(1, s[0]) : Pair(s[0], s[1]))
        } else {
            return .unsupported(reason: "its scales or sizes are computed from the map's shape, not given as constants")
        }
        if mode == "nearest", !followsFloor {
            return .unsupported(reason: "its nearest rounding (\(coordinates), \(rounding)) does not read cell o/f")
        }
        return .resize(target, nearest: mode == "nearest")
    }
}
