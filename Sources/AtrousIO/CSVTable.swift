import AtrousCore

/// Reads a 2-D numeric table from CSV text as an `(H,W)` tensor of `Double`.
///
/// Values are separated by commas, one row per line. Anything from a `#` to the end of its
/// line is a comment; blank lines are skipped, so the blocks ``CSVMaps`` writes for a rank-2
/// tensor read back. Every row must hold as many values as the first.
public enum CSVTable {
    /// The table held in `bytes`.
    /// - Parameter path: the file name, for messages only.
    /// - Throws: ``IOError`` for bytes that are not UTF-8 text, a field that is not a number
    ///   (each with its line number), a row of a
    ///   different length than the first, or a file with no numbers at all.
    public static func decode(_ bytes: [UInt8], path: String) throws(IOError) -> Tensor<Double> {
        var scalars: [Double] = []
        var width: Int?
        var height = 0
        // Spreadsheets start their UTF-8 exports with a byte-order mark, which is no part of the table.
        let text = bytes.starts(with: ByteOrderMark.utf8) ? bytes.dropFirst(ByteOrderMark.utf8.count) : bytes[...]
        if let (offset, length) = MessageText.firstInvalidUTF8(in: text) {
            let start = text.startIndex + offset
            let line = text[..<start].count(where: { $0 == 0x0A }) + 1
            throw .csvNotText(path: path, line: line, bytes: Array(text[start..<(start + length)]))
        }
        for (number, line) in String(decoding: text, as: UTF8.self).split(
            omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = line.prefix { $0 != "#" }
            guard content.contains(where: { !$0.isWhitespace }) else { continue }
            var row: [Double] = []
            for field in content.split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = field.trimmingCharacters(in: \.isWhitespace)
                guard let value = Double(trimmed) else {
                    throw .csvBadNumber(path: path, line: number + 1, field: String(trimmed))
                }
                row.append(value)
            }
            if let width, row.count != width {
                throw .csvRaggedRow(path: path, line: number + 1, count: row.count, expected: width)
            }
            width = row.count
            scalars += row
            height += 1
        }
        guard let width else { throw .csvEmpty(path: path) }
        return Tensor(shape: [height, width], scalars: scalars)
    }
}

/// The bytes some writers put before UTF-8 text to mark it as such.
enum ByteOrderMark {
    static let utf8: [UInt8] = [0xEF, 0xBB, 0xBF]
}

extension Substring {
    /// The text without leading and trailing characters that match `isTrimmed`.
    func trimmingCharacters(in isTrimmed: (Character) -> Bool) -> Substring {
        guard let first = firstIndex(where: { !isTrimmed($0) }),
              let last = lastIndex(where: { !isTrimmed($0) }) else { return "" }
        return self[first...last]
    }
}
