import AtrousCore

/// Seeded mutations of a file's bytes, the way a hostile user or a damaged disk changes them:
/// flipped bits, extreme bytes, inserted and deleted runs, repeats, truncation, and tokens
/// that parsers find hard (huge numbers, escape sequences, bytes that are not UTF-8).
///
/// Every case draws from its own generator, seeded from the campaign's seed and the case's
/// number, so one failing case is recreated alone from the two numbers in its report.
struct Mutator {
    private(set) var generator: SplitMix64

    init(seed: UInt64, case number: Int) {
        var mixer = SplitMix64(seed: seed ^ UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
        generator = SplitMix64(seed: mixer.next())
    }

    mutating func integer(_ range: ClosedRange<Int>) -> Int { generator.integer(in: range) }

    mutating func chance(_ percent: Int) -> Bool { integer(0...99) < percent }

    mutating func element<T>(_ items: [T]) -> T { items[integer(0...(items.count - 1))] }

    /// Bytes that sit at the edges of what parsers expect.
    static let edgeBytes: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x20, 0x22, 0x23, 0x2C, 0x2D, 0x2E, 0x30, 0x39,
                                     0x3A, 0x5B, 0x5D, 0x7B, 0x7D, 0x7F, 0x80, 0x9B, 0xC0, 0xEF, 0xFE, 0xFF]

    /// Pieces of text every parser meets sooner or later.
    static let commonTokens: [String] = [
        "nan", "NaN", "inf", "-inf", "1e309", "-1e309", "4.9e-324", "-0", "0x1p3", "99999999999999999999",
        "18446744073709551616", "-9223372036854775809", "2147483648", "4294967296", "65535", "65536", "4096", "4097",
        "0", "-1", "\u{1B}[31m", "\u{1B}]0;title\u{07}", "\u{9B}2J", "\r\n", "\u{2028}", "\u{202E}", "\u{FEFF}", "\"",
        "'", "\\", "{", "}", "[", "]", "(", ")", ",", ":", "#", " ", "\t", "é", "✓",
    ]

    /// `bytes` changed one to four times; `tokens` add the format's own vocabulary.
    mutating func mutate(_ bytes: [UInt8], tokens: [String] = []) -> [UInt8] {
        var result = bytes
        let vocabulary = Self.commonTokens + tokens
        for _ in 0..<integer(1...4) {
            let at = result.isEmpty ? 0 : integer(0...(result.count - 1))
            switch integer(0...9) {
            case 0 where !result.isEmpty: result[at] ^= UInt8(1 << integer(0...7))
            case 1 where !result.isEmpty: result[at] = element(Self.edgeBytes)
            case 2: result.insert(contentsOf: (0..<integer(1...8)).map { _ in UInt8(integer(0...255)) }, at: at)
            case 3 where !result.isEmpty:
                result.removeSubrange(at..<min(result.count, at + integer(1...16)))
            case 4 where !result.isEmpty:
                let run = result[at..<min(result.count, at + integer(1...32))]
                result.insert(contentsOf: Array(run), at: integer(0...result.count))
            case 5: result = Array(result.prefix(integer(0...result.count)))
            case 6, 7: result.insert(contentsOf: Array(element(vocabulary).utf8), at: at)
            case 8: result = replacingNumber(in: result, at: at)
            default: result.insert(element(Self.edgeBytes), at: at)
            }
        }
        return result
    }

    /// The run of digits at or after `at` replaced by an extreme number, as a header's sizes.
    private mutating func replacingNumber(in bytes: [UInt8], at: Int) -> [UInt8] {
        let isDigit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        guard let start = bytes[at...].firstIndex(where: isDigit) ?? bytes.firstIndex(where: isDigit) else { return bytes }
        let end = bytes[start...].firstIndex { !isDigit($0) } ?? bytes.count
        let numbers = ["0", "1", "2", "3", "255", "256", "1023", "1024", "1025", "4096", "4097", "65535", "65536",
                       "2147483647", "4294967295", "9223372036854775807", "99999999999999999999"]
        var result = bytes
        result.replaceSubrange(start..<end, with: Array(element(numbers).utf8))
        return result
    }
}
