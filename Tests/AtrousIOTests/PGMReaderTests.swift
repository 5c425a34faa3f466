import AtrousCore
@testable import AtrousIO
import Testing

@Suite struct PGMReaderTests {
    private func decode(_ text: String, scale: ImageScale = .unitInterval) throws -> Tensor<Double> {
        try PGMReader.decode(Array(text.utf8), path: "in.pgm", scale: scale)
    }

    @Test func asciiWithCommentsEverywhere() throws {
        let text = """
            P2
            # made by hand
            3 # width
            2
            9 # maxval
            0 1 2
            # second row
            3 4 9
            """
        let raw = try decode(text, scale: .raw)
        #expect(raw.shape == [2, 3, 1])
        #expect(raw.scalars == [0, 1, 2, 3, 4, 9])
        let unit = try decode(text)
        #expect(unit.scalars == [0, 1, 2, 3, 4, 9].map { Double($0) / 9 })
    }

    @Test func binaryEightBit() throws {
        let bytes = Array("P5 2 2 255\n".utf8) + [0, 128, 255, 7]
        let image = try PGMReader.decode(bytes, path: "b.pgm", scale: .raw)
        #expect(image.shape == [2, 2, 1])
        #expect(image.scalars == [0, 128, 255, 7])
    }

    @Test func binarySixteenBitIsBigEndian() throws {
        let bytes = Array("P5\n# deep\n2 1\n65535\n".utf8) + [0x01, 0x02, 0xFF, 0xFF]
        let raw = try PGMReader.decode(bytes, path: "d.pgm", scale: .raw)
        #expect(raw.scalars == [258, 65535])
        let unit = try PGMReader.decode(bytes, path: "d.pgm")
        #expect(unit.scalars == [258.0 / 65535, 1])
    }

    @Test func binaryRasterMayStartWithAByteThatLooksLikeSpace() throws {
        // The single white-space byte after maxval ends the header; the next byte is data even if it is 10 ("\n").
        let bytes = Array("P5 2 1 255\n".utf8) + [10, 32]
        #expect(try PGMReader.decode(bytes, path: "s.pgm", scale: .raw).scalars == [10, 32])
    }

    static let malformed: [(String, [UInt8], ImageError)] = [
        ("ppm", Array("P6 1 1 255\n".utf8) + [0, 0, 0], .notPGM(path: "x.pgm", magic: "P6")),
        ("empty", [], .notPGM(path: "x.pgm", magic: "")),
        ("header ends before height", Array("P2 3".utf8), .truncatedPGMHeader(path: "x.pgm", expecting: "height")),
        ("header ends in comment", Array("P2 3 2 # no maxval".utf8),
         .truncatedPGMHeader(path: "x.pgm", expecting: "maximum value")),
        ("word for width", Array("P2 three 2 9\n".utf8),
         .malformedPGMHeader(path: "x.pgm", detail: "expected the width, found three")),
        ("digits run into letters", Array("P2 3 2 9x\n".utf8),
         .malformedPGMHeader(path: "x.pgm", detail: "expected the maximum value, found 9x")),
        ("no pixels", Array("P2 0 2 9\n".utf8),
         .malformedPGMHeader(path: "x.pgm", detail: "the size 0x2 has no pixels")),
        ("maxval zero", Array("P2 1 1 0\n0".utf8), .pgmMaxvalOutOfRange(path: "x.pgm", maxval: 0)),
        ("maxval above 16 bits", Array("P5 1 1 65536\n".utf8), .pgmMaxvalOutOfRange(path: "x.pgm", maxval: 65536)),
        ("too wide", Array("P5 5000 1 255\n".utf8), .imageTooLarge(path: "x.pgm", width: 5000, height: 1, limit: 4096)),
        ("binary without raster", Array("P5 2 2 255".utf8), .truncatedPGMData(path: "x.pgm", needed: 4, found: 0)),
        ("binary truncated", Array("P5 2 2 255\n".utf8) + [1, 2, 3],
         .truncatedPGMData(path: "x.pgm", needed: 4, found: 3)),
        ("binary 16-bit truncated", Array("P5 2 1 1000\n".utf8) + [0, 1, 2],
         .truncatedPGMData(path: "x.pgm", needed: 4, found: 3)),
        ("binary too long", Array("P5 1 1 255\n".utf8) + [1, 2], .trailingPGMData(path: "x.pgm")),
        ("binary above maxval", Array("P5 2 1 100\n".utf8) + [5, 101],
         .pgmSampleAboveMaxval(path: "x.pgm", value: 101, maxval: 100, row: 0, column: 1)),
        ("ascii missing values", Array("P2 2 2 9\n1 2 3".utf8),
         .missingPGMSamples(path: "x.pgm", found: 3, expected: 4)),
        ("ascii bad value", Array("P2 2 2 9\n1 2\n3 -4".utf8),
         .badPGMSample(path: "x.pgm", token: "-4", row: 1, column: 1)),
        ("ascii above maxval", Array("P2 2 1 9\n1 10".utf8),
         .pgmSampleAboveMaxval(path: "x.pgm", value: 10, maxval: 9, row: 0, column: 1)),
        ("ascii extra values", Array("P2 2 1 9\n1 2 3\n".utf8), .trailingPGMData(path: "x.pgm")),
    ]

    @Test(arguments: malformed)
    func malformedFilesGiveTheirError(name: String, bytes: [UInt8], expected: ImageError) {
        #expect(throws: expected, "\(name)") { try PGMReader.decode(bytes, path: "x.pgm") }
        #expect(expected.description.contains("x.pgm"))
        #expect(expected.description.hasSuffix("."))
    }

    @Test func messagesReadAsSentences() {
        #expect(ImageError.truncatedPGMData(path: "a b.pgm", needed: 4, found: 3).description
            == "The PGM file 'a b.pgm' needs 4 bytes of pixel data after its header, but holds only 3.")
        #expect(ImageError.notPGM(path: "x.pgm", magic: "P6").description
            == "The file x.pgm is not a grayscale PGM image: it starts with P6 instead of P2 (ASCII) or P5 (binary).")
    }
}
