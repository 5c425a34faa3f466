import AtrousCore
import AtrousIO

// MARK: - Writing

extension ExplorerSession {
    /// Whether the input's values go into the session itself: at most
    /// ``SessionFormat/inlineLimit`` float64 values, all finite (JSON has no infinity or NaN,
    /// and its numbers read back as float64, so a float32 input keeps its type in a file).
    public var storesInputInline: Bool {
        guard case let .double(values) = input else { return false }
        return values.count <= SessionFormat.inlineLimit && values.scalars.allSatisfy(\.isFinite)
    }

    /// The session as a JSON document, in the order the format describes.
    ///
    /// - Parameter inputFile: the name, relative to the session, of the `.npy` file holding the
    ///   input; nil to store the values inline, which ``storesInputInline`` must allow.
    public func json(inputFile: String?) -> JSONValue {
        var inputMembers: [(key: String, value: JSONValue)] = [
            ("source", inputSourceJSON), ("shape", .integers(input.shape)),
        ]
        if let inputFile {
            inputMembers.append(("values_file", .string(inputFile)))
        } else {
            inputMembers.append(("values", .array(input.doubles.scalars.map { .number($0) })))
        }
        var view: [(key: String, value: JSONValue)] = [
            ("help", .bool(showsHelp)), ("speed", .number(stepsPerSecond)),
            ("selected_weight", .integers([selectedWeight.row, selectedWeight.column])),
        ]
        if let pickedInput { view.append(("picked_input", .integers([pickedInput.row, pickedInput.column]))) }
        if showsStack { view.append(("stack", .bool(true))) }
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(SessionFormat.tag)),
            ("version", .number(SessionFormat.version)),
            ("input", .object(inputMembers)),
            ("kernel", Self.kernelJSON(kernel, source: kernelSource)),
            ("layer", .string(spec.notation)),
            ("fill", .string(spec.fill.rawValue)),
            ("position", .integers([position.row, position.column])),
            ("channels", .object([("input", .number(inputChannel)), ("output", .number(outputChannel))])),
            ("view", .object(view)),
        ]
        if let stack { members.append(("stack", .array(stack.map { .string($0.notation) }))) }
        if let selectedLayer { members.append(("selected_layer", .number(selectedLayer))) }
        if let stackLayers {
            members.append(("stack_layers", .array(stackLayers.map { layer in
                var entry: [(key: String, value: JSONValue)] = [
                    ("fill", .string(layer.fill.rawValue)), ("activation", .string(layer.weights.activation.rawValue)),
                ]
                if let bias = layer.weights.bias { entry.append(("bias", .array(bias.map { .number($0) }))) }
                entry.append(("kernel", Self.kernelJSON(layer.weights.kernel, source: layer.weights.source)))
                return .object(entry)
            })))
        }
        return .object(members)
    }

    /// A kernel as the format writes it: its source, shape and values.
    private static func kernelJSON(_ kernel: Tensor<Double>, source: KernelSource) -> JSONValue {
        var sourceMembers: [(key: String, value: JSONValue)]
        switch source {
        case let .file(path, edited):
            sourceMembers = [("file", .string(path))]
            if edited { sourceMembers.append(("edited", .bool(true))) }
        case .preset, .edited:
            sourceMembers = [("preset", .string(source.preset.name))]
            if case let .random(seed) = source.preset { sourceMembers.append(("seed", .number(seed))) }
            if case .edited = source { sourceMembers.append(("edited", .bool(true))) }
        }
        return .object([("source", .object(sourceMembers)), ("shape", .integers(kernel.shape)),
                        ("values", .array(kernel.scalars.map { .number($0) }))])
    }

    /// The session file's text: values laid out one input row (W·C values) and one kernel row
    /// (kw·Cin·Cout values) per line.
    public func text(inputFile: String?) -> String {
        let inputRow = input.shape.dropFirst(2).reduce(1, *)
        let kernelRow = kernel.shape.dropFirst().reduce(1, *)
        return JSONWriter(rowLengths: ["input.values": inputRow, "kernel.values": kernelRow])
            .text(json(inputFile: inputFile))
    }

    private var inputSourceJSON: JSONValue {
        switch inputSource {
        case let .file(path):
            return .object([("file", .string(path))])
        case let .pattern(pattern, size):
            var members: [(key: String, value: JSONValue)] = [("pattern", .string(pattern.name))]
            switch pattern {
            case let .random(seed): members.append(("seed", .number(seed)))
            case let .glyph(character): members.append(("char", .string(String(character))))
            default: break
            }
            members.append(("size", .integers([size.height, size.width])))
            return .object(members)
        }
    }
}

// MARK: - Reading

extension ExplorerSession {
    /// Reads a session document.
    ///
    /// The document may name a file beside it that holds the input's values (`values_file`);
    /// this module reads no file, so the reading is passed in by whoever opens the session
    /// (`SessionFile.read(path:)` in AtrousExport, or a test in memory).
    ///
    /// - Parameters:
    ///   - json: the parsed file.
    ///   - path: the session file; a `values_file` is resolved relative to its directory.
    ///   - readArray: reads the array at a `values_file`'s resolved path, in the float type the file holds.
    /// - Throws: ``SessionError`` naming the file and the member at fault.
    public init(json: JSONValue, path: String,
                readArray: (String) throws(IOError) -> AnyTensor) throws(SessionError) {
        let root = SessionField(value: json, name: "", path: path)
        try Self.checkHeader(root)
        try root.checkMembers(["format", "version", "input", "kernel", "layer", "fill", "position", "channels",
                               "view", "stack", "selected_layer", "stack_layers"])
        var spec = try Self.layer(root.required("layer"))
        if let fill = root.member("fill") {
            guard let value = Fill(rawValue: try fill.string) else {
                throw fill.invalid("must be " + listed(Fill.allCases.map { "\"\($0.rawValue)\"" }))
            }
            spec.fill = value
        }
        let (input, inputSource) = try Self.input(root.required("input"), readArray: readArray)
        let channels = (try? FeatureMapShape(shape: input.shape))?.channels ?? 1
        let (kernel, kernelSource) = try Self.kernel(root.required("kernel"), size: spec.kernelSize, channels: channels)

        var inputChannel = 0, outputChannel = 0
        if let field = root.member("channels") {
            try field.checkMembers(["input", "output"])
            inputChannel = try field.member("input")?.integer ?? 0
            outputChannel = try field.member("output")?.integer ?? 0
        }
        var showsHelp = false, showsStack = false, speed = Playback().stepsPerSecond, weight = GridPosition.origin
        var picked: GridPosition?
        if let view = root.member("view") {
            try view.checkMembers(["help", "speed", "selected_weight", "picked_input", "stack"])
            showsHelp = try view.member("help")?.bool ?? false
            showsStack = try view.member("stack")?.bool ?? false
            speed = try view.member("speed")?.integer ?? speed
            weight = try view.member("selected_weight")?.cell ?? weight
            picked = try view.member("picked_input")?.cell
        }
        let stack = try root.member("stack").map { field throws(SessionError) in
            var layers: [LayerSpec] = []
            for element in try field.list { layers.append(try Self.stackLayer(element)) }
            return layers
        }
        let stackLayers = try root.member("stack_layers").map { field throws(SessionError) in
            let elements = try field.list
            guard let stack, stack.count == elements.count else {
                throw field.invalid("must hold one entry per layer of \"stack\" (\(stack?.count ?? 0))")
            }
            var layers: [SessionStackLayer] = []
            for (element, layer) in zip(elements, stack) {
                layers.append(try Self.stackLayerData(element, size: layer.kernelSize, channels: channels))
            }
            return layers
        }
        self.init(input: input, inputSource: inputSource, kernel: kernel, kernelSource: kernelSource, spec: spec,
                  position: try root.member("position")?.cell ?? .origin, inputChannel: inputChannel,
                  outputChannel: outputChannel, selectedWeight: weight, pickedInput: picked, showsHelp: showsHelp,
                  showsStack: showsStack, stepsPerSecond: speed, stack: stack,
                  selectedLayer: try root.member("selected_layer")?.integer, stackLayers: stackLayers)
    }

    /// Checks `"format"` before anything else, so any other JSON file is named as not a
    /// session, then `"version"`.
    private static func checkHeader(_ root: SessionField) throws(SessionError) {
        guard root.value.keys != nil, let format = root.member("format") else {
            throw .notASession(path: root.path, found: nil)
        }
        guard format.value.string == SessionFormat.tag else {
            throw .notASession(path: root.path, found: format.value.found)
        }
        let version = try root.required("version")
        guard case let .number(text) = version.value else {
            throw .wrongType(path: root.path, field: "version", expected: "a whole number", found: version.value.found)
        }
        guard version.value.integer == SessionFormat.version else {
            throw .unsupportedVersion(path: root.path, version: text)
        }
    }

    // MARK: Layer

    /// The layer notation, within the ranges the explorer keeps its parameters in.
    private static func layer(_ field: SessionField) throws(SessionError) -> LayerSpec {
        let text = try field.string
        let spec: LayerSpec
        do {
            spec = try LayerSpec(notation: text)
        } catch {
            throw field.invalid("cannot be read: " + lowercased("\(error)"))
        }
        let checks: [(String, Pair, ClosedRange<Int>)] = [
            ("kernel size", spec.kernelSize, ExplorerLimits.kernelSize), ("rate", spec.rate, ExplorerLimits.rate),
            ("stride", spec.stride, ExplorerLimits.stride),
        ]
        for (name, value, range) in checks where !range.contains(value.height) || !range.contains(value.width) {
            throw field.invalid("has \(name) \(sizeText(value)), but the explorer takes "
                + "\(range.lowerBound) to \(range.upperBound) per axis")
        }
        if case let .explicit(t, b, l, r) = spec.padding,
           let outside = [t, b, l, r].first(where: { !ExplorerLimits.explicitPadding.contains($0) }) {
            throw field.invalid("pads \(outside) cells on a side, but the explorer takes "
                + "\(ExplorerLimits.explicitPadding.lowerBound) to \(ExplorerLimits.explicitPadding.upperBound)")
        }
        return spec
    }

    private static func stackLayer(_ field: SessionField) throws(SessionError) -> LayerSpec {
        let text = try field.string
        do {
            return try LayerSpec(notation: text)
        } catch {
            throw field.invalid("cannot be read: " + lowercased("\(error)"))
        }
    }

    /// One entry of `"stack_layers"`: fill, activation, bias and kernel.
    private static func stackLayerData(_ field: SessionField, size: Pair,
                                       channels: Int) throws(SessionError) -> SessionStackLayer {
        try field.checkMembers(["fill", "activation", "bias", "kernel"])
        let fillField = try field.required("fill")
        guard let fill = Fill(rawValue: try fillField.string) else {
            throw fillField.invalid("must be " + listed(Fill.allCases.map { "\"\($0.rawValue)\"" }))
        }
        var activation = Activation.none
        if let activationField = field.member("activation") {
            guard let value = Activation(rawValue: try activationField.string) else {
                throw activationField.invalid("must be " + listed(Activation.allCases.map { "\"\($0.rawValue)\"" }))
            }
            activation = value
        }
        let bias = try field.member("bias")?.doubles
        let (kernel, source) = try Self.kernel(field.required("kernel"), size: size, channels: channels)
        do {
            return SessionStackLayer(fill: fill, weights: try LayerWeights(kernel: kernel, source: source,
                                                                            activation: activation, bias: bias))
        } catch {
            throw .inconsistent(path: field.path, reason: lowercased("\(error)"))
        }
    }

    // MARK: Input

    private static func input(_ field: SessionField, readArray: (String) throws(IOError) -> AnyTensor)
        throws(SessionError) -> (AnyTensor, InputSource) {
        try field.checkMembers(["source", "shape", "values", "values_file"])
        let source = try inputSource(field.required("source"))
        let declared = try field.member("shape").map { shape throws(SessionError) in try Self.shape(shape) }
        let tensor: AnyTensor
        switch (field.member("values"), field.member("values_file")) {
        case (.some, .some):
            throw .inconsistent(path: field.path,
                                reason: "\"input\" gives both \"values\" and \"values_file\"; keep one")
        case let (.some(values), nil):
            guard let shape = declared else { throw .missingField(path: field.path, field: "input.shape") }
            tensor = .double(try Self.tensor(values, shape: shape, role: "input"))
        case let (nil, .some(file)):
            tensor = try Self.inputValues(file, readArray: readArray)
            if let declared, declared != tensor.shape {
                throw .inconsistent(path: field.path, reason: "\"input.shape\" is \(shapeText(declared)) but "
                    + "\(shown(try file.string)) holds \(shapeText(tensor.shape))")
            }
        case (nil, nil):
            guard case let .pattern(pattern, size) = source else {
                throw .missingField(path: field.path, field: "input.values")
            }
            tensor = .double(pattern.tensor(size: size))
            if let declared, declared != tensor.shape {
                throw .inconsistent(path: field.path, reason: "\"input.shape\" is \(shapeText(declared)) but the "
                    + "\(sizeText(size)) pattern makes \(shapeText(tensor.shape))")
            }
        }
        if case let .pattern(_, size) = source, let shape = try? FeatureMapShape(shape: tensor.shape),
           shape.spatial != size {
            throw .inconsistent(path: field.path, reason: "the input's pattern is \(sizeText(size)) but its values "
                + "are \(sizeText(shape.spatial))")
        }
        return (tensor, source)
    }

    private static func inputSource(_ field: SessionField) throws(SessionError) -> InputSource {
        if let file = field.member("file") {
            try field.checkMembers(["file"])
            return .file(path: try file.string)
        }
        try field.checkMembers(["pattern", "seed", "char", "size"])
        let nameField = try field.required("pattern")
        let name = try nameField.string
        guard var pattern = InputPattern.cycle.first(where: { $0.name == name }) else {
            throw nameField.invalid("must be " + listed(InputPattern.cycle.map { "\"\($0.name)\"" }) + ", or the "
                + "source must be {\"file\": ...}")
        }
        if let seed = field.member("seed") {
            guard case .random = pattern else { throw .unknownField(path: field.path, field: seed.name) }
            pattern = .random(seed: try seed.unsignedInteger)
        }
        if let char = field.member("char") {
            guard case .glyph = pattern else { throw .unknownField(path: field.path, field: char.name) }
            let text = try char.string
            guard text.count == 1, let character = text.first, GlyphFont.bitmap(for: character) != nil else {
                throw char.invalid("must be one digit or capital letter A to Z")
            }
            pattern = .glyph(character)
        }
        let sizeField = try field.required("size")
        let pair = try sizeField.integers(count: 2)
        let size = Pair(pair[0], pair[1])
        let range = ExplorerLimits.patternSize
        guard range.contains(size.height), range.contains(size.width) else {
            throw sizeField.invalid("must be between \(range.lowerBound) and \(range.upperBound) on each axis")
        }
        return .pattern(pattern, size: size)
    }

    /// The values in a `values_file`, relative to the session's directory, read by `readArray`.
    private static func inputValues(_ field: SessionField, readArray: (String) throws(IOError) -> AnyTensor)
        throws(SessionError) -> AnyTensor {
        let name = try field.string
        let file = SessionFormat.resolve(name, relativeToSessionAt: field.path)
        do {
            return try readArray(file)
        } catch {
            if case .missingFile = error {
                throw .missingReferencedFile(path: field.path, file: file)
            }
            throw .referencedFile(path: field.path, file: file, error: error)
        }
    }

    // MARK: Kernel

    private static func kernel(_ field: SessionField, size: Pair,
                               channels: Int) throws(SessionError) -> (Tensor<Double>, KernelSource) {
        try field.checkMembers(["source", "shape", "values"])
        let sourceField = try field.required("source")
        try sourceField.checkMembers(["preset", "seed", "edited", "file"])
        if let file = sourceField.member("file") {
            // A file's weights live in the session: the path only says where they came from.
            guard sourceField.member("preset") == nil, sourceField.member("seed") == nil else {
                throw .inconsistent(path: sourceField.path, reason: "a kernel comes from a \"file\" or a \"preset\", not both")
            }
            let source = KernelSource.file(path: try file.string, edited: try sourceField.member("edited")?.bool ?? false)
            let values = try field.required("values")
            return (try Self.tensor(values, shape: try Self.shape(field.required("shape")), role: "kernel"), source)
        }
        let nameField = try sourceField.required("preset")
        guard var preset = KernelPreset(name: try nameField.string) else {
            throw nameField.invalid("must be " + listed(KernelPreset.cycle.map { "\"\($0.name)\"" }))
        }
        if let seed = sourceField.member("seed") {
            guard case .random = preset else { throw .unknownField(path: field.path, field: seed.name) }
            preset = .random(seed: try seed.unsignedInteger)
        }
        let edited = try sourceField.member("edited")?.bool ?? false
        let source: KernelSource = edited ? .edited(preset) : .preset(preset)
        guard let values = field.member("values") else {
            guard !edited else { throw .missingField(path: field.path, field: "kernel.values") }
            let tensor = preset.tensor(size: size, channels: channels)
            if let shape = try field.member("shape").map({ shape throws(SessionError) in try Self.shape(shape) }),
               shape != tensor.shape {
                throw .inconsistent(path: field.path, reason: "\"kernel.shape\" is \(shapeText(shape)) but the layer "
                    + "and the input call for \(shapeText(tensor.shape))")
            }
            return (tensor, source)
        }
        let shape = try Self.shape(field.required("shape"))
        return (try Self.tensor(values, shape: shape, role: "kernel"), source)
    }

    // MARK: Arrays

    /// A shape of positive extents whose element count fits in memory's arithmetic.
    private static func shape(_ field: SessionField) throws(SessionError) -> [Int] {
        let shape = try field.integers()
        guard !shape.isEmpty, shape.allSatisfy({ $0 >= 1 }) else {
            throw field.invalid("must list positive extents, got \(shapeText(shape))")
        }
        var count = 1
        for extent in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            guard !overflow else { throw field.invalid("describes more values than can be counted") }
            count = product
        }
        return shape
    }

    private static func tensor(_ field: SessionField, shape: [Int],
                               role: String) throws(SessionError) -> Tensor<Double> {
        let values = try field.doubles
        let needed = shape.reduce(1, *)
        guard values.count == needed else {
            throw .inconsistent(path: field.path, reason: "\"\(role).values\" holds \(plural(values.count, "number")) "
                + "but the shape \(shapeText(shape)) needs \(needed)")
        }
        return Tensor(shape: shape, scalars: values)
    }
}
