import AtrousCore

/// A built-in input, generated from a few parameters so it can be named, recreated and
/// saved in a session without its values.
public enum InputPattern: Sendable, Hashable, CustomStringConvertible {
    /// A single 1 at the centre (the lower-right of the four middle cells when a side is
    /// even): the output then shows the dilated kernel's footprint, holes and all.
    case impulse
    /// Alternating 0 and 1 cell by cell; a rate of 2 sees only one colour, a picture of gridding.
    case checkerboard
    /// Each cell holds its reading-order index 0, 1, 2, …, so every tap's value names its cell.
    case ramp
    /// Whole numbers 0 to 9 drawn from a ``SplitMix64`` generator with this seed.
    case random(seed: UInt64)
    /// A 5x7 bitmap of a digit or capital letter (see ``GlyphFont``), centred, 1 on 0.
    case glyph(Character)

    /// The patterns in the order the `i` key cycles through them, with their default parameters.
    public static let cycle: [InputPattern] = [.impulse, .checkerboard, .ramp, .random(seed: 1), .glyph("F")]

    /// The size a pattern gets unless one is asked for.
    public static let defaultSize = Pair(square: 9)

    /// The pattern's name as the `:input` command takes it.
    public var name: String {
        switch self {
        case .impulse: "impulse"
        case .checkerboard: "checkerboard"
        case .ramp: "ramp"
        case .random: "random"
        case .glyph: "glyph"
        }
    }

    /// The name with its parameters, e.g. `random seed=7` or `glyph char=F`.
    public var description: String {
        switch self {
        case let .random(seed): "random seed=\(seed)"
        case let .glyph(character): "glyph char=\(character)"
        default: name
        }
    }

    /// Where this pattern sits in ``cycle``, matching by name so parameters do not matter.
    var cycleIndex: Int { Self.cycle.firstIndex { $0.name == name } ?? 0 }

    /// The pattern as a single-channel NHWC tensor of shape `(1, H, W, 1)`; a side below 1 is
    /// raised to 1.
    ///
    /// - Complexity: O(H · W).
    public func tensor(size: Pair) -> Tensor<Double> {
        let size = size.atLeastOne
        let (height, width) = (size.height, size.width)
        let values: [Double]
        switch self {
        case .impulse:
            let centre = GridPosition(row: height / 2, column: width / 2).flatIndex(in: size)
            values = (0..<height * width).map { $0 == centre ? 1 : 0 }
        case .checkerboard:
            values = (0..<height * width).map { index in
                let cell = GridPosition(flatIndex: index, in: size)
                return Double((cell.row + cell.column) % 2)
            }
        case .ramp:
            values = (0..<height * width).map(Double.init)
        case let .random(seed):
            var generator = SplitMix64(seed: seed)
            values = (0..<height * width).map { _ in Double(generator.integer(in: 0...9)) }
        case let .glyph(character):
            let bitmap = GlyphFont.bitmap(for: character) ?? GlyphFont.bitmap(for: "F") ?? []
            let top = (bitmap.count - height) / 2, left = (GlyphFont.width - width) / 2
            values = (0..<height * width).map { index in
                let cell = GridPosition(flatIndex: index, in: size)
                let (y, x) = (cell.row + top, cell.column + left)
                guard bitmap.indices.contains(y), (0..<GlyphFont.width).contains(x) else { return 0 }
                return bitmap[y][x] ? 1 : 0
            }
        }
        return Tensor(shape: [1, height, width, 1], scalars: values)
    }
}

/// Where the explorer's input came from.
public enum InputSource: Sendable, Hashable, CustomStringConvertible {
    /// A built-in pattern of the given height and width.
    case pattern(InputPattern, size: Pair)
    /// An array read from a file (`.npy` or `.csv`), named by the path the user gave.
    case file(path: String)

    /// `impulse 9x9`, `random seed=7 12x12`, or the file's path.
    public var description: String {
        switch self {
        case let .pattern(pattern, size): "\(pattern) \(size.height)x\(size.width)"
        case let .file(path): path
        }
    }
}
