/// The chunk framing of a PNG file, walked without decoding anything.
enum PNGChunks {
    /// The chunks that would make libpng's simplified API convert samples between gamma
    /// encodings: gamma, sRGB intent, ICC profile and chromaticities.
    static let colorSpaceTypes: Set<[UInt8]> = Set(["gAMA", "sRGB", "iCCP", "cHRM"].map { Array($0.utf8) })

    /// The file without its colour-space chunks, so libpng hands back the stored samples: it
    /// then takes 8-bit data as sRGB and 16-bit data as linear, which are its output encodings.
    ///
    /// The walk stops at the first chunk whose length runs past the end and keeps the rest as
    /// it is, so a damaged file reaches libpng damaged and libpng names the damage.
    /// - Complexity: O(n) in the file's size.
    static func withoutColorSpace(_ bytes: [UInt8]) -> [UInt8] {
        let signatureLength = 8, frame = 12 // length, type and checksum around each chunk's data
        guard bytes.count > signatureLength else { return bytes }
        var kept = Array(bytes.prefix(signatureLength))
        kept.reserveCapacity(bytes.count)
        var at = signatureLength
        while at + frame <= bytes.count {
            let length = bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
            let end = at + frame + length
            guard end <= bytes.count else { break }
            if !colorSpaceTypes.contains(Array(bytes[(at + 4)..<(at + 8)])) { kept += bytes[at..<end] }
            at = end
        }
        kept += bytes[at...]
        return kept
    }

    /// The most that deflate can expand: a 258-byte match coded in two bits at best.
    static let maxExpansion = 1032

    /// The fewest bytes of compressed image data (all `IDAT` chunks) that can hold the image
    /// the header declares, or nil when the file is too damaged to tell (libpng then says why).
    ///
    /// A file with less cannot be whole, whatever it claims, so it is refused before any
    /// memory is set aside for its pixels.
    static func leastImageData(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 29 else { return nil }
        let field = { (at: Int) in bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let (width, height, bitDepth) = (field(16), field(20), Int(bytes[24]))
        let channels = [0: 1, 2: 3, 3: 1, 4: 2, 6: 4][Int(bytes[25])] ?? 1
        // Each row: a filter byte and its packed samples; interlacing only adds rows.
        let rowBytes = (width * channels * bitDepth + 7) / 8 + 1
        let (raw, overflow) = rowBytes.multipliedReportingOverflow(by: height)
        return overflow ? nil : raw / maxExpansion
    }

    /// The bytes of compressed image data: the sum of the `IDAT` chunks' lengths.
    static func imageDataLength(_ bytes: [UInt8]) -> Int {
        var total = 0
        var at = 8
        while at + 12 <= bytes.count {
            let length = bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
            if bytes[(at + 4)..<(at + 8)].elementsEqual("IDAT".utf8) { total += length }
            at += 12 + length
        }
        return total
    }
}
