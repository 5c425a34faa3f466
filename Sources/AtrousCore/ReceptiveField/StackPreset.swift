/// A named layer stack from the literature, with an input size that shows its whole field.
public struct StackPreset: Sendable, Hashable {
    public let name: String
    /// One line saying where the stack comes from.
    public let summary: String
    /// The input size used when none is given.
    public let inputSize: Pair
    /// The layers: one stack, or several parallel branches on the same input (ASPP).
    public let branches: [[LayerSpec]]
    /// The output cell analysed when none is given.
    public let defaultCell: DefaultCell

    /// Which output cell a preset analyses when none is given.
    public enum DefaultCell: String, Sendable, Hashable {
        /// The middle of the output, `size / 2` per axis.
        case centre
        /// The last cell, bottom right: the newest sample of a causal stack.
        case last

        /// The cell in the output of `stack`.
        public func position(in stack: LayerStack) -> Pair {
            switch self {
            case .centre: stack.centreOfOutput
            case .last: Pair(stack.outputSize.height - 1, stack.outputSize.width - 1)
            }
        }
    }

    /// Whether the branches run side by side rather than as one stack.
    public var isParallel: Bool { branches.count > 1 }

    /// The branches resolved on `inputSize` (the preset's own when nil).
    /// - Throws: ``ReceptiveFieldError`` or ``ConvolutionError`` when a branch cannot be applied.
    public func stacks(inputSize: Pair? = nil) throws -> [LayerStack] {
        try branches.map { try LayerStack(inputSize: inputSize ?? self.inputSize, specs: $0) }
    }

    /// The preset called `name` (any case), or nil.
    public static func named(_ name: String) -> StackPreset? {
        all.first { $0.name == name.lowercased() }
    }

    /// Every preset, in the order help lists them.
    public static let all: [StackPreset] = [context, wavenet, hdc, aspp, gridding]

    /// Yu & Koltun's basic context module (ICLR 2016): 3x3 layers at rates 1, 1, 2, 4, 8, 16, 1,
    /// then a 1x1 layer; the field is 67x67, the default input.
    public static let context = StackPreset(
        name: "context", summary: "Yu & Koltun's context module: 3x3 at rates 1,1,2,4,8,16,1 then 1x1",
        inputSize: Pair(square: 67),
        branches: [[1, 1, 2, 4, 8, 16, 1].map { square(3, rate: $0) } + [square(1, rate: 1)]],
        defaultCell: .centre)

    /// WaveNet's dilated causal stack (van den Oord et al. 2016): kernel 2 at rates 1, 2, …, 512
    /// along time, a field of 1024 samples. The input is 1x1024 and the cell analysed is the last
    /// sample, the one a causal model predicts from, so the whole field lies inside the input.
    public static let wavenet = StackPreset(
        name: "wavenet", summary: "WaveNet: causal 1x2 kernels at rates 1,2,4,...,512 (field 1024)",
        inputSize: Pair(1, 1024),
        branches: [(0..<10).map { LayerSpec(kernelSize: Pair(1, 2), rate: Pair(1, 1 << $0), padding: .causal) }],
        defaultCell: .last)

    /// Hybrid Dilated Convolution (Wang et al. 2018): the rates 1, 2, 5 twice, 3x3, on 49x49.
    public static let hdc = StackPreset(
        name: "hdc", summary: "Hybrid Dilated Convolution: 3x3 at rates 1,2,5,1,2,5 (no gridding)",
        inputSize: Pair(square: 49),
        branches: [[1, 2, 5, 1, 2, 5].map { square(3, rate: $0) }],
        defaultCell: .centre)

    /// DeepLab v2's atrous spatial pyramid pooling (ASPP-L): four parallel 3x3 branches at rates
    /// 6, 12, 18, 24 whose outputs are summed, on a 65x65 feature map.
    public static let aspp = StackPreset(
        name: "aspp", summary: "DeepLab ASPP: parallel 3x3 branches at rates 6,12,18,24, summed",
        inputSize: Pair(square: 65),
        branches: [6, 12, 18, 24].map { [square(3, rate: $0)] },
        defaultCell: .centre)

    /// Three 3x3 layers at rate 2: every path lands on even offsets, the textbook grid of holes.
    public static let gridding = StackPreset(
        name: "gridding", summary: "Gridding: 3x3 at rates 2,2,2 (a grid of holes)",
        inputSize: Pair(square: 33),
        branches: [[2, 2, 2].map { square(3, rate: $0) }],
        defaultCell: .centre)

    private static func square(_ kernel: Int, rate: Int) -> LayerSpec {
        LayerSpec(kernelSize: Pair(square: kernel), rate: Pair(square: rate), padding: .same)
    }
}
