import Testing
import AtrousCore

/// The textual forms shared by the command line, `--layer` and the explorer's `:` commands.
struct ParsingTests {
    @Test(arguments: [
        ("3", Pair(3, 3)), ("3x5", Pair(3, 5)), ("3,5", Pair(3, 5)), ("12X7", Pair(12, 7)), (" 2 , 4 ", Pair(2, 4)),
    ])
    func pairs(_ text: String, _ expected: Pair) {
        #expect(Pair(parsing: text) == expected)
    }

    @Test(arguments: ["", "x", "3x", "3x5x7", "a", "3,b", "1.5"])
    func malformedPairs(_ text: String) {
        #expect(Pair(parsing: text) == nil)
    }

    @Test func pairDescriptionIsCompactWhenSquare() {
        #expect(Pair(3, 3).description == "3")
        #expect(Pair(3, 5).description == "3x5")
    }

    @Test(arguments: [
        ("valid", Padding.valid), ("SAME", .same), ("full", .full), ("causal", .causal),
        ("1,2,3,4", .explicit(top: 1, bottom: 2, left: 3, right: 4)),
        ("2", .explicit(top: 2, bottom: 2, left: 2, right: 2)),
        ("1,2", .explicit(top: 1, bottom: 1, left: 2, right: 2)),
    ])
    func paddings(_ text: String, _ expected: Padding) {
        #expect(Padding(parsing: text) == expected)
        if case .explicit = expected {} else { #expect(expected.description == text.lowercased()) }
    }

    @Test(arguments: ["", "sam", "1,2,3", "1,,2,3", "a,b,c,d"])
    func malformedPaddings(_ text: String) {
        #expect(Padding(parsing: text) == nil)
    }

    @Test func explicitPaddingPrintsAllFourSides() {
        #expect(Padding.explicit(top: 0, bottom: 2, left: 1, right: 0).description == "0,2,1,0")
    }
}
