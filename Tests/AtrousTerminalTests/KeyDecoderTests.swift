import AtrousScreen
import CNcurses
import Testing
@testable import AtrousTerminal

@Suite("Key decoding")
struct KeyDecoderTests {
    @Test("ncurses key codes", arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_HOME, .home), (KEY_FIND, .home), (KEY_A1, .home),
        (KEY_END, .end), (KEY_SELECT, .end), (KEY_C1, .end),
        (KEY_PPAGE, .pageUp), (KEY_A3, .pageUp), (KEY_NPAGE, .pageDown), (KEY_C3, .pageDown),
        (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_BTAB, .backTab),
        (atrous_key_function(1), .function(1)), (atrous_key_function(5), .function(5)),
        (atrous_key_function(12), .function(12)),
    ] as [(Int32, Key)])
    func keyCode(code: Int32, key: Key) {
        #expect(KeyDecoder.key(forKeyCode: code) == key)
    }

    @Test("key codes the explorer does not use are dropped", arguments: [KEY_B2, KEY_IC, KEY_SRESET, KEY_F0])
    func unusedKeyCode(code: Int32) {
        #expect(KeyDecoder.key(forKeyCode: code) == nil)
    }

    @Test("characters in raw mode", arguments: [
        (0x0D, Key.enter), (0x0A, .enter), (0x09, .tab), (0x1B, .escape), (0x7F, .backspace), (0x08, .backspace),
        (0x03, .control("c")), (0x01, .control("a")), (0x12, .control("r")), (0x1A, .control("z")),
        (0x00, .control("@")), (0x1F, .control("_")),
        (0x71, .character("q")), (0x3A, .character(":")), (0x20, .character(" ")),
        (0x2591, .character("░")), (0xE9, .character("é")),
    ] as [(UInt32, Key)])
    func character(code: UInt32, key: Key) {
        #expect(KeyDecoder.key(forCharacter: code) == key)
    }

    @Test("C1 controls and invalid scalars are dropped", arguments: [0x80, 0x9B, 0xD800, 0x110000] as [UInt32])
    func droppedCharacter(code: UInt32) {
        #expect(KeyDecoder.key(forCharacter: code) == nil)
    }
}
