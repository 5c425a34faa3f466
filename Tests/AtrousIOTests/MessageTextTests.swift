@testable import AtrousIO
import AtrousTestSupport
import Testing

@Suite("Text from outside is escaped in every message")
struct MessageTextTests {
    @Test("controls, separators and bidi overrides become escapes; other text stays", arguments: [
        ("plain ünïcode ✓", "plain ünïcode ✓"),
        ("a\u{1B}[31mred", "a\\x1B[31mred"),
        ("two\nlines\r", "two\\x0Alines\\x0D"),
        ("tab\tdel\u{7F}", "tab\\x09del\\x7F"),
        ("c1\u{9B}31m", "c1\\x9B31m"),
        ("line\u{2028}sep", "line\\u{2028}sep"),
        ("bidi\u{202E}txt", "bidi\\u{202E}txt"),
    ])
    func escapesString(text: String, expected: String) {
        #expect(MessageText.escaped(text) == expected)
    }

    @Test("bytes that are not UTF-8 show as \\xNN, valid sequences as their characters", arguments: [
        ([0x61, 0xFF, 0x62] as [UInt8], "a\\xFFb"),
        ([0xC3, 0xA9, 0xC3], "é\\xC3"),
        ([0xE2, 0x82, 0x41], "\\xE2\\x82A"),
        ([0xED, 0xA0, 0x80], "\\xED\\xA0\\x80"), // a UTF-16 surrogate, not a character
        ([0x1B, 0x5B, 0x32, 0x4A], "\\x1B[2J"),
    ])
    func escapesBytes(bytes: [UInt8], expected: String) {
        #expect(MessageText.escaped(bytes: bytes) == expected)
    }

    @Test("file names are escaped, and quoted when they hold a space")
    func fileNames() {
        #expect(MessageText.fileName("a b\n.npy") == "'a b\\x0A.npy'")
        #expect(MessageText.fileName("") == "''")
        #expect(MessageText.fileName("x.npy") == "x.npy")
    }

    @Test("a CSV field that would colour the terminal is one line of plain text in the error")
    func csvField() throws {
        let bytes = Array("1,2\n3,\u{1B}[31mx\n".utf8)
        let error = try #require(throws: IOError.self) { try CSVTable.decode(bytes, path: "m\n.csv") }
        #expect(error.description == "Line 2 of m\\x0A.csv holds \\x1B[31mx, which is not a number.")
    }

    @Test("a CSV holding bytes that are not UTF-8 shows them as \\xNN with their line")
    func csvNotText() throws {
        let bytes = Array("1,2\n3,".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
        let error = try #require(throws: IOError.self) { try CSVTable.decode(bytes, path: "m.csv") }
        #expect(error == .csvNotText(path: "m.csv", line: 2, bytes: [0xFF]))
        #expect(error.description == "Line 2 of m.csv holds \\xFF, which is not UTF-8 text.")
    }

    @Test("a .npy dtype holding escape sequences is echoed escaped")
    func numpyDescr() throws {
        let bytes = CraftedNumpy.bytes(header: "{'descr': '\u{1B}[2J', 'fortran_order': False, 'shape': (1,), }")
        let error = try #require(throws: IOError.self) { try NumpyReader.decode(bytes, path: "d.npy") }
        #expect(error.description == "The file d.npy holds dtype '\\x1B[2J', but only floats, integers and booleans can be read.")
    }

    @Test("a CSV or JSON file that starts with a UTF-8 byte-order mark reads as without it")
    func byteOrderMark() throws {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try CSVTable.decode(mark + Array("1,2\n3,4\n".utf8), path: "m.csv").scalars == [1, 2, 3, 4])
        #expect(try JSONParser.parse(mark + Array("{\"a\": [1, 2]}".utf8)) == JSONParser.parse(Array("{\"a\": [1, 2]}".utf8)))
        let error = try #require(throws: JSONSyntaxError.self) { try JSONParser.parse(mark + Array("{\"a\" 1}".utf8)) }
        #expect((error.line, error.column) == (1, 6), "columns count from after the mark")
    }
}
