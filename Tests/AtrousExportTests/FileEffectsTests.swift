import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousIO
import AtrousRender
import AtrousTestSupport
import Testing

/// The whole loop for files: keys → actions → effects → files → result actions → state.
@Suite("File effects in the program loop")
struct FileEffectsTests {
    /// A miniature program loop: each key goes through the key map and `update`; each effect is
    /// performed against the files, with the screen drawn after the action, and its result fed back.
    struct Loop {
        var state: ExplorerState
        var quit = false

        init(_ state: ExplorerState = ExplorerState()) {
            self.state = state
        }

        mutating func press(_ keys: [Key]) {
            for key in keys {
                guard let keyAction = action(for: key, in: state) else { continue }
                send(keyAction)
            }
        }

        mutating func type(_ line: String) {
            press([.character(":")] + line.map { .character($0) } + [.enter])
        }

        mutating func send(_ action: ExplorerAction) {
            var pending = update(&state, action)
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                let current = state
                guard let results = FileEffects.perform(effect, subject: ExportSubject(state: current,
                                                                                       screen: screen(of: current)))
                else {
                    quit = effect == .quit
                    continue
                }
                for result in results { pending += update(&state, result) }
            }
        }
    }

    @Test func theOverwriteQuestionYesWritesNoKeeps() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("y.npy")
        try directory.write(Array("old".utf8), to: "y.npy")
        var loop = Loop(twoChannelState)
        loop.type("export \(path)")
        #expect(loop.state.mode == .confirmOverwrite(path: path, effect: .export(.output, path: path, overwrite: false)))
        #expect(loop.state.message == .info("\(path) exists; overwrite? (y/n)"))
        #expect(directory.bytes("y.npy") == Array("old".utf8))

        loop.press([.character("n")])
        #expect(directory.bytes("y.npy") == Array("old".utf8))
        #expect(loop.state.message == .info("Kept \(path); nothing was written."))

        loop.type("export \(path)")
        loop.press([.character("y")])
        #expect(try ArrayFile.read(path: path) == (try #require(twoChannelState.output)))
        #expect(loop.state.message == .info("Wrote the output to \(path)."))
        #expect(try directory.contents() == ["y.npy"], "no temporary file is left behind")
    }

    @Test func aSnippetAsksWhenAnyOfItsArraysExists() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array("old".utf8), to: "conv.kernel.npy")
        var loop = Loop()
        loop.type("export pytorch \(directory.path("conv.py"))")
        guard case let .confirmOverwrite(path, _) = loop.state.mode else {
            Issue.record("no question asked")
            return
        }
        #expect(path == directory.path("conv.kernel.npy"))
        #expect(try directory.contents() == ["conv.kernel.npy"], "nothing written before the answer")
        loop.press([.character("y")])
        #expect(try directory.contents() == ["conv.expected.npy", "conv.input.npy", "conv.kernel.npy", "conv.py"])
    }

    @Test func saveThenOpenReturnsTheSameScreen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("lesson.atrous.json")
        let shown = stateAfter([.setInputPattern(.glyph("A"), size: Pair(9, 7)), .setKernelPreset(.laplacian),
                                .setFill(.replicate), .selectOutputCell(row: 3, column: 2),
                                .selectInputCell(row: 2, column: 2)])
        var loop = Loop(shown)
        loop.type("save \(path)")
        #expect(loop.state.message == .info("Saved the session to \(path)."))

        var other = Loop()
        other.type("open \(path)")
        #expect(other.state.message == .info("Opened \(path)."))
        SessionFileTests.expectSameScreen(other.state, shown)
        let reopened = try #require(screen(of: other.state, showsMessage: false))
        #expect(reopened == screen(of: shown, showsMessage: false), "the reopened screen is the saved one, message aside")
    }

    @Test func theMenuWritesEachDefaultFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // The menu writes to the current directory: every default name is put under the scratch
        // directory by writing through the command line instead, with the same kinds.
        var loop = Loop(twoChannelState)
        for entry in ExportMenu.entries where entry.kind != .counts {
            loop.type("export \(entry.kind.commandWord) \(directory.path(entry.path))")
            #expect(loop.state.message?.kind == .info, "\(entry.key): \(loop.state.message?.text ?? "")")
        }
        loop.press([.character("e"), .character("c")])
        #expect(loop.state.message?.kind == .error)
        #expect(try directory.contents() == [
            "atrous-input.npy", "atrous-kernel.npy", "atrous-output.npy", "atrous-screen.ans", "atrous-screen.svg",
            "atrous-screen.txt", "atrous_jax.expected.npy", "atrous_jax.input.npy", "atrous_jax.kernel.npy",
            "atrous_jax.py", "atrous_numpy.expected.npy", "atrous_numpy.input.npy", "atrous_numpy.kernel.npy",
            "atrous_numpy.py", "atrous_pytorch.expected.npy", "atrous_pytorch.input.npy", "atrous_pytorch.kernel.npy",
            "atrous_pytorch.py", "atrous_tensorflow.expected.npy", "atrous_tensorflow.input.npy",
            "atrous_tensorflow.kernel.npy", "atrous_tensorflow.py", "session.atrous.json",
        ])
    }

    @Test func anExportThatCannotBeMadeIsNotAskedAbout() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(Array("old".utf8), to: "c.npy")
        var loop = Loop()
        loop.type("export counts \(directory.path("c.npy"))")
        #expect(loop.state.mode == .normal)
        #expect(loop.state.message == .error(ExportError.noPathCounts.description))
        #expect(directory.bytes("c.npy") == Array("old".utf8))
    }

    @Test func failuresBecomeOneSentence() throws {
        var loop = Loop()
        loop.type("open /nonexistent/s.atrous.json")
        #expect(loop.state.message == .error("Cannot read /nonexistent/s.atrous.json: no such file or directory."))
        loop.type("export /nonexistent/dir/y.npy")
        #expect(loop.state.message == .error("Cannot write /nonexistent/dir/y.npy: the directory /nonexistent/dir does not exist."))
        loop.type("export -")
        #expect(loop.state.message?.kind == .error)
    }

    @Test func otherEffectsAreLeftToTheLoop() {
        let subject = ExportSubject(state: ExplorerState())
        #expect(FileEffects.perform(.quit, subject: subject) == nil)
        #expect(FileEffects.perform(.loadInput(path: "x.npy"), subject: subject) == nil)
    }
}
