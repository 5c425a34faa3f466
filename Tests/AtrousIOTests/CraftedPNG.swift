import AtrousTestSupport
/// PNG files built byte by byte, independently of libpng, so the reader is checked against
/// the format itself: any colour type and bit depth, palettes, transparency, and damage.
struct CraftedPNG {
    enum ColorType: UInt8 {
        case gray = 0, rgb = 2, palette = 3, grayAlpha = 4, rgba = 6
    }

    var width: Int
    var height: Int
    var bitDepth: UInt8
    var colorType: ColorType
    /// One array of already packed bytes per row, without the filter byte.
    var rows: [[UInt8]]
    var palette: [(UInt8, UInt8, UInt8)] = []
    var transparency: [UInt8]? = nil
    /// Ancillary chunks placed right after the header, such as `gAMA` or `sRGB`.
    var extraChunks: [(type: String, data: [UInt8])] = []

    /// Rows of samples packed at `bitDepth`: sub-byte samples most significant first,
    /// 16-bit samples big-endian.
    static func pack(_ samples: [[Int]], bitDepth: UInt8) -> [[UInt8]] {
        samples.map { row in
            switch bitDepth {
            case 16: return row.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            case 8: return row.map { UInt8($0) }
            default:
                let perByte = 8 / Int(bitDepth)
                return stride(from: 0, to: row.count, by: perByte).map { start in
                    var byte = 0
                    for i in 0..<perByte {
                        let sample = start + i < row.count ? row[start + i] : 0
                        byte |= sample << (8 - Int(bitDepth) * (i + 1))
                    }
                    return UInt8(byte)
                }
            }
        }
    }

    var bytes: [UInt8] {
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file += Self.chunk("IHDR", Self.bigEndian(width) + Self.bigEndian(height)
                           + [bitDepth, colorType.rawValue, 0, 0, 0])
        for extra in extraChunks { file += Self.chunk(extra.type, extra.data) }
        if !palette.isEmpty { file += Self.chunk("PLTE", palette.flatMap { [$0.0, $0.1, $0.2] }) }
        if let transparency { file += Self.chunk("tRNS", transparency) }
        file += Self.chunk("IDAT", Self.zlibStored(rows.flatMap { [0] + $0 }))
        file += Self.chunk("IEND", [])
        return file
    }

    static func bigEndian(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian(data.count) + typed + bigEndian(Int(PNGChecksum.crc32(typed)))
    }

    /// A zlib stream of uncompressed ("stored") deflate blocks.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + 65535, data.count)
            let length = end - start
            out += [end == data.count ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8),
                    UInt8(~length & 0xFF), UInt8(~length >> 8 & 0xFF)]
            out += data[start..<end]
            start = end
        } while start < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        return out + bigEndian(Int(b << 16 | a))
    }
}
