import AtrousCore
import AtrousIO
import Testing
@testable import AtrousExplorer

/// `:save`, `:open`, `:export`, the export menu and the overwrite question, at the level of
/// the state: which effects are asked for and what the user sees.
@Suite("Sessions and exports in the explorer")
struct ExportActionTests {
    /// The effects of typing `line` on the command line and pressing Enter, and the state after.
    static func command(_ line: String, from start: ExplorerState = ExplorerState()) -> ([ExplorerEffect], ExplorerState) {
        var state = stateAfter([.openCommandLine] + line.map { .editCommandLine(.insert($0)) }, from: start)
        let effects = update(&state, .submitCommandLine)
        return (effects, state)
    }

    /// The effects of pressing `keys` in order, through the key map, and the state after.
    static func press(_ keys: [Key], from start: ExplorerState = ExplorerState()) -> ([ExplorerEffect], ExplorerState) {
        var state = start
        var effects: [ExplorerEffect] = []
        for key in keys {
            if let keyAction = action(for: key, in: state) { effects += update(&state, keyAction) }
        }
        return (effects, state)
    }

    @Test("commands ask for the file they name", arguments: [
        ("save", ExplorerEffect.export(.session, path: "session.atrous.json", overwrite: false)),
        ("save my lesson.atrous.json", .export(.session, path: "my lesson.atrous.json", overwrite: false)),
        ("open lesson.atrous.json", .openSession(path: "lesson.atrous.json")),
        ("open notes.json", .openSession(path: "notes.json")),
        ("open maps/x.npy", .loadInput(path: "maps/x.npy")),
        ("open tile.PNG", .loadInput(path: "tile.PNG")),
        ("export out.npy", .export(.output, path: "out.npy", overwrite: false)),
        ("export out.csv", .export(.output, path: "out.csv", overwrite: false)),
        ("export out.json", .export(.output, path: "out.json", overwrite: false)),
        ("export lesson.atrous.json", .export(.session, path: "lesson.atrous.json", overwrite: false)),
        ("export lesson.session", .export(.session, path: "lesson.session", overwrite: false)),
        ("export shot.txt", .export(.screen(.text), path: "shot.txt", overwrite: false)),
        ("export shot.ans", .export(.screen(.ansi), path: "shot.ans", overwrite: false)),
        ("export slides/shot.svg", .export(.screen(.svg), path: "slides/shot.svg", overwrite: false)),
        ("export conv.py", .export(.snippet(.numpy), path: "conv.py", overwrite: false)),
        ("export pytorch", .export(.snippet(.pytorch), path: "atrous_pytorch.py", overwrite: false)),
        ("export tf conv.py", .export(.snippet(.tensorflow), path: "conv.py", overwrite: false)),
        ("export JAX", .export(.snippet(.jax), path: "atrous_jax.py", overwrite: false)),
        ("export input in.csv", .export(.input, path: "in.csv", overwrite: false)),
        ("export kernel", .export(.kernel, path: "atrous-kernel.npy", overwrite: false)),
        ("export counts my counts.npy", .export(.counts, path: "my counts.npy", overwrite: false)),
        ("export svg", .export(.screen(.svg), path: "atrous-screen.svg", overwrite: false)),
    ])
    func commands(line: String, effect: ExplorerEffect) {
        let (effects, state) = Self.command(line)
        #expect(effects == [effect])
        #expect(state.mode == .normal)
    }

    @Test func openingSaysSo() {
        #expect(Self.command("open lesson.atrous.json").1.message == .info("Opening lesson.atrous.json…"))
    }

    @Test func exportWithoutArgumentsOpensTheMenu() {
        let (effects, state) = Self.command("export")
        #expect(effects.isEmpty)
        #expect(state.mode == .exportMenu)
    }

    @Test("unknown exports and missing names are one sentence", arguments: [
        ("export notes.doc", "Cannot tell what to export to 'notes.doc'; name a .npy, .csv, .json, .atrous.json, .txt, "
            + ".ans, .svg or .py file, or start with output, input, kernel, counts, session, text, ansi, svg, pytorch, "
            + "tensorflow, jax or numpy."),
        ("open", "The :open command needs a value; write :open FILE."),
    ])
    func commandErrors(line: String, message: String) {
        let (effects, state) = Self.command(line)
        #expect(effects.isEmpty)
        #expect(state.message == .error(message))
    }

    // MARK: - The menu

    @Test func eOpensTheMenuAndEveryChoiceWritesItsDefaultFile() {
        #expect(action(for: .character("e"), in: ExplorerState()) == .toggleExportMenu)
        for entry in ExportMenu.entries {
            let (effects, state) = Self.press([.character("e"), .character(entry.key)])
            #expect(effects == [.export(entry.kind, path: entry.kind.defaultPath, overwrite: false)], "\(entry.key)")
            #expect(state.mode == .normal, "the choice closes the menu")
        }
    }

    @Test func theMenuHasOneKeyPerKindAndNoneIsTaken() {
        let keys = ExportMenu.entries.map(\.key)
        #expect(Set(keys).count == keys.count)
        #expect(Set(ExportMenu.entries.map(\.kind)).count == keys.count)
        #expect(!keys.contains("e") && !keys.contains("q"), "e and q close the menu")
        #expect(ExportMenu.entries.map(\.path) == ["atrous-output.npy", "atrous-input.npy", "atrous-kernel.npy",
                                                   "session.atrous.json", "atrous-screen.txt", "atrous-screen.ans",
                                                   "atrous-screen.svg", "atrous_pytorch.py", "atrous_tensorflow.py",
                                                   "atrous_jax.py", "atrous_numpy.py", "atrous-counts.npy"])
    }

    @Test("the menu closes without writing", arguments: [Key.character("e"), .escape, .character("q")])
    func menuCloses(key: Key) {
        let (effects, state) = Self.press([.character("e"), key])
        #expect(effects.isEmpty)
        #expect(state.mode == .normal)
    }

    @Test func otherKeysDoNothingInTheMenu() {
        let menu = Self.press([.character("e")]).1
        for key: Key in [.character("r"), .up, .enter, .character("x")] { #expect(action(for: key, in: menu) == nil) }
        #expect(action(for: .control("c"), in: menu) == .quit)
    }

    /// "From the explorer, a user exports the output, the session, the screen and a PyTorch
    /// snippet in four keystrokes or fewer each, and sees where each went."
    @Test("output, session, screen and PyTorch each take two keys and say where they went", arguments: [
        (Character("o"), "Wrote the output to atrous-output.npy."),
        ("s", "Saved the session to session.atrous.json."),
        ("g", "Wrote the screen as SVG to atrous-screen.svg."),
        ("p", "Wrote the PyTorch snippet to atrous_pytorch.py with its 3 arrays; run it with python3 atrous_pytorch.py."),
    ])
    func twoKeystrokes(key: Character, message: String) throws {
        let (effects, state) = Self.press([.character("e"), .character(key)])
        guard case let .export(kind, path, false) = try #require(effects.first) else {
            Issue.record("no export asked for")
            return
        }
        let written = [path] + (kind == .snippet(.pytorch) ? SnippetFiles(beside: path, hasBias: false).all : [])
        #expect(stateAfter([.exported(kind, paths: written)], from: state).message == .info(message))
    }

    // MARK: - Overwriting

    @Test func anExistingFileIsAskedAbout() {
        let retry = ExplorerEffect.export(.output, path: "out.npy", overwrite: false)
        let asking = stateAfter([.fileExists(path: "out.npy", retry: retry)])
        #expect(asking.mode == .confirmOverwrite(path: "out.npy", effect: retry))
        #expect(asking.message == .info("out.npy exists; overwrite? (y/n)"))

        let (yes, afterYes) = Self.press([.character("y")], from: asking)
        #expect(yes == [.export(.output, path: "out.npy", overwrite: true)])
        #expect(afterYes.mode == .normal && afterYes.message == nil)

        for key: Key in [.character("n"), .character("N"), .escape, .character("q")] {
            let (no, afterNo) = Self.press([key], from: asking)
            #expect(no.isEmpty)
            #expect(afterNo.mode == .normal)
            #expect(afterNo.message == .info("Kept out.npy; nothing was written."))
        }
        #expect(Self.press([.character("Y")], from: asking).0 == [.export(.output, path: "out.npy", overwrite: true)])
    }

    @Test func theQuestionTakesOnlyYesOrNo() {
        let asking = stateAfter([.fileExists(path: "s.svg", retry: .export(.screen(.svg), path: "s.svg", overwrite: false))])
        for key: Key in [.character("r"), .character(":"), .enter, .up, .character("e")] {
            #expect(action(for: key, in: asking) == nil)
        }
        #expect(action(for: .control("c"), in: asking) == .quit)
        #expect(stateAfter([.dismiss], from: asking).message == .info("Kept s.svg; nothing was written."))
    }

    @Test func answersOutsideTheQuestionDoNothing() {
        var state = ExplorerState()
        #expect(update(&state, .answerOverwrite(true)).isEmpty)
        #expect(state == ExplorerState())
    }

    // MARK: - Results

    @Test("results say where each file went", arguments: [
        (ExportKind.input, ["in.csv"], "Wrote the input to in.csv."),
        (.kernel, ["k.json"], "Wrote the kernel to k.json."),
        (.counts, ["c.npy"], "Wrote the path counts to c.npy."),
        (.session, ["big.atrous.json", "big.input.npy"], "Saved the session to big.atrous.json, its input to big.input.npy."),
        (.screen(.text), ["my shot.txt"], "Wrote the screen as text to 'my shot.txt'."),
        (.screen(.ansi), ["s.ans"], "Wrote the screen as ANSI text to s.ans."),
        (.snippet(.tensorflow), ["t.py", "t.input.npy", "t.kernel.npy", "t.expected.npy"],
         "Wrote the TensorFlow snippet to t.py with its 3 arrays; run it with python3 t.py."),
    ])
    func exportedMessages(kind: ExportKind, paths: [String], message: String) {
        #expect(stateAfter([.exported(kind, paths: paths)]).message == .info(message))
    }

    @Test func failuresShowTheirSentence() {
        #expect(stateAfter([.failed(message: "Cannot write x.npy: permission denied.")]).message
            == .error("Cannot write x.npy: permission denied."))
    }

    @Test func anOpenedSessionReplacesTheStateAndUndoReturns() {
        let before = stateAfter([.setRate(Pair(square: 3)), .move(.right)])
        let opened = stateAfter([.setInputPattern(.checkerboard, size: Pair(square: 12)), .selectChannel(0), .last,
                                 .toggleHelp])
        let after = stateAfter([.sessionOpened(opened, path: "c.atrous.json")], from: before)
        #expect(after.parameters == opened.parameters && after.position == opened.position && after.mode == .help)
        #expect(after.history.undoEntries.count == before.history.undoEntries.count + 1)
        let undone = stateAfter([.toggleHelp, .undo], from: after)
        #expect(undone.parameters == before.parameters && undone.position == before.position)
        #expect(undone.message == .info("Undid open c.atrous.json."))
    }

    // MARK: - Kinds

    @Test("file names choose the kind", arguments: [
        ("a.NPY", ExportKind?.some(.output)), ("dir.v2/a", nil), (".npy", nil), ("a.Atrous.JSON", .session),
        ("notes.md", nil), ("x.svg", .screen(.svg)), ("run.py", .snippet(.numpy)),
    ])
    func kindsByName(path: String, kind: ExportKind?) {
        #expect(ExportKind(path: path) == kind)
    }

    @Test func everyKindHasItsOwnCommandWord() {
        for entry in ExportMenu.entries {
            #expect(ExportKind(commandWord: entry.kind.commandWord) == entry.kind, "\(entry.kind)")
        }
        #expect(ExportKind(commandWord: "TF") == .snippet(.tensorflow))
        #expect(ExportKind(commandWord: "pdf") == nil)
    }

    @Test func sessionInputFilesAreNamedAfterTheSession() {
        #expect(SessionFormat.inputFilePath(forSessionAt: "d/lesson.atrous.json") == "d/lesson.input.npy")
        #expect(SessionFormat.inputFilePath(forSessionAt: "lesson.session") == "lesson.input.npy")
        #expect(SessionFormat.inputFilePath(forSessionAt: "plain.json") == "plain.input.npy")
        #expect(SessionFormat.inputFilePath(forSessionAt: "noext") == "noext.input.npy")
    }
}
