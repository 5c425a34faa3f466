import Testing
@testable import AtrousTerminal

@Suite("Terminal characters")
struct TerminalCharacterTests {
    @Test("single-width characters pass through", arguments: [
        "a", " ", "~", "é", "e\u{301}", "░", "▒", "▓", "█", "┌", "─", "┼", "·", "×", "Σ", "→", "α",
    ] as [Character])
    func kept(character: Character) {
        #expect(TerminalCharacter.safe(character) == character)
    }

    @Test("characters that would move the cursor differently are replaced", arguments: [
        "\u{1B}", "\u{07}", "\u{7F}", "\u{9B}", "\u{301}", "\u{200B}", "中", "한", "ｘ", "😀", "❤\u{FE0F}",
    ] as [Character])
    func replaced(character: Character) {
        #expect(TerminalCharacter.safe(character) == TerminalCharacter.replacement)
    }
}
