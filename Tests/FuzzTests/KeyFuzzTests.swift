import AtrousCore
import AtrousExplorer
import AtrousRender
import Testing

/// Random key sequences and clicks on terminals from 1x1 to 250x80: every frame is drawn at
/// the terminal's size, and every message stays one line of plain text.
///
/// Effects (file reads and writes) are left unperformed: the parsers have their own campaigns,
/// and a fuzz run writes nothing.
@Suite("Fuzzing the explorer with random keys")
struct KeyFuzzTests {
    /// Keys the explorer binds, keys it does not, and command lines that reach every command.
    static let keys: [Key] = KeyBinding.table.flatMap(\.keys) + [
        .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .escape, .backspace, .delete, .tab,
        .backTab, .function(1), .function(12), .control("c"), .control("z"), .control("u"), .character("\u{1B}"),
        .character("\u{7F}"), .character("é"), .character(":"), .character("-"), .character("9"),
    ]

    static let commands = ["input random:1024x1024", "input glyph 1x1 char=Q", "input ramp 300x2", "rate 64", "rate -2",
                           "stride 9", "pad 1,2,3,4", "fill circular", "kernel 15", "weight 0,0 1e308", "weight nan",
                           "layer k=3,r=99,s=7,p=full", "stack wavenet", "open /dev/zero", "save", "export code",
                           "load \u{1B}[31m.npy", "q", "help", "channel 9", "\u{202E}unknown", "set speed 512"]

    @Test("key sequences and clicks at random sizes")
    func keySequences() {
        FuzzCampaign.run("keys") { mutator, number in
            var state = ExplorerState()
            var size = Size(width: mutator.integer(1...250), height: mutator.integer(1...80))
            for step in 0..<mutator.integer(1...40) {
                for action in Self.actions(&mutator, state: state, size: size) { _ = update(&state, action) }
                if mutator.chance(5) { size = Size(width: mutator.integer(1...250), height: mutator.integer(1...80)) }
                if step % 8 == 0 { Self.check(state, size: size, number: number) }
            }
            Self.check(state, size: size, number: number)
        }
    }

    /// The actions of one random key, click or typed command line.
    static func actions(_ mutator: inout Mutator, state: ExplorerState, size: Size) -> [ExplorerAction] {
        switch mutator.integer(0...9) {
        case 0:
            let kinds: [MouseEvent.Kind] = [.press(button: 1), .press(button: 3), .release, .drag, .wheelUp, .wheelDown]
            let click = MouseEvent(x: mutator.integer(-2...(size.width + 2)), y: mutator.integer(-2...(size.height + 2)),
                                   kind: mutator.element(kinds))
            return AtrousRender.action(for: click, in: state, size: size).map { [$0] } ?? []
        case 1:
            var line = Array(mutator.element(commands).unicodeScalars)
            if mutator.chance(30), !line.isEmpty { line.remove(at: mutator.integer(0...(line.count - 1))) }
            var sequence: [ExplorerAction] = []
            var typed = state
            for key in [Key.character(":")] + line.map { Key.character(Character($0)) } + [.enter] {
                guard let action = AtrousExplorer.action(for: key, in: typed) else { continue }
                _ = update(&typed, action)
                sequence.append(action)
            }
            return sequence
        default:
            return AtrousExplorer.action(for: mutator.element(keys), in: state).map { [$0] } ?? []
        }
    }

    /// The frame fills the terminal exactly, and the message line is one line of plain text.
    static func check(_ state: ExplorerState, size: Size, number: Int) {
        let frame = render(state, size: size, colors: number % 2 == 0)
        #expect(frame.size == size, "keys case \(number): a frame of \(frame.size) on \(size)")
        if let message = state.message { FuzzCampaign.checkMessage(message.text, "keys", number, sentence: false) }
    }
}
