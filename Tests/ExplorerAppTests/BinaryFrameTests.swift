import AtrousExplorer
import AtrousRender
import AtrousTestSupport
import Testing

/// The frames the screen property test checks in process are the frames `atrous render`
/// prints: a handful of states and sizes through the real binary, compared text for text.
struct BinaryFrameTests {
    @Test(arguments: [
        ("rr", "100x30"), ("rrr", "80x24"), (":ksize 11<Enter>:rate 3<Enter>", "200x60"),
        (":ksize 5<Enter>:rate 3<Enter>", "200x60"), (":ksize 8<Enter>ss", "120x40"),
        (":stack hdc<Enter>", "140x45"), (":goto 99,0<Enter>n", "80x24"), ("t", "80x24"),
    ])
    func theBinaryPrintsTheFrameRenderDraws(keys: String, size: String) throws {
        let result = try AtrousBinary.run(["render", "--size", size, "--keys", keys])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let parts = size.split(separator: "x").compactMap { Int($0) }
        let terminal = Size(width: parts[0], height: parts[1])
        var state = ExplorerState()
        for key in try KeyNotation.parse(keys) {
            if let action = action(for: key, in: state, screenRows: terminal.height) { update(&state, action) }
        }
        #expect(result.output == render(state, size: terminal, colors: false).text + "\n")
    }
}
