import AtrousCore

/// Reads grayscale PGM images (Netpbm): `P2` (ASCII) and `P5` (binary), maxval 1 to 65535.
///
/// The header is the magic, width, height and maxval separated by white space, with `#`
/// comments running to the end of a line. A `P5` raster follows a single white-space byte and
/// holds one byte per value (maxval below 256) or two, most significant first. A `P2` raster is
/// decimal numbers separated by white space; comments are accepted there too, as most writers
/// of hand-made files expect.
public enum PGMReader {
    /// Decodes a PGM file into an (H,W,1) tensor.
    ///
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - path: the file's name, for messages.
    ///   - scale: ``ImageScale/unitInterval`` divides every value by the file's maxval.
    /// - Throws: ``ImageError`` naming the file for a wrong magic, a malformed or truncated
    ///   header, missing, extra or out-of-range values, or a size above ``ImageLimits``.
    public static func decode(_ bytes: [UInt8], path: String,
                              scale: ImageScale = .unitInterval) throws(ImageError) -> Tensor<Double> {
        try ImageLimits.checkFileSize(bytes.count, path: path)
        var scanner = PGMScanner(bytes: bytes, path: path)
        let binary = try scanner.magic()
        let width = try scanner.headerNumber(named: "width")
        let height = try scanner.headerNumber(named: "height")
        let maxval = try scanner.headerNumber(named: "maximum value")
        guard width >= 1, height >= 1 else {
            throw ImageError.malformedPGMHeader(path: path, detail: "the size \(width)x\(height) has no pixels")
        }
        try ImageLimits.checkDimensions(width: width, height: height, path: path)
        guard (1...65535).contains(maxval) else { throw ImageError.pgmMaxvalOutOfRange(path: path, maxval: maxval) }
        let samples = binary
            ? try scanner.binaryRaster(count: width * height, maxval: maxval, width: width)
            : try scanner.asciiRaster(count: width * height, maxval: maxval, width: width)
        return scale.tensor(samples, height: height, width: width, channels: 1, maxValue: maxval)
    }
}

/// A cursor over the bytes of a PGM file.
private struct PGMScanner {
    let bytes: [UInt8]
    let path: String
    var cursor = 0

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// Reads `P2` or `P5`; returns whether the raster is binary.
    mutating func magic() throws(ImageError) -> Bool {
        let head = bytes.prefix(2)
        switch (head.first, head.dropFirst().first) {
        case (UInt8(ascii: "P"), UInt8(ascii: "2")): cursor = 2; return false
        case (UInt8(ascii: "P"), UInt8(ascii: "5")): cursor = 2; return true
        default:
            let shown = String(decoding: head, as: UTF8.self).unicodeScalars
                .map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? String($0) : "?" }.joined()
            throw ImageError.notPGM(path: path, magic: shown)
        }
    }

    private mutating func skipSpaceAndComments() {
        while cursor < bytes.count {
            if Self.isSpace(bytes[cursor]) {
                cursor += 1
            } else if bytes[cursor] == UInt8(ascii: "#") {
                while cursor < bytes.count, bytes[cursor] != 0x0A, bytes[cursor] != 0x0D { cursor += 1 }
            } else {
                return
            }
        }
    }

    /// The white-space-delimited word at the cursor, shown in messages.
    private func word(at start: Int) -> String {
        var end = start
        while end < bytes.count, !Self.isSpace(bytes[end]), end - start < 20 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Reads a decimal number of at most 9 digits ending at white space, `#` or the end; nil
    /// when the cursor is not on a digit or the number does not end cleanly.
    private mutating func number() -> Int? {
        let start = cursor
        var value = 0
        while cursor < bytes.count, Self.isDigit(bytes[cursor]), cursor - start < 9 {
            value = value * 10 + Int(bytes[cursor] - 0x30)
            cursor += 1
        }
        let ended = cursor == bytes.count || Self.isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "#")
        guard cursor > start, ended else { cursor = start; return nil }
        return value
    }

    mutating func headerNumber(named name: String) throws(ImageError) -> Int {
        skipSpaceAndComments()
        guard cursor < bytes.count else { throw ImageError.truncatedPGMHeader(path: path, expecting: name) }
        guard let value = number() else {
            throw ImageError.malformedPGMHeader(path: path,
                                                detail: "expected the \(name), found \(quoted(word(at: cursor)))")
        }
        return value
    }

    /// The `P5` raster: one white-space byte after the maxval, then exactly `count` samples.
    mutating func binaryRaster(count: Int, maxval: Int, width: Int) throws(ImageError) -> [UInt16] {
        guard cursor < bytes.count else { throw ImageError.truncatedPGMData(path: path, needed: count, found: 0) }
        guard Self.isSpace(bytes[cursor]) else {
            throw ImageError.malformedPGMHeader(path: path,
                                                detail: "the maximum value must be followed by one white-space byte")
        }
        cursor += 1
        let bytesPerSample = maxval < 256 ? 1 : 2
        let needed = count * bytesPerSample
        let found = bytes.count - cursor
        guard found >= needed else { throw ImageError.truncatedPGMData(path: path, needed: needed, found: found) }
        guard found == needed else { throw ImageError.trailingPGMData(path: path) }
        var samples = [UInt16](repeating: 0, count: count)
        for i in 0..<count {
            let at = cursor + i * bytesPerSample
            let value = bytesPerSample == 1 ? UInt16(bytes[at]) : UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
            guard Int(value) <= maxval else {
                throw ImageError.pgmSampleAboveMaxval(path: path, value: Int(value), maxval: maxval,
                                                      row: i / width, column: i % width)
            }
            samples[i] = value
        }
        return samples
    }

    /// The `P2` raster: exactly `count` decimal numbers, then nothing but white space or comments.
    mutating func asciiRaster(count: Int, maxval: Int, width: Int) throws(ImageError) -> [UInt16] {
        var samples: [UInt16] = []
        samples.reserveCapacity(count)
        while samples.count < count {
            skipSpaceAndComments()
            guard cursor < bytes.count else {
                throw ImageError.missingPGMSamples(path: path, found: samples.count, expected: count)
            }
            let (row, column) = (samples.count / width, samples.count % width)
            guard let value = number() else {
                throw ImageError.badPGMSample(path: path, token: word(at: cursor), row: row, column: column)
            }
            guard value <= maxval else {
                throw ImageError.pgmSampleAboveMaxval(path: path, value: value, maxval: maxval,
                                                      row: row, column: column)
            }
            samples.append(UInt16(value))
        }
        skipSpaceAndComments()
        guard cursor == bytes.count else { throw ImageError.trailingPGMData(path: path) }
        return samples
    }
}
