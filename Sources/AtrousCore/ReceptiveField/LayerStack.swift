/// Convolution layers applied one after another to an input of a known size, each layer's
/// geometry resolved against the output of the layer before.
public struct LayerStack: Sendable, Hashable {
    public let inputSize: Pair
    /// The resolved geometry of every layer, first layer first; never empty.
    public let layers: [ConvolutionGeometry]

    /// Resolves every layer in turn.
    ///
    /// - Parameters:
    ///   - inputSize: the height and width of the stack's input.
    ///   - specs: the layers, first applied first.
    /// - Throws: ``ReceptiveFieldError/noLayers`` for an empty stack, ``ConvolutionError`` for an
    ///   input size below 1, and ``ReceptiveFieldError/layer(index:count:spec:error:)`` naming the
    ///   first layer that cannot be applied (for example one whose output would be empty).
    public init(inputSize: Pair, specs: [LayerSpec]) throws {
        guard !specs.isEmpty else { throw ReceptiveFieldError.noLayers }
        for axis in Axis.allCases where inputSize[axis] < 1 {
            throw ConvolutionError.inputSizeBelowOne(axis: axis, size: inputSize[axis])
        }
        var size = inputSize
        var layers: [ConvolutionGeometry] = []
        layers.reserveCapacity(specs.count)
        for (index, spec) in specs.enumerated() {
            do {
                let geometry = try ConvolutionGeometry(inputSize: size, spec: spec)
                layers.append(geometry)
                size = geometry.outputSize
            } catch let error as ConvolutionError {
                throw ReceptiveFieldError.layer(index: index, count: specs.count, spec: spec, error: error)
            }
        }
        self.inputSize = inputSize
        self.layers = layers
    }

    /// The layer parameters, first layer first.
    public var specs: [LayerSpec] { layers.map(\.spec) }

    /// The output size of the last layer.
    public var outputSize: Pair { layers[layers.count - 1].outputSize }

    /// The geometry of every layer along one axis, first layer first.
    public func geometries(along axis: Axis) -> [AxisGeometry] { layers.map { $0[axis] } }

    /// The middle cell of the last layer's output: `size / 2` per axis.
    public var centreOfOutput: Pair { Pair(outputSize.height / 2, outputSize.width / 2) }

    /// Checks that (`row`, `column`) is a cell of the last layer's output.
    /// - Throws: ``ConvolutionError/positionOutOfRange(row:column:outputSize:)`` otherwise.
    public func validateOutputPosition(row: Int, column: Int) throws {
        guard (0..<outputSize.height).contains(row), (0..<outputSize.width).contains(column) else {
            throw ConvolutionError.positionOutOfRange(row: row, column: column, outputSize: outputSize)
        }
    }

    /// Checks that (`row`, `column`) is a cell of the input.
    /// - Throws: ``ReceptiveFieldError/inputPositionOutOfRange(row:column:inputSize:)`` otherwise.
    public func validateInputPosition(row: Int, column: Int) throws {
        guard (0..<inputSize.height).contains(row), (0..<inputSize.width).contains(column) else {
            throw ReceptiveFieldError.inputPositionOutOfRange(row: row, column: column, inputSize: inputSize)
        }
    }
}
