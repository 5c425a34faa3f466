import AtrousCore

/// A built-in kernel, generated for any size and channel count.
///
/// Each preset except ``random(seed:)`` filters every channel on its own: the weights sit on
/// the diagonal `Cin == Cout` of the HWIO kernel, so output channel c shows input channel c
/// filtered. `random` fills every weight.
public enum KernelPreset: Sendable, Hashable, CustomStringConvertible {
    /// All ones: the output is the plain sum of the taps, easy to check by hand.
    case box
    /// A single 1 at the centre: the output repeats the input (shifted when the size is even).
    case identity
    /// Binomial weights (1 2 1 ⊗ 1 2 1 at 3x3) that sum to 1.
    case gaussian
    /// The horizontal Sobel derivative `[1 0 −1; 2 0 −2; 1 0 −1]`.
    case sobelX
    /// The vertical Sobel derivative, the transpose of ``sobelX``.
    case sobelY
    /// The 4-neighbour Laplacian `[0 1 0; 1 −4 1; 0 1 0]`.
    case laplacian
    /// Weights −1.0 to 1.0 in steps of 0.1 from a ``SplitMix64`` generator with this seed.
    case random(seed: UInt64)

    /// The presets in the order the `w` key cycles through them.
    public static let cycle: [KernelPreset] = [.box, .identity, .gaussian, .sobelX, .sobelY, .laplacian, .random(seed: 1)]

    /// The name as the `:kernel` command takes it.
    public var name: String {
        switch self {
        case .box: "box"
        case .identity: "identity"
        case .gaussian: "gaussian"
        case .sobelX: "sobel-x"
        case .sobelY: "sobel-y"
        case .laplacian: "laplacian"
        case .random: "random"
        }
    }

    /// The name with its parameters, e.g. `random seed=3`.
    public var description: String {
        if case let .random(seed) = self { "random seed=\(seed)" } else { name }
    }

    /// The preset of a name `:kernel` accepts (`random` gets seed 1); nil for anything else.
    public init?(name: String) {
        let lowered = name.lowercased()
        guard let preset = Self.cycle.first(where: { $0.name == lowered }) else { return nil }
        self = preset
    }

    /// Where this preset sits in ``cycle``, matching by name so a seed does not matter.
    var cycleIndex: Int { Self.cycle.firstIndex { $0.name == name } ?? 0 }

    /// The 3x3 stencil of a preset that is only defined at 3x3, or nil for one that generalises.
    private var stencil: [[Double]]? {
        switch self {
        case .sobelX: [[1, 0, -1], [2, 0, -2], [1, 0, -1]]
        case .sobelY: [[1, 2, 1], [0, 0, 0], [-1, -2, -1]]
        case .laplacian: [[0, 1, 0], [1, -4, 1], [0, 1, 0]]
        default: nil
        }
    }

    /// Whether the preset is defined at `size`; where it is not, ``tensor(size:channels:)``
    /// centres the 3x3 stencil in the kernel (cropped or surrounded by zeros).
    public func isExact(at size: Pair) -> Bool {
        stencil == nil || size == Pair(square: 3)
    }

    /// A note to show when the preset is used at a size where it is not defined, else nil.
    public func sizeNote(at size: Pair) -> String? {
        guard !isExact(at: size) else { return nil }
        return "The \(name) kernel is defined at 3x3; at \(size.height)x\(size.width) its 3x3 stencil "
            + "is centred, cropped or surrounded by zeros."
    }

    /// The kernel in HWIO layout, shape `(kh, kw, channels, channels)`; a size or channel
    /// count below 1 is raised to 1.
    ///
    /// - Complexity: O(kh · kw · channels²).
    public func tensor(size: Pair, channels: Int) -> Tensor<Double> {
        let (size, channels) = (size.atLeastOne, max(channels, 1))
        let (kh, kw) = (size.height, size.width)
        let plane = weights(size: size)
        var generator = SplitMix64(seed: { if case let .random(seed) = self { seed } else { 0 } }())
        var scalars: [Double] = []
        scalars.reserveCapacity(kh * kw * channels * channels)
        for y in 0..<kh {
            for x in 0..<kw {
                for ci in 0..<channels {
                    for co in 0..<channels {
                        if case .random = self {
                            scalars.append(Double(generator.integer(in: -10...10)) / 10)
                        } else {
                            scalars.append(ci == co ? plane[y][x] : 0)
                        }
                    }
                }
            }
        }
        return Tensor(shape: [kh, kw, channels, channels], scalars: scalars)
    }

    /// The single-channel weights of the deterministic presets (zeros for `random`).
    private func weights(size: Pair) -> [[Double]] {
        let (kh, kw) = (size.height, size.width)
        var plane = Array(repeating: Array(repeating: 0.0, count: kw), count: kh)
        switch self {
        case .box:
            plane = Array(repeating: Array(repeating: 1.0, count: kw), count: kh)
        case .identity:
            plane[(kh - 1) / 2][(kw - 1) / 2] = 1
        case .gaussian:
            let (rows, columns) = (binomialRow(kh), binomialRow(kw))
            let total = rows.reduce(0, +) * columns.reduce(0, +)
            for y in 0..<kh { for x in 0..<kw { plane[y][x] = rows[y] * columns[x] / total } }
        case .sobelX, .sobelY, .laplacian:
            guard let stencil else { break }
            // Floor division keeps the stencil's centre on the kernel's centre (upper-left of
            // the middle for even sizes), so a 1x1 kernel takes the stencil's middle weight.
            let top = floorDivide(kh - 3, 2), left = floorDivide(kw - 3, 2)
            for y in 0..<kh {
                for x in 0..<kw where (0..<3).contains(y - top) && (0..<3).contains(x - left) {
                    plane[y][x] = stencil[y - top][x - left]
                }
            }
        case .random:
            break
        }
        return plane
    }
}

/// Row `n − 1` of Pascal's triangle: the binomial weights of a smoothing kernel of `n` taps.
private func binomialRow(_ n: Int) -> [Double] {
    var row: [Double] = [1]
    for _ in 1..<max(n, 1) { row = zip(row + [0], [0] + row).map(+) }
    return row
}

private func floorDivide(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? a / b : -((-a + b - 1) / b)
}

/// Where the explorer's kernel came from.
public enum KernelSource: Sendable, Hashable, CustomStringConvertible {
    /// Generated by a preset, unchanged.
    case preset(KernelPreset)
    /// Generated by a preset, then weights set by hand.
    case edited(KernelPreset)
    /// Read from an array file (`:kernel FILE`, `--kernel FILE`), then maybe edited by hand.
    /// The path is a note of where the weights came from; a session keeps the weights.
    case file(path: String, edited: Bool)

    /// The preset the kernel started from; a file's kernel counts as the first preset's for
    /// the preset keys, which step on from there.
    public var preset: KernelPreset {
        switch self {
        case let .preset(preset), let .edited(preset): preset
        case .file: KernelPreset.cycle[0]
        }
    }

    /// The source once a weight has been set by hand.
    public var edited: KernelSource {
        switch self {
        case let .preset(preset), let .edited(preset): .edited(preset)
        case let .file(path, _): .file(path: path, edited: true)
        }
    }

    /// `gaussian`, or `gaussian (edited)`.
    public var description: String {
        switch self {
        case let .preset(preset): preset.description
        case let .edited(preset): "\(preset) (edited)"
        case let .file(path, edited): edited ? "\(path) (edited)" : path
        }
    }
}
