import AtrousCore
import AtrousIO
import Testing

@Suite("Reading CSV tables")
struct CSVTableTests {
    static func decode(_ text: String) throws(IOError) -> Tensor<Double> {
        try CSVTable.decode(Array(text.utf8), path: "t.csv")
    }

    @Test("rows of comma-separated numbers make an (H,W) Double tensor")
    func table() throws {
        let table = try Self.decode("1,2.5,-3\n4e2, nan ,inf\n")
        #expect(table.shape == [2, 3])
        #expect(Array(table.scalars[0..<4]) == [1, 2.5, -3, 400])
        #expect(table.scalars[4].isNaN)
        #expect(table.scalars[5] == .infinity)
    }

    @Test("comments, blank lines, CRLF and a missing final newline are ignored")
    func commentsAndBlanks() throws {
        let text = "# a map\r\n\r\n1,2 # first row\r\n   \n# batch 0, channel 1\n3,4"
        #expect(try Self.decode(text) == Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]))
    }

    @Test("a ragged row names its line and both lengths")
    func ragged() {
        #expect(throws: IOError.csvRaggedRow(path: "t.csv", line: 4, count: 2, expected: 3)) {
            try Self.decode("1,2,3\n# comment\n4,5,6\n7,8\n")
        }
        #expect(IOError.csvRaggedRow(path: "t.csv", line: 4, count: 2, expected: 3).description
            == "Line 4 of t.csv has 2 values, but the rows before it have 3.")
    }

    @Test("a field that is not a number names its line", arguments: [
        ("1,2\n3,x\n", 2, "x"), ("1,,2\n", 1, ""), ("1,2,\n", 1, ""), ("1;2\n", 1, "1;2"),
    ])
    func badNumber(text: String, line: Int, field: String) {
        #expect(throws: IOError.csvBadNumber(path: "t.csv", line: line, field: field)) { try Self.decode(text) }
    }

    @Test("a file without numbers is an error", arguments: ["", "\n\n", "# only a comment\n"])
    func empty(text: String) {
        #expect(throws: IOError.csvEmpty(path: "t.csv")) { try Self.decode(text) }
    }
}
