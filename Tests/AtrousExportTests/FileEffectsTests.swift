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
    /// The program loop without a terminal: each key goes through the key map and `update`,
    /// and each effect is performed against the files by the program's own ``ExplorerDriver``,
    /// with the screen drawn after the action, its result fed back.
    struct Loop {
        var driver: ExplorerDriver

        init(_ state: ExplorerState = ExplorerState()) {
            driver = ExplorerDriver(state: state, performer: EffectPerformer(screenSize: Size(width: 100, height: 30)))
        }

        var state: ExplorerState { driver.state }

        mutating func press(_ keys: [Key]) {
            for key in keys { driver.press(key) }
        }

        mutating func type(_ line: String) {
            press([.character(":")] + line.map { .character($0) } + [.enter])
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

    @Test func loadsComeBackAsActions() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("x.npy")
        let input = Tensor<Double>(shape: [4, 5]) { Double($0[0] * 5 + $0[1]) }
        try ArrayFile.write(input, to: path, overwrite: false)
        var performer = EffectPerformer()
        #expect(performer.perform(.loadInput(path: path), state: ExplorerState()) == [.inputLoaded(.double(input), path: path)])
        #expect(performer.perform(.loadActual(path: path), state: ExplorerState()) == [.actualLoaded(input, path: path)])
        #expect(performer.perform(.loadKernel(path: directory.path("none.npy")), state: ExplorerState())
            == [.loadFailed(message: IOError.missingFile(path: directory.path("none.npy")).description)])
        #expect(performer.perform(.loadInput(path: "-"), state: ExplorerState())
            == [.loadFailed(message: ExplorerFileError.standardInputIsTheKeyboard.description)])
        #expect(performer.perform(.quit, state: ExplorerState()).isEmpty, "quitting is the loop's own")
    }
}
