import AtrousCore
import AtrousExplorer
import AtrousIO
import AtrousTestSupport

/// Valid files of every family, the starting points of the mutations.
enum FuzzSeeds {
    static let numpy: [[UInt8]] = [
        NumpyWriter.encode(Tensor<Float>(shape: [4, 5]) { Float($0[0] * 5 + $0[1]) }),
        NumpyWriter.encode(Tensor<Double>(shape: [1, 3, 3, 2]) { Double($0[1] - $0[2]) / 3 }),
        NumpyWriter.encode(Tensor<Float>(shape: [3, 3, 1, 1], repeating: 0.5)),
        NumpyWriter.encode(Tensor<Double>(shape: [2], scalars: [.nan, .infinity])),
        header("<i2", "(2, 2)", data: [1, 0, 255, 255, 0, 128, 7, 0]),
        header(">u4", "(1, 2)", data: [0, 0, 0, 1, 255, 255, 255, 255]),
        header("|b1", "(3,)", data: [0, 1, 2]),
        header("<f2", "(2, 1)", fortran: true, data: [0, 60, 0, 124]),
        header("<i8", "()", data: [1, 2, 3, 4, 5, 6, 7, 8]),
    ]

    static let numpyTokens = ["'descr'", "'<f4'", "'>f8'", "'|u1'", "'<c8'", "'shape'", "(4294967296, 4294967296)",
                              "(0,)", "(-1,)", "True", "False", "'fortran_order'", "\u{93}NUMPY"]

    /// A `.npy` file of format 1.0 with a hand-written header.
    static func header(_ descr: String, _ shape: String, fortran: Bool = false, data: [UInt8]) -> [UInt8] {
        var text = Array("{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }".utf8)
        while (10 + text.count + 1) % 64 != 0 { text.append(0x20) }
        text.append(0x0A)
        return [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text + data
    }

    static let csv: [[UInt8]] = [
        "1,2,3\n4,5,6\n", "# comment\n0.5, -1e3 ,7\n\n8,9,10 # trailing\n", "1\n", "1.5,2.5\r\n3.5,4.5\r\n",
        "\u{FEFF}1,2\n3,4\n", "-0,inf\nnan,1e-310\n",
    ].map { Array($0.utf8) }

    static let pgm: [[UInt8]] = [
        Array("P2\n# made by hand\n3 2\n255\n0 128 255\n1 2 3\n".utf8),
        Array("P2 2 2 65535 0 65535 1000 7".utf8),
        Array("P5\n3 2\n255\n".utf8) + [0, 1, 2, 253, 254, 255],
        Array("P5 2 1 65535\n".utf8) + [0xFF, 0xFF, 0x00, 0x01],
    ]

    static let png: [[UInt8]] = {
        var images: [[UInt8]] = []
        for channels in 1...4 {
            let image = Tensor<Double>(shape: [3, 4, channels]) { Double(($0[0] * 4 + $0[1] + $0[2]) % 5) / 4 }
            for depth in [PNGWriter.BitDepth.eight, .sixteen] {
                if let bytes = try? PNGWriter.encode(image, bitDepth: depth) { images.append(bytes) }
            }
        }
        return images
    }()

    /// `bytes` with the IHDR chunk's width and height set to extreme values, as a decompression bomb states them.
    static func withDimensions(_ bytes: [UInt8], _ mutator: inout Mutator) -> [UInt8] {
        guard bytes.count >= 24 else { return bytes }
        let sides: [UInt32] = [0, 1, 2, 4095, 4096, 4097, 8192, 65535, 1 << 20, 0x7FFF_FFFF, 0xFFFF_FFFF]
        var result = bytes
        for (offset, side) in [(16, mutator.element(sides)), (20, mutator.element(sides))] {
            for k in 0..<4 { result[offset + k] = UInt8(side >> (24 - 8 * UInt32(k)) & 0xFF) }
        }
        return result
    }

    /// `bytes` with every whole chunk's CRC recomputed, so a mutation inside a chunk reaches
    /// the decoder instead of stopping at the checksum.
    static func withMendedChecksums(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        var at = 8
        while at + 12 <= result.count {
            let length = result[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
            let end = at + 12 + length
            guard length >= 0, end <= result.count else { break }
            let crc = PNGChecksum.crc32(result[(at + 4)..<(at + 8 + length)])
            for k in 0..<4 { result[at + 8 + length + k] = UInt8(crc >> (24 - 8 * UInt32(k)) & 0xFF) }
            at = end
        }
        return result
    }

    static let sessions: [[UInt8]] = {
        var states = [ExplorerState()]
        var state = ExplorerState()
        for key in "rrzjjlkwi" { _ = action(for: .character(key), in: state).map { update(&state, $0) } }
        states.append(state)
        return states.map { Array(ExplorerSession(state: $0).text(inputFile: nil).utf8) }
    }()

    static let sessionTokens = ["\"format\"", "\"atrous-session\"", "\"version\"", "\"values_file\"", "\"/dev/zero\"",
                                "\"x.npy\"", "\"input\"", "\"kernel\"", "\"layer\"", "\"shape\"", "\"preset\"", "true",
                                "null", "[", "[[[[[[[[", "{\"a\":", "\"\\u0000\"", "\"\\ud800\"", "1e400"]
}
