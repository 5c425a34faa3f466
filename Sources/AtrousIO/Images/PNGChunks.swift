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
}
