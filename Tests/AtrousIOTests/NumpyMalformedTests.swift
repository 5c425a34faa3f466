@testable import AtrousIO
import AtrousTestSupport
import Testing

@Suite("Malformed .npy files give one clear sentence")
struct NumpyMalformedTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let expected: IOError
        var testDescription: String { name }
    }

    static let floats = CraftedNumpy.data([Float(1), 2, 3])

    static let cases: [Case] = [
        Case(name: "empty file", bytes: [], expected: .notNumpy(path: "bad.npy")),
        Case(name: "bad magic", bytes: Array("PK\u{3}\u{4}not numpy at all".utf8), expected: .notNumpy(path: "bad.npy")),
        Case(name: "magic only", bytes: [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59], expected: .truncatedHeader(path: "bad.npy")),
        Case(name: "version 4.0",
             bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("<f4", shape: "(3,)"), data: floats, version: 4),
             expected: .unsupportedVersion(path: "bad.npy", major: 4, minor: 0)),
        Case(name: "header cut short",
             bytes: Array(CraftedNumpy.bytes(header: CraftedNumpy.header("<f4", shape: "(3,)")).prefix(40)),
             expected: .truncatedHeader(path: "bad.npy")),
        Case(name: "unclosed dict", bytes: CraftedNumpy.bytes(header: "{'descr': '<f4', 'shape': (3,)"),
             expected: .malformedHeader(path: "bad.npy", detail: "it ends early where ',' or '}' belongs after '{'")),
        Case(name: "not a dict", bytes: CraftedNumpy.bytes(header: "[1, 2]"),
             expected: .malformedHeader(path: "bad.npy", detail: "it is [1, 2], not a dict")),
        Case(name: "missing shape", bytes: CraftedNumpy.bytes(header: "{'descr': '<f4', 'fortran_order': False}"),
             expected: .malformedHeader(path: "bad.npy", detail: "it has no 'shape' key")),
        Case(name: "fortran_order not a boolean",
             bytes: CraftedNumpy.bytes(header: "{'descr': '<f4', 'fortran_order': 0, 'shape': (3,)}", data: floats),
             expected: .malformedHeader(path: "bad.npy", detail: "'fortran_order' is 0, not True or False")),
        Case(name: "shape of strings",
             bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("<f4", shape: "('3',)"), data: floats),
             expected: .malformedHeader(path: "bad.npy", detail: "'shape' is ('3',), not a tuple of integers")),
        Case(name: "complex dtype", bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("<c8", shape: "(3,)")),
             expected: .unsupportedDType(path: "bad.npy", descr: "'<c8'")),
        Case(name: "string dtype", bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("<U3", shape: "(3,)")),
             expected: .unsupportedDType(path: "bad.npy", descr: "'<U3'")),
        Case(name: "object dtype", bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("|O", shape: "(3,)")),
             expected: .unsupportedDType(path: "bad.npy", descr: "'|O'")),
        Case(name: "structured dtype",
             bytes: CraftedNumpy.bytes(header: "{'descr': [('x', '<f4'), ('y', '<f4')], 'fortran_order': False, 'shape': (3,)}"),
             expected: .unsupportedDType(path: "bad.npy", descr: "[('x', '<f4'), ('y', '<f4')]")),
        Case(name: "negative extent", bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("<f4", shape: "(-3,)")),
             expected: .impossibleShape(path: "bad.npy", shape: "(-3,)")),
        Case(name: "extent beyond Int", bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("<f4", shape: "(99999999999999999999,)")),
             expected: .impossibleShape(path: "bad.npy", shape: "(99999999999999999999,)")),
        Case(name: "element count overflows",
             bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("<f8", shape: "(4294967296, 4294967296, 0)")),
             expected: .impossibleShape(path: "bad.npy", shape: "(4294967296, 4294967296, 0)")),
        Case(name: "byte count overflows",
             bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("<f8", shape: "(2305843009213693952,)")),
             expected: .impossibleShape(path: "bad.npy", shape: "(2305843009213693952,)")),
        Case(name: "absurd shape", bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("<f4", shape: "(1000000000000,)")),
             expected: .arrayTooLarge(path: "bad.npy", shape: [1_000_000_000_000], dtype: "float32",
                                      bytes: 4_000_000_000_000, limit: NumpyReader.maxDataBytes)),
        Case(name: "data cut short",
             bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("<f4", shape: "(3,)"), data: Array(floats.prefix(10))),
             expected: .truncatedData(path: "bad.npy", shape: [3], dtype: "float32", needed: 12, found: 10)),
        Case(name: "garbage after the data",
             bytes: CraftedNumpy.bytes(header: CraftedNumpy.header("<f4", shape: "(3,)"), data: floats + [1, 2, 3]),
             expected: .trailingData(path: "bad.npy", extra: 3)),
        Case(name: "invalid UTF-8 in a version 3.0 header",
             bytes: CraftedNumpy.bytes(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), 'x': '\u{FF}'}",
                                       data: floats, version: 3).map { $0 == 0xC3 ? 0xFF : $0 },
             expected: .malformedHeader(path: "bad.npy", detail: "it is not valid UTF-8")),
    ]

    @Test("each malformation has its own error", arguments: cases)
    func malformed(_ testCase: Case) {
        #expect(throws: testCase.expected) { try NumpyReader.decode(testCase.bytes, path: "bad.npy") }
    }

    @Test("read from a file, each malformation gives the same error as from memory", arguments: cases)
    func malformedFile(_ testCase: Case) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(testCase.bytes, to: "bad.npy")
        let expected = try #require(throws: IOError.self) {
            try NumpyReader.decode(testCase.bytes, path: directory.path("bad.npy"))
        }
        #expect(throws: expected) { try ArrayFile.read(path: directory.path("bad.npy")) }
    }

    @Test("every message is one sentence naming the file", arguments: cases)
    func message(_ testCase: Case) throws {
        let error = try #require(throws: IOError.self) { try NumpyReader.decode(testCase.bytes, path: "bad.npy") }
        let text = error.description
        #expect(text.contains("bad.npy"))
        #expect(text.hasSuffix("."))
        #expect(!text.dropLast().contains(". "), "one sentence: \(text)")
        #expect(!text.contains("\n"))
    }

    @Test("a hostile header nesting thousands deep is refused, not recursed into")
    func deepNesting() {
        let header = "{'descr': " + String(repeating: "[", count: 5000) + "}"
        #expect(throws: IOError.malformedHeader(path: "bad.npy", detail: "it nests deeper than 32 levels")) {
            try NumpyReader.decode(CraftedNumpy.bytes(header: header), path: "bad.npy")
        }
    }
}
