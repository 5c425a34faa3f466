import AtrousCore
import AtrousExplorer
import AtrousIO
import Foundation

/// Every file under `Assets/`, generated here from a few seeded rules so that the samples can
/// be checked and remade by the project itself (see `AssetsTests`).
enum AssetCatalog {
    /// How a committed file is compared with the generated one.
    enum Comparison {
        /// Byte for byte.
        case bytes
        /// By the pixel values read back: a PNG's bytes depend on the zlib that compressed them.
        case pixels
    }

    struct Asset {
        /// The path under `Assets/`.
        let path: String
        let bytes: [UInt8]
        let comparison: Comparison
    }

    static func all() throws -> [Asset] {
        try inputs() + kernels() + sessions() + lessons()
    }

    // MARK: - Lessons

    /// The built-in course as `atrous learn` holds it, so `atrous lesson` opens the same text
    /// from the file and `atrous lesson --check Assets/lessons/*.md` checks what `learn` teaches.
    static func lessons() -> [Asset] {
        [Asset(path: "lessons/\(BuiltInCourse.fileName)", bytes: Array((BuiltInCourse.text + "\n").utf8), comparison: .bytes)]
    }

    // MARK: - Inputs

    static func inputs() throws -> [Asset] {
        let aerial = aerialTile()
        let glyph = glyphImage()
        let signal = signal()
        return [
            Asset(path: "inputs/aerial-48x48.png", bytes: try PNGWriter.encode(aerial), comparison: .pixels),
            Asset(path: "inputs/aerial-48x48.npy", bytes: NumpyWriter.encode(aerial), comparison: .bytes),
            Asset(path: "inputs/glyph-A-16x16.pgm", bytes: pgm(glyph), comparison: .bytes),
            Asset(path: "inputs/glyph-A-16x16.npy", bytes: NumpyWriter.encode(glyph), comparison: .bytes),
            Asset(path: "inputs/signal-1x64.npy", bytes: NumpyWriter.encode(signal), comparison: .bytes),
            Asset(path: "inputs/signal-1x64.csv", bytes: try CSVMaps.encode(signal), comparison: .bytes),
        ]
    }

    /// A 48x48 grayscale aerial tile in [0, 1], in steps of 1/255 so the PNG holds it exactly:
    /// four fields with different furrows, a main road, a lane, a diagonal track and a few trees.
    static func aerialTile() -> Tensor<Double> {
        var generator = SplitMix64(seed: 48)
        let trees = (0..<9).map { _ in (generator.integer(in: 2...45), generator.integer(in: 2...45)) }
        return Tensor(shape: [48, 48]) { index in
            let (y, x) = (index[0], index[1])
            var value: Double
            switch (y < 27, x < 19) {
            case (true, true): value = y % 3 == 0 ? 0.56 : 0.46           // rows of a crop, east-west
            case (true, false): value = (x + y) % 4 < 2 ? 0.62 : 0.52     // furrows on the diagonal
            case (false, true): value = x % 2 == 0 ? 0.30 : 0.38          // ploughed, north-south
            case (false, false): value = 0.40                             // grass
            }
            if (27...29).contains(y) { value = 0.86 }                         // the main road
            if (19...20).contains(x) && y < 27 { value = 0.80 }               // a lane to the north
            if y >= 30 && abs((x - 21) - (y - 30)) == 0 { value = 0.74 }      // a track to the south-east
            if trees.contains(where: { (ty, tx) in (y - ty) * (y - ty) + (x - tx) * (x - tx) <= 2 }) { value = 0.14 }
            value += Double(generator.integer(in: -6...6)) / 255
            return (min(max(value, 0), 1) * 255).rounded() / 255
        }
    }

    /// The letter A from the explorer's glyph font, each pixel doubled, centred in 16x16, 1 on 0.
    static func glyphImage() -> Tensor<Double> {
        let bitmap = GlyphFont.bitmap(for: "A") ?? []
        let (top, left) = ((16 - 2 * GlyphFont.height) / 2, (16 - 2 * GlyphFont.width) / 2)
        return Tensor(shape: [16, 16]) { index in
            let (y, x) = ((index[0] - top), (index[1] - left))
            guard (0..<2 * GlyphFont.height).contains(y), (0..<2 * GlyphFont.width).contains(x) else { return 0 }
            return bitmap[y / 2][x / 2] ? 1 : 0
        }
    }

    /// An ASCII (`P2`) PGM of a 0/1 image with maximum value 1, readable by eye.
    static func pgm(_ image: Tensor<Double>) -> [UInt8] {
        let (height, width) = (image.shape[0], image.shape[1])
        var text = "P2\n# The letter A, 16x16, from the atrous glyph font.\n\(width) \(height)\n1\n"
        for y in 0..<height {
            text += (0..<width).map { String(Int(image[y, $0])) }.joined(separator: " ") + "\n"
        }
        return Array(text.utf8)
    }

    /// A 1x64 signal: two sines, a step up at t = 40 and a spike at t = 24, to four decimals.
    static func signal() -> Tensor<Double> {
        Tensor(shape: [1, 64]) { index in
            let t = Double(index[1])
            var value = 0.6 * sin(2 * Double.pi * t / 16) + 0.3 * sin(2 * Double.pi * t / 5)
            if t >= 40 { value += 0.5 }
            if t == 24 { value += 1.5 }
            return (value * 10_000).rounded() / 10_000
        }
    }

    // MARK: - Kernels

    static func kernels() -> [Asset] {
        let sobelX = Tensor<Double>(shape: [3, 3], scalars: [1, 0, -1, 2, 0, -2, 1, 0, -1])
        let sobelY = Tensor<Double>(shape: [3, 3], scalars: [1, 2, 1, 0, 0, 0, -1, -2, -1])
        let binomial: [Double] = [1, 4, 6, 4, 1]
        let gaussian = Tensor<Double>(shape: [5, 5]) { binomial[$0[0]] * binomial[$0[1]] / 256 }
        let edges = Tensor<Double>(shape: [3, 3, 1, 2]) { index in
            (index[3] == 0 ? sobelX : sobelY)[index[0], index[1]]
        }
        return [
            Asset(path: "kernels/sobel-x-3x3.npy", bytes: NumpyWriter.encode(sobelX), comparison: .bytes),
            Asset(path: "kernels/gaussian-5x5.npy", bytes: NumpyWriter.encode(gaussian), comparison: .bytes),
            Asset(path: "kernels/edges-3x3x1x2.npy", bytes: NumpyWriter.encode(edges), comparison: .bytes),
        ]
    }

    // MARK: - Sessions

    /// The sessions, each built by the explorer's own actions and written by the session writer.
    static func sessions() -> [Asset] {
        sessionStates().map { name, state in
            Asset(path: "sessions/\(name).atrous.json",
                  bytes: Array(ExplorerSession(state: state).text(inputFile: nil).utf8), comparison: .bytes)
        }
    }

    static func sessionStates() -> [(String, ExplorerState)] {
        let rate2 = LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 2), padding: .same)
        let signal = signal()
        return [
            ("seed", ExplorerState()),
            ("gridding-2-2-2", after([.setInputPattern(.checkerboard, size: Pair(square: 17)),
                                       .setLayers([rate2, rate2, rate2]),
                                       .selectOutputCell(row: 8, column: 8)])),
            ("aerial-sobel", after([.inputLoaded(.double(aerialTile()), path: "Assets/inputs/aerial-48x48.png"),
                                     .setKernelPreset(.sobelX), .setFill(.reflect),
                                     .selectOutputCell(row: 10, column: 18)])),
            ("signal-causal", after([.inputLoaded(.double(signal), path: "Assets/inputs/signal-1x64.npy"),
                                      .setKernelSize(Pair(1, 2)), .setRate(Pair(1, 4)), .setPadding(.causal),
                                      .selectOutputCell(row: 0, column: 28)])),
            ("wavenet", after([.loadStackPreset(.wavenet),
                               .inputLoaded(.double(signal), path: "Assets/inputs/signal-1x64.npy"), .last])),
        ]
    }

    private static func after(_ actions: [ExplorerAction]) -> ExplorerState {
        var state = ExplorerState()
        for action in actions { update(&state, action) }
        return state
    }
}
