import AtrousExplorer
import Testing

@Suite("The key notation")
struct KeyNotationTests {
    @Test(arguments: [
        ("rr", [Key.character("r"), .character("r")]),
        ("<Up><down><LEFT><Right>", [.up, .down, .left, .right]),
        (":rate 3<Enter>", [.character(":"), .character("r"), .character("a"), .character("t"), .character("e"),
                            .character(" "), .character("3"), .enter]),
        ("<Esc><Space><Tab><S-Tab><BS><Del>", [.escape, .character(" "), .tab, .backTab, .backspace, .delete]),
        ("<Home><End><PageUp><PgDn>", [.home, .end, .pageUp, .pageDown]),
        ("<C-r><c-C><F1><F12>", [.control("r"), .control("c"), .function(1), .function(12)]),
        ("<lt>>", [.character("<"), .character(">")]),
        ("a\nb\t", [.character("a"), .enter, .character("b"), .tab]),
        ("░", [.character("░")]),
        ("", []),
    ])
    func readsCharactersAndNames(text: String, keys: [Key]) throws {
        #expect(try KeyNotation.parse(text) == keys)
    }

    @Test(arguments: [
        ("ab<Up", KeyNotationError.unclosed(after: "ab")),
        ("<", .unclosed(after: "")),
        ("<Upp>", .unknownName("Upp")),
        ("<>", .unknownName("")),
        ("<C-1>", .unknownName("C-1")),
        ("<F0>", .unknownName("F0")),
        ("<F64>", .unknownName("F64")),
        ("<F01>", .unknownName("F01")),
        ("a\u{7}", .controlCharacter(7)),
    ])
    func refusesWhatNoKeyIs(text: String, error: KeyNotationError) {
        #expect(throws: error) { try KeyNotation.parse(text) }
    }

    @Test func errorsAreOneSentence() {
        for error in [KeyNotationError.unclosed(after: "ab"), .unknownName("Upp"), .controlCharacter(27)] {
            let text = error.description
            #expect(text.hasSuffix(".") && !text.dropLast().contains(". "), "\(text)")
        }
        #expect(KeyNotationError.unknownName("Upp").description.contains("<Up>, <Down>"))
    }

    /// Every key the terminal can deliver, written and read back.
    @Test func writingIsTheInverseOfReading() throws {
        var keys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .escape, .backspace,
                           .delete, .tab, .backTab, .function(1), .function(63), .character("<"), .character(" "),
                           .character(">"), .character("é"), .control("@"), .control("_")]
        keys += "abcxyz".map { Key.control($0) } + "aZ9:?+-[]".map { Key.character($0) }
        let text = KeyNotation.text(of: keys)
        #expect(try KeyNotation.parse(text) == keys)
        #expect(KeyNotation.text(of: [.character("<"), .up, .control("r"), .character(" ")]) == "<lt><Up><C-r><Space>")
    }

    @Test("pauses are steps of their own, which parse leaves out", arguments: [
        ("j<Wait 500ms>k", [KeyStep.key(.character("j")), .wait(milliseconds: 500), .key(.character("k"))]),
        ("<wait 2s><WAIT 1.5S><Wait 0.25s><Wait 0ms>", [.wait(milliseconds: 2000), .wait(milliseconds: 1500),
                                                         .wait(milliseconds: 250), .wait(milliseconds: 0)]),
        ("<Wait 3600s>", [.wait(milliseconds: 3_600_000)]),
    ])
    func readsPauses(text: String, steps: [KeyStep]) throws {
        #expect(try KeyNotation.steps(text) == steps)
        #expect(try KeyNotation.parse(text) == steps.compactMap(\.key))
        #expect(try KeyNotation.steps(steps.map { KeyNotation.text(of: $0) }.joined()) == steps)
    }

    @Test("a pause that cannot be read is one sentence", arguments: [
        "Wait", "Wait 5", "Wait 5m", "Wait -1s", "Wait 1.5ms", "Wait 0.0001s", "Wait 3601s", "Wait 1 s", "Wait ٣s",
    ])
    func refusesBadPauses(name: String) {
        #expect(throws: KeyNotationError.badWait(name)) { try KeyNotation.steps("<\(name)>") }
        let text = KeyNotationError.badWait(name).description
        #expect(text.hasSuffix(".") && !text.dropLast().contains(". "), "\(text)")
    }
}
