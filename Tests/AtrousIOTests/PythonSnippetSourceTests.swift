import AtrousCore
import AtrousIO
import Testing

/// What generated snippets say, checked on the text: the framework rules they must follow
/// hold whether or not the framework is installed here.
@Suite struct PythonSnippetSourceTests {
    private func request(_ input: [Int], _ kernel: [Int], rate: Pair = Pair(square: 1), stride: Pair = Pair(square: 1),
                         padding: Padding = .valid, fill: Fill = .zeros) throws -> SnippetRequest {
        let spec = LayerSpec(kernelSize: Pair(kernel[0], kernel[1]), rate: rate, stride: stride, padding: padding, fill: fill)
        return try SnippetRequest(spec: spec, inputShape: input, kernelShape: kernel, biasShape: nil,
                                  files: SnippetFiles(beside: "conv.py", hasBias: false))
    }

    /// The comments of a snippet joined into one line, so wrapped sentences can be searched.
    private func comments(_ source: String) -> String {
        source.split(separator: "\n").compactMap { line in
            let text = line.drop { $0 == " " }
            return text.hasPrefix("# ") ? String(text.dropFirst(2)) : nil
        }.joined(separator: " ")
    }

    @Test func pytorchPadsUnevenSameByHandInLeftRightTopBottomOrder() throws {
        let r = try request([8, 10], [2, 4], padding: .same)
        let (t, b, l, rt) = r.geometry.pads
        #expect(t != b && l != rt)
        let source = PythonSnippet.source(for: r, framework: .pytorch)
        #expect(source.contains("x_t = F.pad(x_t, (\(l), \(rt), \(t), \(b)))"))
        #expect(source.contains("padding=0, dilation=(1, 1)"))
        #expect(!source.contains("padding=\"same\""))
        #expect(comments(source).contains(FrameworkNote.sameIsAsymmetric(top: t, bottom: b, left: l, right: rt, strided: false).description))
        #expect(comments(source).contains("(left, right, top, bottom)"))
    }

    @Test func pytorchUsesSameOnlyAtStrideOne() throws {
        let unit = PythonSnippet.source(for: try request([9, 9], [3, 3], rate: Pair(square: 2), padding: .same),
                                        framework: .pytorch)
        #expect(unit.contains("padding=\"same\", dilation=(2, 2)"))
        let strided = try request([9, 9], [3, 3], stride: Pair(square: 2), padding: .same)
        let source = PythonSnippet.source(for: strided, framework: .pytorch)
        #expect(source.contains("padding=\(shapeText([strided.geometry.pads.top, strided.geometry.pads.left]))"))
        #expect(comments(source).contains(FrameworkNote.pytorchSameRefusesStride.description))
    }

    @Test func pytorchMovesChannelsToNCHWAndBack() throws {
        let source = PythonSnippet.source(for: try request([1, 5, 6, 3], [3, 3, 3, 2]), framework: .pytorch)
        #expect(source.contains("torch.from_numpy(x4).permute(0, 3, 1, 2)  # NHWC -> NCHW"))
        #expect(source.contains("torch.from_numpy(k4).permute(3, 2, 0, 1)  # HWIO -> OIHW"))
        #expect(source.contains("y_t.permute(0, 2, 3, 1).numpy()"))
    }

    @Test func fillsMapToEachFrameworksMode() throws {
        let reflect = try request([9, 9], [3, 3], padding: .same, fill: .reflect)
        #expect(PythonSnippet.source(for: reflect, framework: .tensorflow).contains("mode=\"REFLECT\")"))
        #expect(PythonSnippet.source(for: reflect, framework: .pytorch).contains("mode=\"reflect\")"))
        #expect(PythonSnippet.source(for: reflect, framework: .numpy).contains("mode=\"reflect\")"))
        let replicate = try request([9, 9], [3, 3], padding: .same, fill: .replicate)
        let tf = PythonSnippet.source(for: replicate, framework: .tensorflow)
        #expect(tf.contains("tf.constant(np.pad(x4, ((0, 0), (1, 1), (1, 1), (0, 0)), mode=\"edge\"))"))
        #expect(comments(tf).contains("tf.pad has no replicate mode"))
        #expect(PythonSnippet.source(for: replicate, framework: .pytorch).contains("mode=\"replicate\")"))
        #expect(PythonSnippet.source(for: replicate, framework: .jax).contains("mode=\"edge\")"))
        let circular = try request([9, 9], [3, 3], padding: .same, fill: .circular)
        #expect(PythonSnippet.source(for: circular, framework: .tensorflow).contains("mode=\"wrap\")"))
        #expect(PythonSnippet.source(for: circular, framework: .pytorch).contains("mode=\"circular\")"))
    }

    @Test func pytorchCircularPaddingBeyondOneWrapGoesThroughNumpy() throws {
        let wide = try request([5, 6], [3, 3], padding: .explicit(top: 7, bottom: 7, left: 1, right: 1), fill: .circular)
        let source = PythonSnippet.source(for: wide, framework: .pytorch)
        #expect(source.contains("x4p = np.pad(x4, ((0, 0), (7, 7), (1, 1), (0, 0)), mode=\"wrap\")"))
        #expect(!source.contains("F.pad"))
    }

    @Test func tensorflowUsesAtrousConv2dAndKerasWhereTheyApply() throws {
        let plain = PythonSnippet.source(for: try request([9, 9], [3, 3], rate: Pair(square: 2), padding: .same),
                                         framework: .tensorflow)
        #expect(plain.contains("tf.nn.conv2d(x_tf, k4, strides=[1, 1, 1, 1], padding=\"SAME\", dilations=[1, 2, 2, 1])"))
        #expect(plain.contains("tf.nn.atrous_conv2d(x_tf, k4, rate=2, padding=\"SAME\")"))
        #expect(plain.contains("tf.keras.layers.Conv2D("))

        let strided = PythonSnippet.source(for: try request([9, 9], [3, 3], rate: Pair(square: 2), stride: Pair(2, 1)),
                                           framework: .tensorflow)
        #expect(strided.contains("strides=[1, 2, 1, 1], padding=\"VALID\", dilations=[1, 2, 2, 1]"))
        #expect(!strided.contains("tf.nn.atrous_conv2d("))
        #expect(!strided.contains("tf.keras.layers.Conv2D("))
        #expect(comments(strided).contains(FrameworkNote.atrousConv2dHasNoStride.description))
        #expect(comments(strided).contains(FrameworkNote.kerasRefusesStrideWithDilation.description))

        let uneven = PythonSnippet.source(for: try request([9, 9], [3, 3], rate: Pair(1, 2)), framework: .tensorflow)
        // TensorFlow 2.21's atrous_conv2d takes a rate per axis.
        #expect(uneven.contains("tf.nn.atrous_conv2d(x_tf, k4, rate=(1, 2), padding="))
    }

    @Test func explicitZeroPadsGoToEachFrameworksPadArgument() throws {
        let r = try request([9, 9], [2, 2], rate: Pair(square: 3), padding: .explicit(top: 3, bottom: 1, left: 0, right: 2))
        #expect(PythonSnippet.source(for: r, framework: .tensorflow).contains("padding=[[0, 0], [3, 1], [0, 2], [0, 0]]"))
        #expect(PythonSnippet.source(for: r, framework: .jax).contains("padding=[(3, 1), (0, 2)]"))
        #expect(PythonSnippet.source(for: r, framework: .pytorch).contains("F.pad(x_t, (0, 2, 3, 1))"))
    }

    @Test func fullAndCausalSayNoFrameworkNamesThem() throws {
        let full = try request([6, 6], [3, 3], rate: Pair(square: 2), padding: .full)
        for framework in [SnippetFramework.tensorflow, .pytorch] {
            #expect(comments(PythonSnippet.source(for: full, framework: framework))
                .contains(FrameworkNote.fullIsExplicit(height: 4, width: 4).description))
        }
        let causal = try request([3, 12], [1, 3], rate: Pair(square: 2), padding: .causal)
        #expect(comments(PythonSnippet.source(for: causal, framework: .pytorch))
            .contains(FrameworkNote.causalIsKerasConv1D(left: 4).description))
    }

    @Test func rankTwoArraysAreReshapedToNHWCAndHWIO() throws {
        let source = PythonSnippet.source(for: try request([9, 11], [3, 2]), framework: .jax)
        #expect(source.contains("x4 = x.reshape(1, 9, 11, 1).astype(dtype)"))
        #expect(source.contains("k4 = k.reshape(3, 2, 1, 1).astype(dtype)"))
        #expect(source.contains("if y4.shape != (1, 7, 10, 1):"))
    }

    @Test func fileNamesBecomeExactPythonStrings() throws {
        let spec = LayerSpec(kernelSize: Pair(square: 1))
        let files = SnippetFiles(input: "a \"quoted\" name.npy", kernel: "back\\slash.npy", expected: "tab\tand é.npy")
        let r = try SnippetRequest(spec: spec, inputShape: [2, 2], kernelShape: [1, 1], biasShape: nil, files: files)
        let source = PythonSnippet.source(for: r, framework: .numpy)
        #expect(source.contains(#"np.load(HERE / "a \"quoted\" name.npy")"#))
        #expect(source.contains(#"np.load(HERE / "back\\slash.npy")"#))
        #expect(source.contains(#"np.load(HERE / "tab\tand é.npy")"#))
    }

    @Test func commentsStayWithinTheLineWidth() throws {
        for framework in SnippetFramework.allCases {
            let source = PythonSnippet.source(for: try request([1, 9, 9, 2], [3, 3, 2, 2], rate: Pair(2, 3),
                                                               stride: Pair(square: 2), padding: .same, fill: .reflect),
                                              framework: framework)
            for line in source.split(separator: "\n") where line.drop(while: { $0 == " " }).hasPrefix("#") {
                #expect(line.count <= 79, "\(framework): \(line)")
            }
        }
    }

    @Test func filesBesideASnippetAreNamedAfterIt() {
        let files = SnippetFiles(beside: "out/conv.py", hasBias: true)
        #expect(files.all == ["out/conv.input.npy", "out/conv.kernel.npy", "out/conv.bias.npy", "out/conv.expected.npy"])
        #expect(files.relativeToSnippet.all == ["conv.input.npy", "conv.kernel.npy", "conv.bias.npy", "conv.expected.npy"])
        #expect(SnippetFiles(beside: "snippet", hasBias: false).all == ["snippet.input.npy", "snippet.kernel.npy",
                                                                          "snippet.expected.npy"])
    }

    static var invalid: [(String, () throws -> SnippetRequest, any Error & Equatable)] { [
        ("kernel size", {
            try SnippetRequest(spec: LayerSpec(kernelSize: Pair(square: 3)), inputShape: [5, 5], kernelShape: [2, 2],
                               biasShape: nil, files: SnippetFiles(beside: "s.py", hasBias: false))
        }, CodeExportError.kernelSizeMismatch(layerKernel: Pair(square: 3), kernelShape: [2, 2])),
        ("bias without file", {
            try SnippetRequest(spec: LayerSpec(kernelSize: Pair(square: 1)), inputShape: [5, 5], kernelShape: [1, 1],
                               biasShape: [1], files: SnippetFiles(beside: "s.py", hasBias: false))
        }, CodeExportError.biasFileMismatch(hasBiasShape: true)),
        ("bias length", {
            try SnippetRequest(spec: LayerSpec(kernelSize: Pair(square: 1)), inputShape: [5, 5, 2], kernelShape: [1, 1, 2, 3],
                               biasShape: [2], files: SnippetFiles(beside: "s.py", hasBias: true))
        }, ConvolutionError.biasLength(length: 2, outputChannels: 3)),
        ("channels", {
            try SnippetRequest(spec: LayerSpec(kernelSize: Pair(square: 1)), inputShape: [5, 5, 2], kernelShape: [1, 1, 3, 1],
                               biasShape: nil, files: SnippetFiles(beside: "s.py", hasBias: false))
        }, ConvolutionError.channelMismatch(inputChannels: 2, kernelInputChannels: 3)),
        ("reflect too wide", {
            try SnippetRequest(spec: LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 3), padding: .same, fill: .reflect),
                               inputShape: [3, 3], kernelShape: [3, 3], biasShape: nil,
                               files: SnippetFiles(beside: "s.py", hasBias: false))
        }, ConvolutionError.reflectPaddingTooLarge(axis: .height, pad: 3, inputSize: 3)),
    ] }

    @Test(arguments: invalid.indices)
    func impossibleRequestsAreRefused(_ index: Int) {
        let (name, make, expected) = Self.invalid[index]
        do {
            _ = try make()
            Issue.record("\(name) was accepted")
        } catch {
            #expect(String(describing: error) == String(describing: expected), "\(name)")
            #expect(String(describing: error).hasSuffix("."))
        }
    }
}
