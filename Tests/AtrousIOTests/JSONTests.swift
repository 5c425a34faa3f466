import AtrousCore
import AtrousIO
import Testing

@Suite("JSON reading and writing")
struct JSONTests {
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() throws {
        let value = try Self.parse("""
            {"a": [1, -2.5, 3e2, 0], "b": {"c": true, "d": false, "e": null},
             "s": "tab\\tquote\\" \\u00e9 \\ud83d\\ude00 slash\\/"}
            """)
        #expect(value["a"] == .array([.number("1"), .number("-2.5"), .number("3e2"), .number("0")]))
        #expect(value["a"]?.array?.map(\.double) == [1, -2.5, 300, 0])
        #expect(value["b"]?["c"] == .bool(true))
        #expect(value["b"]?["e"] == .null)
        #expect(value["s"]?.string == "tab\tquote\" é 😀 slash/")
        #expect(value.keys == ["a", "b", "s"])
    }

    @Test func numbersKeepTheirText() throws {
        let seed = try Self.parse("18446744073709551615")
        #expect(seed.unsignedInteger == UInt64.max)
        #expect(seed.integer == nil, "too large for Int")
        #expect(try Self.parse("3.0").integer == 3)
        #expect(try Self.parse("3.5").integer == nil)
        #expect(try Self.parse("1e400").double == nil, "beyond the doubles")
    }

    @Test("doubles are written in their shortest exact form", arguments: [
        0.1, -2.5, 1e-5, 1e300, 0.30000000000000004, 3, -7, 1e15, 123456789012345.0, -0.0, Double.leastNonzeroMagnitude,
    ])
    func doublesRoundTrip(_ value: Double) throws {
        let text = JSONWriter().text(.number(value))
        let read = try JSONParser.parse(Array(text.utf8)).double
        #expect(read == value && read?.sign == value.sign, "\(text)")
    }

    @Test func wholeNumbersHaveNoFraction() {
        #expect(JSONValue.number(3.0) == .number("3"))
        #expect(JSONValue.number(-0.0) == .number("-0.0"))
        #expect(JSONValue.number(0.5) == .number("0.5"))
    }

    @Test func writesIndentedWithRowsWhereAsked() throws {
        let document = JSONValue.object([
            ("name", .string("a \"b\"\n")),
            ("grid", .object([("values", .integers([1, 2, 3, 4, 5, 6])), ("shape", .integers([2, 3]))])),
            ("empty", .object([])), ("flags", .array([.bool(true), .null])),
            ("nested", .array([.integers([1]), .object([("k", .number(2))])])),
        ])
        let text = JSONWriter(rowLengths: ["grid.values": 3]).text(document)
        #expect(text == """
            {
              "name": "a \\"b\\"\\n",
              "grid": {
                "values": [
                  1, 2, 3,
                  4, 5, 6
                ],
                "shape": [2, 3]
              },
              "empty": {},
              "flags": [true, null],
              "nested": [
                [1],
                {
                  "k": 2
                }
              ]
            }

            """)
        #expect(try JSONParser.parse(Array(text.utf8)) == document)
    }

    @Test func controlCharactersAreEscaped() throws {
        let value = JSONValue.string("bell\u{07} nul\u{00}")
        let text = JSONWriter().text(value)
        #expect(text == "\"bell\\u0007 nul\\u0000\"\n")
        #expect(try JSONParser.parse(Array(text.utf8)) == value)
    }

    @Test("mistakes are placed by line and column", arguments: [
        ("{\"a\": 1,\n \"b\": [1, 2", 2, 12, "expected ',' or ']'"),
        ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'"),
        ("[1, 2] x", 1, 8, "unexpected text after the end of the document"),
        ("", 1, 1, "the document ends where a value was expected"),
        ("{\"a\": tru}", 1, 7, "expected a value, found 't'"),
        ("[01]", 1, 3, "expected ',' or ']'"),
        ("[1.]", 1, 4, "expected a digit after the decimal point"),
        ("[-]", 1, 3, "expected a digit"),
        ("{\"é\": \"x\n\"}", 1, 9, "a control character inside a string must be escaped"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "the member \"a\" appears twice"),
        ("[\"\\x\"]", 1, 3, "unknown escape \\x"),
        ("[\"\\ud800\"]", 1, 9, "\\uD800 must be followed by a low surrogate"),
        ("{1: 2}", 1, 2, "expected a member name in double quotes"),
        ("[NaN]", 1, 2, "expected a value, found 'N'"),
    ])
    func syntaxErrors(text: String, line: Int, column: Int, detail: String) {
        #expect(throws: JSONSyntaxError(line: line, column: column, detail: detail)) { try Self.parse(text) }
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try Self.parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? Self.parse(fine)) != nil)
    }

    @Test func errorDescriptionIsAPlace() {
        #expect(JSONSyntaxError(line: 3, column: 7, detail: "expected ':'").description == "line 3, column 7: expected ':'")
    }
}
