import AtrousCore
@testable import AtrousIO
import AtrousTestSupport
import Testing

@Suite struct PNGReaderTests {
    private func raw(_ png: CraftedPNG) throws -> Tensor<Double> {
        try PNGReader.decode(png.bytes, path: "c.png", scale: .raw)
    }

    /// One crafted file per colour type and depth, with the values each must read as.
    static let colorTypes: [(name: String, png: CraftedPNG, shape: [Int], values: [Double])] = [
        ("gray 8", CraftedPNG(width: 3, height: 1, bitDepth: 8, colorType: .gray,
                              rows: [[0, 100, 255]]), [1, 3, 1], [0, 100, 255]),
        ("gray 1", CraftedPNG(width: 3, height: 2, bitDepth: 1, colorType: .gray,
                              rows: CraftedPNG.pack([[1, 0, 1], [0, 1, 0]], bitDepth: 1)),
         [2, 3, 1], [255, 0, 255, 0, 255, 0]),
        ("gray 2", CraftedPNG(width: 4, height: 1, bitDepth: 2, colorType: .gray,
                              rows: CraftedPNG.pack([[0, 1, 2, 3]], bitDepth: 2)), [1, 4, 1], [0, 85, 170, 255]),
        ("gray 4", CraftedPNG(width: 2, height: 1, bitDepth: 4, colorType: .gray,
                              rows: CraftedPNG.pack([[3, 15]], bitDepth: 4)), [1, 2, 1], [51, 255]),
        ("gray 16", CraftedPNG(width: 2, height: 2, bitDepth: 16, colorType: .gray,
                               rows: CraftedPNG.pack([[0, 258], [40000, 65535]], bitDepth: 16)),
         [2, 2, 1], [0, 258, 40000, 65535]),
        ("gray alpha 8", CraftedPNG(width: 2, height: 1, bitDepth: 8, colorType: .grayAlpha,
                                    rows: [[10, 255, 200, 0]]), [1, 2, 2], [10, 255, 200, 0]),
        ("rgb 8", CraftedPNG(width: 2, height: 1, bitDepth: 8, colorType: .rgb,
                             rows: [[1, 2, 3, 250, 251, 252]]), [1, 2, 3], [1, 2, 3, 250, 251, 252]),
        ("rgb 16", CraftedPNG(width: 1, height: 2, bitDepth: 16, colorType: .rgb,
                              rows: CraftedPNG.pack([[1, 300, 65535], [65534, 0, 12345]], bitDepth: 16)),
         [2, 1, 3], [1, 300, 65535, 65534, 0, 12345]),
        ("rgba 8", CraftedPNG(width: 2, height: 1, bitDepth: 8, colorType: .rgba,
                              rows: [[9, 8, 7, 255, 60, 70, 80, 128]]), [1, 2, 4], [9, 8, 7, 255, 60, 70, 80, 128]),
        ("rgba 16 opaque", CraftedPNG(width: 1, height: 1, bitDepth: 16, colorType: .rgba,
                                      rows: CraftedPNG.pack([[1000, 2000, 65000, 65535]], bitDepth: 16)),
         [1, 1, 4], [1000, 2000, 65000, 65535]),
        ("palette", CraftedPNG(width: 3, height: 1, bitDepth: 8, colorType: .palette, rows: [[2, 0, 1]],
                               palette: [(10, 20, 30), (40, 50, 60), (255, 0, 128)]),
         [1, 3, 3], [255, 0, 128, 10, 20, 30, 40, 50, 60]),
        ("palette 4-bit with transparency",
         CraftedPNG(width: 2, height: 1, bitDepth: 4, colorType: .palette, rows: CraftedPNG.pack([[1, 0]], bitDepth: 4),
                    palette: [(10, 20, 30), (40, 50, 60)], transparency: [0]),
         [1, 2, 4], [40, 50, 60, 255, 10, 20, 30, 0]),
        ("gray colour key", CraftedPNG(width: 2, height: 1, bitDepth: 8, colorType: .gray, rows: [[7, 8]],
                                       transparency: [0, 7]), [1, 2, 2], [7, 0, 8, 255]),
    ]

    @Test(arguments: colorTypes)
    func everyColorTypeReadsItsStoredValues(name: String, png: CraftedPNG, shape: [Int], values: [Double]) throws {
        let image = try raw(png)
        #expect(image.shape == shape, "\(name)")
        #expect(image.scalars == values, "\(name)")
    }

    @Test func unitIntervalDividesByTheDepthsMaximum() throws {
        let eight = CraftedPNG(width: 2, height: 1, bitDepth: 8, colorType: .gray, rows: [[51, 255]])
        #expect(try PNGReader.decode(eight.bytes, path: "e.png").scalars == [0.2, 1])
        let sixteen = CraftedPNG(width: 1, height: 1, bitDepth: 16, colorType: .gray,
                                 rows: CraftedPNG.pack([[13107]], bitDepth: 16))
        #expect(try PNGReader.decode(sixteen.bytes, path: "s.png").scalars == [0.2])
    }

    /// 16-bit colour comes back premultiplied from libpng; the reader divides alpha out to
    /// within the rounding that premultiplication costs (half a step of 65535/alpha).
    @Test(arguments: [65535, 40000, 1000])
    func sixteenBitAlphaIsNotPremultiplied(alpha: Int) throws {
        let stored = [1000, 30000, 65535]
        let png = CraftedPNG(width: 1, height: 1, bitDepth: 16, colorType: .rgba,
                             rows: CraftedPNG.pack([stored + [alpha]], bitDepth: 16))
        let image = try raw(png)
        #expect(image.scalars[3] == Double(alpha))
        for (read, value) in zip(image.scalars.prefix(3), stored) {
            #expect(abs(read - Double(value)) <= 65535 / Double(alpha), "alpha \(alpha): \(read) vs \(value)")
        }
    }

    /// Gamma and colour-space chunks would make libpng re-encode samples; the reader keeps them as stored.
    @Test(arguments: [("gAMA", CraftedPNG.bigEndian(100000)), ("gAMA", CraftedPNG.bigEndian(50000)),
                      ("sRGB", [0]), ("cHRM", [UInt8](repeating: 1, count: 32))])
    func colorSpaceChunksDoNotChangeValues(type: String, data: [UInt8]) throws {
        let eight = CraftedPNG(width: 4, height: 1, bitDepth: 8, colorType: .gray, rows: [[0, 64, 128, 255]],
                               extraChunks: [(type, data)])
        #expect(try raw(eight).scalars == [0, 64, 128, 255], "\(type) 8-bit")
        let sixteen = CraftedPNG(width: 3, height: 1, bitDepth: 16, colorType: .rgb,
                                 rows: CraftedPNG.pack([[0, 16384, 32768, 65535, 3, 5000, 1, 2, 3]], bitDepth: 16),
                                 extraChunks: [(type, data)])
        #expect(try raw(sixteen).scalars == [0, 16384, 32768, 65535, 3, 5000, 1, 2, 3], "\(type) 16-bit")
    }

    static func damaged() -> [(String, [UInt8], String)] {
        let good = CraftedPNG(width: 4, height: 4, bitDepth: 8, colorType: .gray,
                              rows: Array(repeating: [1, 2, 3, 4], count: 4)).bytes
        var badCRC = good
        badCRC[29] ^= 0xFF // the last byte of IHDR's checksum
        var badSignature = good
        badSignature[1] = UInt8(ascii: "J")
        return [
            ("signature", badSignature, "Not a PNG file"),
            ("header checksum", badCRC, "CRC error"),
            ("cut inside the image data", Array(good.prefix(good.count - 25)), ""),
            ("cut inside the header", Array(good.prefix(20)), ""),
            ("not an image at all", Array("P2 1 1 1\n0".utf8), "Not a PNG file"),
        ]
    }

    @Test(arguments: damaged())
    func damagedFilesGiveLibpngsReason(name: String, bytes: [UInt8], reason: String) {
        do {
            _ = try PNGReader.decode(bytes, path: "bad.png")
            Issue.record("\(name) decoded")
        } catch let ImageError.invalidPNG(path, message) {
            #expect(path == "bad.png")
            #expect(!message.isEmpty)
            #expect(reason.isEmpty || message.contains(reason), "\(name): \(message)")
        } catch {
            Issue.record("\(name): unexpected \(error)")
        }
    }

    @Test func oversizedImagesAreRefusedBeforeDecoding() {
        let huge = CraftedPNG(width: 5000, height: 2, bitDepth: 8, colorType: .gray, rows: [[0]])
        #expect(throws: ImageError.imageTooLarge(path: "h.png", width: 5000, height: 2, limit: 4096)) {
            try PNGReader.decode(huge.bytes, path: "h.png")
        }
        let bloated = [UInt8](repeating: 0, count: ImageLimits.maxFileBytes + 1)
        #expect(throws: ImageError.fileTooLarge(path: "b.png", bytes: bloated.count, limit: ImageLimits.maxFileBytes)) {
            try PNGReader.decode(bloated, path: "b.png")
        }
    }
}

@Suite struct PNGWriterTests {
    /// A seeded image whose values sit exactly on the grid of `levels` steps.
    static func image(height: Int, width: Int, channels: Int, levels: Int, seed: UInt64) -> Tensor<Double> {
        var random = SplitMix64(seed: seed)
        return Tensor(shape: [height, width, channels]) { _ in Double(Int.random(in: 0...levels, using: &random)) / Double(levels) }
    }

    @Test(arguments: [1, 2, 3, 4])
    func eightBitRoundTripIsExact(channels: Int) throws {
        let image = Self.image(height: 5, width: 7, channels: channels, levels: 255, seed: UInt64(channels))
        let back = try PNGReader.decode(try PNGWriter.encode(image), path: "r.png")
        #expect(back.shape == image.shape)
        #expect(back.maxAbsoluteDifference(to: image) < 1e-12)
    }

    @Test(arguments: [1, 3])
    func sixteenBitRoundTripIsExactWithoutAlpha(channels: Int) throws {
        let image = Self.image(height: 4, width: 6, channels: channels, levels: 65535, seed: 9)
        let back = try PNGReader.decode(try PNGWriter.encode(image, bitDepth: .sixteen), path: "r.png")
        #expect(back.maxAbsoluteDifference(to: image) < 1e-12)
    }

    @Test(arguments: [2, 4])
    func sixteenBitRoundTripWithAlphaKeepsOpaqueColourExactly(channels: Int) throws {
        var image = Self.image(height: 3, width: 3, channels: channels, levels: 65535, seed: 4)
        for pixel in 0..<9 { image.scalars[pixel * channels + channels - 1] = 1 }
        let back = try PNGReader.decode(try PNGWriter.encode(image, bitDepth: .sixteen), path: "r.png")
        #expect(back.maxAbsoluteDifference(to: image) < 1e-12)
    }

    @Test func aRankTwoImageIsOneGrayChannel() throws {
        let image = Tensor<Double>(shape: [2, 2], scalars: [0, 1, 0.2, 0.6])
        let back = try PNGReader.decode(try PNGWriter.encode(image), path: "g.png")
        #expect(back.shape == [2, 2, 1])
        #expect(back.scalars == image.scalars)
    }

    @Test func refusesWhatAPNGCannotHold() {
        #expect(throws: ImageError.pngShape(shape: [2, 2, 5])) {
            try PNGWriter.encode(Tensor(shape: [2, 2, 5], repeating: 0))
        }
        #expect(throws: ImageError.pngShape(shape: [4])) { try PNGWriter.encode(Tensor(shape: [4], repeating: 0)) }
        #expect(throws: ImageError.pngValueOutOfRange(value: 1.5, index: [1, 0, 0])) {
            try PNGWriter.encode(Tensor(shape: [2, 1, 1], scalars: [0, 1.5]))
        }
        #expect(throws: ImageError.self) { try PNGWriter.encode(Tensor(shape: [1, 1], scalars: [.nan])) }
    }
}

@Suite("PNG files that claim more pixels than they hold")
struct PNGDataBoundTests {
    @Test("a header declaring 4096x4096 RGBA over a few bytes of data is refused before the pixels' memory")
    func tooShort() throws {
        let png = CraftedPNG(width: 4096, height: 4096, bitDepth: 16, colorType: .rgba, rows: [[UInt8](repeating: 0, count: 64)])
        let bytes = png.bytes
        #expect(throws: ImageError.pngDataTooShort(path: "bomb.png", width: 4096, height: 4096,
                                                    bytes: PNGChunks.imageDataLength(bytes))) {
            try PNGReader.decode(bytes, path: "bomb.png")
        }
        #expect(ImageError.pngDataTooShort(path: "bomb.png", width: 4096, height: 4096, bytes: 80).description
            == "The PNG file bomb.png declares 4096x4096 pixels, more than its 80 bytes of compressed image data can hold.")
    }

    @Test("an image that compresses as well as deflate can still reads")
    func wellCompressed() throws {
        let zeros = Tensor<Double>(shape: [512, 512, 4], repeating: 0)
        let bytes = try PNGWriter.encode(zeros)
        #expect(bytes.count < 4096, "compressed more than 256:1")
        #expect(try PNGReader.decode(bytes, path: "zeros.png") == zeros)
        #expect(PNGChunks.leastImageData(bytes) == (512 * (1 + 512 * 4)) / PNGChunks.maxExpansion)
    }
}
