import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("The command line")
struct CommandLineTests {
    @Test func openTypeAndEdit() {
        var state = stateAfter([.openCommandLine])
        #expect(state.mode == .commandLine(CommandLineText()))
        for character in "rte" { update(&state, .editCommandLine(.insert(character))) }
        update(&state, .editCommandLine(.moveLeft))
        update(&state, .editCommandLine(.moveLeft))
        update(&state, .editCommandLine(.insert("a")))
        #expect(state.mode.commandLine?.text == "rate")
        #expect(state.mode.commandLine?.cursor == 2)
        update(&state, .editCommandLine(.moveToEnd))
        update(&state, .editCommandLine(.deleteBackward))
        update(&state, .editCommandLine(.moveToStart))
        update(&state, .editCommandLine(.deleteForward))
        #expect(state.mode.commandLine?.text == "at")
        #expect(state.mode.commandLine?.cursor == 0)
        update(&state, .editCommandLine(.moveRight))
        #expect(state.mode.commandLine?.cursor == 1)
        update(&state, .editCommandLine(.clear))
        #expect(state.mode.commandLine == CommandLineText())
    }

    @Test func backspaceOnAnEmptyLineClosesIt() {
        #expect(stateAfter([.openCommandLine, .editCommandLine(.deleteBackward)]).mode == .normal)
    }

    @Test func editsOutsideTheCommandLineDoNothing() {
        #expect(stateAfter([.editCommandLine(.insert("x"))]) == ExplorerState())
        #expect(stateAfter([.submitCommandLine]) == ExplorerState())
    }

    @Test func submitRunsTheCommand() {
        let submitted = stateAfterCommand("rate 2,3")
        #expect(submitted.mode == .normal)
        #expect(submitted.spec.rate == Pair(2, 3))
        var quitting = stateAfter([.openCommandLine, .editCommandLine(.insert("q"))])
        #expect(update(&quitting, .submitCommandLine) == [.quit])
        var loading = stateAfter([.openCommandLine] + "load a b.npy".map { .editCommandLine(.insert($0)) })
        #expect(update(&loading, .submitCommandLine) == [.loadInput(path: "a b.npy")])
    }

    @Test func submitReportsErrorsInOneSentence() {
        let failed = stateAfterCommand("foo 1")
        #expect(failed.mode == .normal)
        #expect(failed.message == .error("Unknown command 'foo'; type :help for the list."))
        #expect(failed.parameters == ExplorerState().parameters)
    }

    @Test func anEmptyLineDoesNothing() {
        let empty = stateAfterCommand("   ")
        #expect(empty.mode == .normal && empty.message == nil && empty.parameters == ExplorerState().parameters)
    }

    @Test func cancelClosesWithoutRunning() {
        let cancelled = stateAfter([.openCommandLine, .editCommandLine(.insert("q")), .cancelCommandLine])
        #expect(cancelled.mode == .normal)
        #expect(cancelled == stateAfter([]))
    }

    @Test func weightAndGotoThroughCommands() throws {
        let state = stateAfterCommand("goto 3,5", from: stateAfterCommand("weight 1,1 1/4"))
        #expect(state.kernel[1, 1, 0, 0] == 0.25)
        #expect(state.position == GridPosition(row: 3, column: 5))
        let taps = try #require(state.taps)
        #expect(isClose(taps.sum, try #require(outputValue(state, at: state.position))))
    }
}

@Suite("The command parser")
struct CommandParserTests {
    @Test(arguments: [
        ("rate 2,3", ExplorerAction.setRate(Pair(2, 3))),
        ("rate 2", .setRate(Pair(square: 2))),
        (":rate 2x4", .setRate(Pair(2, 4))),
        ("  rate 2, 3  ", .setRate(Pair(2, 3))),
        ("dilation 3", .setRate(Pair(square: 3))),
        ("kernel sobel-x", .setKernelPreset(.sobelX)),
        ("kernel Gaussian", .setKernelPreset(.gaussian)),
        ("kernel random", .setKernelPreset(.random(seed: 1))),
        ("kernel random seed=4", .setKernelPreset(.random(seed: 4))),
        ("kernel 5", .setKernelSize(Pair(square: 5))),
        ("kernel 5x3", .setKernelSize(Pair(5, 3))),
        ("ksize 5x3", .setKernelSize(Pair(5, 3))),
        ("stride 2", .setStride(Pair(square: 2))),
        ("stride 1,2", .setStride(Pair(1, 2))),
        ("padding same", .setPadding(.same)),
        ("padding VALID", .setPadding(.valid)),
        ("padding full", .setPadding(.full)),
        ("pad causal", .setPadding(.causal)),
        ("padding 1,2,0,1", .setPadding(.explicit(top: 1, bottom: 2, left: 0, right: 1))),
        ("padding 1, 2, 0, 1", .setPadding(.explicit(top: 1, bottom: 2, left: 0, right: 1))),
        ("padding 2", .setPadding(.explicit(top: 2, bottom: 2, left: 2, right: 2))),
        ("fill reflect", .setFill(.reflect)),
        ("fill Circular", .setFill(.circular)),
        ("input checkerboard 16x16", .setInputPattern(.checkerboard, size: Pair(16, 16))),
        ("input random 12x12 seed=7", .setInputPattern(.random(seed: 7), size: Pair(12, 12))),
        ("input random seed=7", .setInputPattern(.random(seed: 7), size: nil)),
        // The colon form --input takes reads the same.
        ("input random:12x12:seed=7", .setInputPattern(.random(seed: 7), size: Pair(12, 12))),
        ("input random:100000x100000", .setInputPattern(.random(seed: 1), size: Pair(100_000, 100_000))),
        ("input glyph char=a 7", .setInputPattern(.glyph("A"), size: Pair(square: 7))),
        ("input impulse", .setInputPattern(.impulse, size: nil)),
        ("input ramp 3,4", .setInputPattern(.ramp, size: Pair(3, 4))),
        ("load data/x.npy", .loadInput(path: "data/x.npy")),
        ("load my map.csv", .loadInput(path: "my map.csv")),
        ("weight 0,2 -0.5", .setWeight(row: 0, column: 2, value: -0.5)),
        ("weight 1,1 1/9", .setWeight(row: 1, column: 1, value: 1.0 / 9)),
        ("weight 3", .setSelectedWeight(3)),
        ("weight 1e-2", .setSelectedWeight(0.01)),
        ("goto 4,7", .selectOutputCell(row: 4, column: 7)),
        ("goto 4, 7", .selectOutputCell(row: 4, column: 7)),
        ("reach -1,0", .selectInputCell(row: -1, column: 0)),
        ("channel 2", .selectChannel(2)),
        ("undo", .undo),
        ("redo", .redo),
        ("help", .toggleHelp),
        ("q", .quit),
        ("quit", .quit),
        ("QUIT", .quit),
    ])
    func parses(line: String, expected: ExplorerAction) throws {
        #expect(try ExplorerCommand.parse(line) == expected)
    }

    @Test(arguments: [
        ("foo", CommandError.unknownCommand("foo"), "Unknown command 'foo'; type :help for the list."),
        ("rate", .missingArgument(command: "rate", usage: ":rate R[,C]"), "The :rate command needs a value; write :rate R[,C]."),
        ("rate 2;3", .invalidArgument(command: "rate", argument: "2;3", usage: ":rate R[,C]"),
         "Cannot read '2;3' for :rate; write :rate R[,C]."),
        ("kernel blur", .unknownKernel("blur"),
         "Unknown kernel 'blur'; use a size such as 5 or 5x3, or one of box, identity, gaussian, sobel-x, sobel-y, laplacian or random."),
        ("kernel box seed=3", .invalidArgument(command: "kernel", argument: "seed=3", usage: ":kernel SIZE|PRESET|FILE [seed=N]"),
         "Cannot read 'seed=3' for :kernel; write :kernel SIZE|PRESET|FILE [seed=N]."),
        ("padding middle", .invalidArgument(command: "padding", argument: "middle",
                                            usage: ":padding valid|same|full|causal|T,B,L,R"),
         "Cannot read 'middle' for :padding; write :padding valid|same|full|causal|T,B,L,R."),
        ("fill mirror", .unknownFill("mirror"), "Unknown fill 'mirror'; use zeros, reflect, replicate or circular."),
        ("input noise", .unknownPattern("noise"),
         "Unknown input pattern 'noise'; use impulse, checkerboard, ramp, random or glyph."),
        ("input ramp seed=2", .invalidArgument(command: "input", argument: "seed=2",
                                               usage: ":input PATTERN [HxW] [seed=N] [char=C]"),
         "Cannot read 'seed=2' for :input; write :input PATTERN [HxW] [seed=N] [char=C]."),
        ("load", .missingArgument(command: "load", usage: ":load FILE"), "The :load command needs a value; write :load FILE."),
        ("weight 1,1 x", .invalidArgument(command: "weight", argument: "x", usage: ":weight [ROW,COL] VALUE"),
         "Cannot read 'x' for :weight; write :weight [ROW,COL] VALUE."),
        ("weight 1/0", .invalidArgument(command: "weight", argument: "1/0", usage: ":weight [ROW,COL] VALUE"),
         "Cannot read '1/0' for :weight; write :weight [ROW,COL] VALUE."),
        ("goto 4", .invalidArgument(command: "goto", argument: "4", usage: ":goto ROW,COL"),
         "Cannot read '4' for :goto; write :goto ROW,COL."),
        ("channel one", .invalidArgument(command: "channel", argument: "one", usage: ":channel N"),
         "Cannot read 'one' for :channel; write :channel N."),
        ("quit now", .invalidArgument(command: "quit", argument: "now", usage: ":quit"),
         "Cannot read 'now' for :quit; write :quit."),
    ])
    func refuses(line: String, expected: CommandError, sentence: String) {
        #expect(throws: expected) { try ExplorerCommand.parse(line) }
        #expect(expected.description == sentence)
    }

    @Test func emptyLinesParseToNothing() throws {
        #expect(try ExplorerCommand.parse("") == nil)
        #expect(try ExplorerCommand.parse(" : ") == nil)
    }

    @Test func commandNamesAreUnique() {
        let names = ExplorerCommand.all.flatMap(\.names)
        #expect(Set(names).count == names.count)
        #expect(ExplorerCommand.all.allSatisfy { $0.usage.hasPrefix(":" + $0.names[0]) && !$0.summary.isEmpty })
    }
}

@Suite("Messages quote typed text as plain text")
struct MessageEscapingTests {
    @Test("a typed command holding an escape sequence shows it escaped on the message line")
    func typedEscape() throws {
        var state = ExplorerState()
        _ = update(&state, .openCommandLine)
        for character in "\u{1B}[31mred\u{202E}" { _ = update(&state, .editCommandLine(.insert(character))) }
        _ = update(&state, .submitCommandLine)
        let text = try #require(state.message?.text)
        #expect(text.contains("\\x1B[31mred\\u{202E}"), "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E })
    }
}
