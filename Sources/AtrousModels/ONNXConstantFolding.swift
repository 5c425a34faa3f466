import ONNXProto

/// Evaluates the small constant subgraphs exporters emit for a layer's parameters (PyTorch
/// builds `F.pad`'s pads from ConstantOfShape, Concat, Reshape, Slice and Transpose), so that a
/// Pad or Resize reads the numbers they compute. Only parameters are folded: every operand
/// must be a known constant of at most ``ONNXConstant/valueLimit`` values.
enum ONNXConstantFolding {
    /// The node's first output, or nil when an operand is unknown or the operator is not one of
    /// the few folded here.
    static func fold(_ node: Onnx_NodeProto, constants: [String: ONNXConstant]) -> ONNXConstant? {
        let operands = node.input.map { $0.isEmpty ? nil : constants[$0] }
        func operand(_ index: Int) -> (dims: [Int], values: [Double])? {
            guard index < operands.count, let constant = operands[index], let values = constant.values else { return nil }
            return (constant.dims, values)
        }
        func integers(_ index: Int) -> [Int]? {
            guard index < operands.count else { return nil }
            return operands[index]?.integers
        }
        func attribute(_ name: String) -> Onnx_AttributeProto? { node.attribute.first { $0.name == name } }
        switch node.opType {
        case "Identity", "Cast":
            return operand(0).map { ONNXConstant(dims: $0.dims, values: $0.values) }
        case "ConstantOfShape":
            guard let shape = integers(0), shape.allSatisfy({ (0...ONNXConstant.valueLimit).contains($0) }),
                  shape.reduce(1, *) <= ONNXConstant.valueLimit else { return nil }
            let fill = attribute("value").map { ONNXConstant($0.t).values?.first ?? 0 } ?? 0
            return ONNXConstant(dims: shape, values: Array(repeating: fill, count: shape.reduce(1, *)))
        case "Concat":
            let parts = (0..<operands.count).compactMap(operand)
            guard parts.count == operands.count, parts.allSatisfy({ $0.dims.count == 1 }) else { return nil }
            let values = parts.flatMap(\.values)
            return ONNXConstant(dims: [values.count], values: values)
        case "Reshape":
            guard let data = operand(0), let shape = integers(1), shape.allSatisfy({ abs($0) <= ONNXConstant.valueLimit }) else { return nil }
            var dims = shape.enumerated().map { $1 == 0 && $0 < data.dims.count ? data.dims[$0] : $1 }
            if let unknown = dims.firstIndex(of: -1) {
                let known = dims.filter { $0 != -1 }.reduce(1, *)
                guard known > 0 else { return nil }
                dims[unknown] = data.values.count / known
            }
            guard dims.reduce(1, *) == data.values.count else { return nil }
            return ONNXConstant(dims: dims, values: data.values)
        case "Unsqueeze", "Squeeze":
            guard let data = operand(0) else { return nil }
            let dims = node.opType == "Squeeze" ? data.dims.filter { $0 != 1 } : [data.values.count]
            return ONNXConstant(dims: dims, values: data.values)
        case "Transpose":
            guard let data = operand(0) else { return nil }
            let perm = attribute("perm")?.ints.map(Int.init) ?? Array(data.dims.indices.reversed())
            guard perm.sorted() == Array(data.dims.indices) else { return nil }
            let dims = perm.map { data.dims[$0] }
            let sourceStrides = strides(data.dims)
            let values = indices(dims).map { index in
                data.values[zip(perm, index).reduce(0) { $0 + sourceStrides[$1.0] * $1.1 }]
            }
            return ONNXConstant(dims: dims, values: values)
        case "Slice":
            guard let data = operand(0), let starts = integers(1), let ends = integers(2), starts.count == ends.count
            else { return nil }
            let rank = data.dims.count
            let axes = integers(3)?.map { $0 < 0 ? $0 + rank : $0 } ?? Array(0..<starts.count)
            let steps = integers(4) ?? Array(repeating: 1, count: starts.count)
            guard axes.count == starts.count, steps.count == starts.count, !steps.contains(0) else { return nil }
            // The cells kept along each axis, by ONNX's clamping rules.
            var kept = data.dims.map { Array(0..<$0) }
            for (i, axis) in axes.enumerated() where (0..<rank).contains(axis) {
                let n = data.dims[axis]
                var (start, end) = (starts[i] < 0 ? starts[i] + n : starts[i], ends[i] < 0 ? ends[i] + n : ends[i])
                if steps[i] > 0 {
                    (start, end) = (min(max(start, 0), n), min(max(end, 0), n))
                    kept[axis] = Array(stride(from: start, to: end, by: steps[i]))
                } else {
                    (start, end) = (min(max(start, -1), n - 1), min(max(end, -1), n - 1))
                    kept[axis] = Array(stride(from: start, to: end, by: steps[i]))
                }
            }
            let sourceStrides = strides(data.dims)
            let dims = kept.map(\.count)
            let values = indices(dims).map { index in
                data.values[index.enumerated().reduce(0) { $0 + sourceStrides[$1.offset] * kept[$1.offset][$1.element] }]
            }
            return ONNXConstant(dims: dims, values: values)
        default:
            return nil
        }
    }

    private static func strides(_ dims: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: dims.count)
        for i in stride(from: dims.count - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * dims[i + 1] }
        return strides
    }

    /// Every index of a tensor of `dims`, row-major.
    private static func indices(_ dims: [Int]) -> [[Int]] {
        var all: [[Int]] = [[]]
        for n in dims { all = all.flatMap { prefix in (0..<n).map { prefix + [$0] } } }
        return all
    }
}
