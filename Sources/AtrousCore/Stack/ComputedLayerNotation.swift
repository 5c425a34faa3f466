/// A computed layer in the `--layer` notation of `atrous rf`, extended with its data:
/// `w=W1.npy,b=B1.npy,r=2x2,s=1,p=same,f=zeros,a=relu`.
///
/// `w` names the weights (the kernel size comes from them) and `b` an optional bias; `r`, `s`
/// and `p` read as in ``LayerSpec/init(notation:)``; `f` is the fill and `a` the activation
/// after the bias. The core reads no files: the names stay text for the caller to open.
public struct ComputedLayerNotation: Sendable, Hashable {
    public var weights: String
    public var bias: String?
    public var rate: Pair
    public var stride: Pair
    public var padding: Padding
    public var fill: Fill
    public var activation: Activation

    /// The keys of the notation, in the order ``notation`` writes them.
    static let keys = ["w", "b", "r", "s", "p", "f", "a"]

    /// Parses the notation. `w` is required; `r` and `s` default to 1, `p` to `same` (as in
    /// `rf`), `f` to `zeros` and `a` to `none`.
    /// - Throws: ``LayerNotationError`` naming the text and the part that is wrong.
    public init(notation text: String) throws {
        let values = try LayerNotation.fields(of: text, keys: Self.keys)
        guard let weights = values["w"], !weights.isEmpty else { throw LayerNotationError.missingWeights(text: text) }
        self.weights = weights
        bias = values["b"].flatMap { $0.isEmpty ? nil : $0 }
        rate = try LayerNotation.size(values["r"], key: "r", in: text)
        stride = try LayerNotation.size(values["s"], key: "s", in: text)
        padding = try LayerNotation.padding(values["p"], in: text)
        fill = try values["f"].map { value in
            guard let fill = Fill(rawValue: value.lowercased()) else { throw LayerNotationError.badFill(text: text, value: value) }
            return fill
        } ?? .zeros
        activation = try values["a"].map { value in
            guard let activation = Activation(rawValue: value.lowercased()) else {
                throw LayerNotationError.badActivation(text: text, value: value)
            }
            return activation
        } ?? .none
    }

    /// The layer written back in the notation, every key given; it reads back as the same layer.
    public var notation: String {
        "w=\(weights)" + (bias.map { ",b=\($0)" } ?? "")
            + ",r=\(rate),s=\(stride),p=\(padding),f=\(fill),a=\(activation)"
    }
}
