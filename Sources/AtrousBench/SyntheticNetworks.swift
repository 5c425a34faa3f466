import Foundation
import ONNXProto

/// ONNX files of real networks' shapes, made here so that the benchmark ships no model: every
/// layer of ResNet-50 or DeepLab-v3 with its real attributes and, when asked, its weights at
/// their real sizes (zeros: their values never matter to a receptive field).
struct SyntheticNetwork {
    private var graph = Onnx_GraphProto()
    private let withWeights: Bool
    private var count = 0

    init(name: String, inputSize: Int, withWeights: Bool) {
        self.withWeights = withWeights
        graph.name = name
        var input = Onnx_ValueInfoProto()
        input.name = "input"
        input.type.tensorType.elemType = 1
        input.type.tensorType.shape.dim = [1, 3, inputSize, inputSize].map { size in
            var dim = Onnx_TensorShapeProto.Dimension()
            dim.dimValue = Int64(size)
            return dim
        }
        graph.input = [input]
    }

    private mutating func name(_ kind: String) -> String {
        count += 1
        return "\(kind)_\(count)"
    }

    private mutating func weight(_ dims: [Int]) -> String {
        let name = name("w")
        guard withWeights else { return name }
        var tensor = Onnx_TensorProto()
        tensor.name = name
        tensor.dataType = 1
        tensor.dims = dims.map(Int64.init)
        tensor.rawData = Data(count: dims.reduce(4, *))
        graph.initializer.append(tensor)
        return name
    }

    private mutating func node(_ op: String, _ inputs: [String], _ attributes: [Onnx_AttributeProto] = []) -> String {
        var node = Onnx_NodeProto()
        node.opType = op
        node.name = name(op)
        node.input = inputs
        node.output = [node.name + "_out"]
        node.attribute = attributes
        graph.node.append(node)
        return node.output[0]
    }

    private static func ints(_ name: String, _ values: [Int]) -> Onnx_AttributeProto {
        var attribute = Onnx_AttributeProto()
        attribute.name = name
        attribute.type = .ints
        attribute.ints = values.map(Int64.init)
        return attribute
    }

    /// A convolution with its pads, then batch normalisation and, if asked, ReLU.
    mutating func conv(_ x: String, _ cin: Int, _ cout: Int, k: Int, stride: Int = 1, rate: Int = 1,
                       relu: Bool = true) -> String {
        let pad = rate * (k - 1) / 2
        var y = node("Conv", [x, weight([cout, cin, k, k])], [
            Self.ints("kernel_shape", [k, k]), Self.ints("strides", [stride, stride]),
            Self.ints("dilations", [rate, rate]), Self.ints("pads", [pad, pad, pad, pad]),
        ])
        y = node("BatchNormalization", [y] + (0..<4).map { _ in weight([cout]) })
        return relu ? node("Relu", [y]) : y
    }

    mutating func maxPool(_ x: String) -> String {
        node("MaxPool", [x], [Self.ints("kernel_shape", [3, 3]), Self.ints("strides", [2, 2]), Self.ints("pads", [1, 1, 1, 1])])
    }

    mutating func add(_ a: String, _ b: String) -> String { node("Relu", [node("Add", [a, b])]) }

    mutating func concat(_ xs: [String]) -> String {
        var axis = Onnx_AttributeProto()
        axis.name = "axis"
        axis.type = .int
        axis.i = 1
        return node("Concat", xs, [axis])
    }

    /// ResNet's bottleneck stages (He et al. 2016) on `x`, with `blocks` per stage; a stage's
    /// stride becomes a rate from `dilateFrom` on (DeepLab's atrous ResNet at output stride 8).
    mutating func resNetStages(_ x: String, blocks: [Int], dilateFrom: Int = 4) -> String {
        var y = maxPool(conv(x, 3, 64, k: 7, stride: 2))
        var channels = 64
        var rate = 1
        for (stage, count) in blocks.enumerated() {
            let width = 64 << stage
            var stride = stage == 0 ? 1 : 2
            if stage >= dilateFrom {
                rate *= stride
                stride = 1
            }
            for block in 0..<count {
                let s = block == 0 ? stride : 1
                let a = conv(y, channels, width, k: 1)
                let b = conv(a, width, width, k: 3, stride: s, rate: rate)
                let c = conv(b, width, width * 4, k: 1, relu: false)
                let skip = block == 0 ? conv(y, channels, width * 4, k: 1, stride: s, relu: false) : y
                y = add(c, skip)
                channels = width * 4
            }
        }
        return y
    }

    /// ResNet-50 for 1000 classes: 25.6 million weights, about 100 MB.
    static func resNet50(withWeights: Bool = true) -> Onnx_ModelProto {
        var network = SyntheticNetwork(name: "resnet50", inputSize: 224, withWeights: withWeights)
        let features = network.resNetStages("input", blocks: [3, 4, 6, 3])
        let pooled = network.node("Flatten", [network.node("GlobalAveragePool", [features])])
        _ = network.node("Gemm", [pooled, network.weight([1000, 2048]), network.weight([1000])])
        return network.model()
    }

    /// DeepLab-v3 (Chen et al. 2017) on ResNet-101 at output stride 8: the last two stages
    /// dilated by 2 and 4, then ASPP with a 1x1 branch, 3x3 branches at rates 12, 24 and 36
    /// and an image-pooling branch broadcast back, concatenated and projected.
    static func deepLabV3(inputSize: Int, withWeights: Bool = false) -> Onnx_ModelProto {
        var network = SyntheticNetwork(name: "deeplabv3", inputSize: inputSize, withWeights: withWeights)
        let features = network.resNetStages("input", blocks: [3, 4, 23, 3], dilateFrom: 2)
        var branches = [network.conv(features, 2048, 256, k: 1)]
        branches += [12, 24, 36].map { network.conv(features, 2048, 256, k: 3, rate: $0) }
        let pooled = network.conv(network.node("GlobalAveragePool", [features]), 2048, 256, k: 1)
        var mode = Onnx_AttributeProto()
        mode.name = "mode"
        mode.type = .string
        mode.s = Data("nearest".utf8)
        let featureSize = (inputSize + 7) / 8
        let scales = network.constant([1, 1, Float(featureSize), Float(featureSize)])
        branches.append(network.node("Resize", [pooled, "", scales], [mode]))
        let projected = network.conv(network.concat(branches), 256 * 5, 256, k: 1)
        _ = network.conv(projected, 256, 21, k: 1, relu: false)
        return network.model()
    }

    private mutating func constant(_ values: [Float]) -> String {
        var tensor = Onnx_TensorProto()
        tensor.name = name("c")
        tensor.dataType = 1
        tensor.dims = [Int64(values.count)]
        tensor.floatData = values
        graph.initializer.append(tensor)
        return tensor.name
    }

    private func model() -> Onnx_ModelProto {
        var model = Onnx_ModelProto()
        model.irVersion = 8
        var opset = Onnx_OperatorSetIdProto()
        opset.version = 17
        model.opsetImport = [opset]
        model.producerName = "atrous bench"
        model.graph = graph
        return model
    }
}
