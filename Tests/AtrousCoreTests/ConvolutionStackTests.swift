import AtrousCore
import Testing

@Suite("Computed stacks of layers")
struct ConvolutionStackTests {
    /// A 12x10 input with two channels and values of both signs.
    static let input = Tensor<Double>(shape: [12, 10, 2]) { i in Double((7 * i[0] + 3 * i[1] + 5 * i[2]) % 11) - 5 }

    /// A kernel of `size` from `cin` to `cout` channels with distinct weights of both signs.
    static func kernel(_ size: Int, _ cin: Int, _ cout: Int, seed: Int) -> Tensor<Double> {
        Tensor(shape: [size, size, cin, cout]) { i in
            Double((seed + 3 * i[0] + 5 * i[1] + 7 * i[2] + 11 * i[3]) % 9) / 4 - 1
        }
    }

    /// Three layers 2→3→3→1 at rates 1, 2, 3 with different paddings, fills and activations.
    static func layers() throws -> [StackLayer<Double>] {
        [StackLayer(try Convolution(kernel: kernel(3, 2, 3, seed: 1), bias: [0.5, -1, 0], padding: .same), activation: .relu),
         StackLayer(try Convolution(kernel: kernel(3, 3, 3, seed: 2), rate: Pair(square: 2), padding: .same, fill: .reflect)),
         StackLayer(try Convolution(kernel: kernel(2, 3, 1, seed: 3), rate: Pair(3, 2), padding: .valid), activation: .relu)]
    }

    @Test("each layer reads the previous layer's output, activation after the bias")
    func layerByLayer() throws {
        let layers = try Self.layers()
        let outputs = try ConvolutionStack(layers).outputs(of: Self.input)
        var expected = Self.input
        for (layer, output) in zip(layers, outputs) {
            var next = try layer.convolution(expected)
            if layer.activation == .relu { next = Tensor(shape: next.shape, scalars: next.scalars.map { max($0, 0) }) }
            #expect(output == next)
            expected = next
        }
        #expect(outputs.map(\.shape) == [[12, 10, 3], [12, 10, 3], [9, 8, 1]])
        // The ReLU layers hold no negative value, and the first is not all zero.
        #expect(outputs[0].scalars.allSatisfy { $0 >= 0 } && outputs[0].scalars.contains { $0 > 0 })
        #expect(outputs[1].scalars.contains { $0 < 0 })
        #expect(try ConvolutionStack(layers)(Self.input) == outputs[2])
    }

    @Test("recomputing from a layer keeps the outputs before it and equals a full recomputation")
    func recomputeFromALayer() throws {
        var layers = try Self.layers()
        let before = try ConvolutionStack(layers).outputs(of: Self.input)
        layers[1] = StackLayer(try Convolution(kernel: Self.kernel(3, 3, 3, seed: 5), rate: Pair(square: 3), padding: .same))
        let changed = try ConvolutionStack(layers)
        let partial = try changed.outputs(of: Self.input, recomputingFrom: 1, kept: before)
        #expect(partial == (try changed.outputs(of: Self.input)))
        #expect(partial[0] == before[0] && partial[1] != before[1])
        let error = #expect(throws: ConvolutionStackError.self) {
            try changed.outputs(of: Self.input, recomputingFrom: 2, kept: [before[0]])
        }
        #expect(error == .recomputeStart(index: 2, count: 3, kept: 1))
    }

    @Test("channels that do not chain are refused in one sentence naming the layers")
    func channelsDoNotChain() throws {
        var layers = try Self.layers()
        layers[2] = StackLayer(try Convolution(kernel: Self.kernel(2, 4, 1, seed: 3)))
        let error = #expect(throws: ConvolutionStackError.self) { try ConvolutionStack(layers) }
        #expect(error?.description == "Layer 2 writes 3 channels but layer 3 reads 4 channels: each layer's kernel "
            + "must take as many input channels as the layer before gives.")
        #expect(throws: ConvolutionStackError.noLayers) { try ConvolutionStack<Double>([]) }
    }

    @Test("a layer that cannot be applied is named with its number")
    func layerThatCannotBeApplied() throws {
        var layers = try Self.layers()
        layers[2] = StackLayer(try Convolution(kernel: Self.kernel(3, 3, 1, seed: 3), rate: Pair(square: 6)))
        let error = #expect(throws: ConvolutionStackError.self) { try ConvolutionStack(layers).outputs(of: Self.input) }
        #expect(error?.description == "In layer 3 of 3, the output height would be below 1: the input height 12 plus "
            + "padding 0+0 is smaller than the effective kernel 13 (kernel 3 at rate 6).")
    }

    @Test("ReLU zeroes negatives and keeps NaN")
    func relu() {
        var values: [Double] = [-2, -0.0, 0, 3, .nan, -.infinity]
        Activation.relu.apply(to: &values)
        #expect(Array(values[0..<4]) == [0, -0.0, 0, 3] && values[4].isNaN && values[5] == 0)
        var untouched: [Float] = [-1, 2]
        Activation.none.apply(to: &untouched)
        #expect(untouched == [-1, 2])
    }
}

@Suite("Computed layer notation")
struct ComputedLayerNotationTests {
    @Test("reads every key, with the defaults of rf's notation for the rest")
    func reads() throws {
        let full = try ComputedLayerNotation(notation: "w=W1.npy,b=B1.npy,r=2x3,s=1x2,p=1,0,2,3,f=reflect,a=relu")
        #expect(full.weights == "W1.npy" && full.bias == "B1.npy")
        #expect(full.rate == Pair(2, 3) && full.stride == Pair(1, 2))
        #expect(full.padding == .explicit(top: 1, bottom: 0, left: 2, right: 3))
        #expect(full.fill == .reflect && full.activation == .relu)
        #expect(try ComputedLayerNotation(notation: full.notation) == full)
        let bare = try ComputedLayerNotation(notation: "w=k.npy")
        #expect(bare.bias == nil && bare.rate == Pair(square: 1) && bare.stride == Pair(square: 1))
        #expect(bare.padding == .same && bare.fill == .zeros && bare.activation == Activation.none)
    }

    static let unreadable: [(String, String)] = [
        ("k=3", "The layer 'k=3' has an unknown key 'k'; use w, b, r, s, p, f and a."),
        ("r=2", "The layer 'r=2' needs its weights such as w=W1.npy."),
        ("w=k.npy,f=mirror", "The layer 'w=k.npy,f=mirror' has fill 'mirror'; use zeros, reflect, replicate or circular."),
        ("w=k.npy,a=tanh", "The layer 'w=k.npy,a=tanh' has activation 'tanh'; use none or relu."),
        ("w=k.npy,r=0", "The layer 'w=k.npy,r=0' has rate '0' outside 1...1000000."),
        ("w=k.npy,p=often", "The layer 'w=k.npy,p=often' has padding 'often'; use same, valid, causal, full or T,B,L,R."),
        ("w=k.npy,w=j.npy", "The layer 'w=k.npy,w=j.npy' gives 'w' more than once."),
    ]

    @Test("refuses malformed layers in one sentence", arguments: unreadable)
    func refuses(_ text: String, _ message: String) {
        let error = #expect(throws: LayerNotationError.self) { try ComputedLayerNotation(notation: text) }
        #expect(error?.description == message)
    }
}
