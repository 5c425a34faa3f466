import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("The key map")
struct KeyMapTests {
    @Test(arguments: [
        (Key.up, ExplorerAction.move(.up)), (.character("k"), .move(.up)),
        (.down, .move(.down)), (.character("j"), .move(.down)),
        (.left, .move(.left)), (.character("h"), .move(.left)),
        (.right, .move(.right)), (.character("l"), .move(.right)),
        (.character("n"), .step(.forward)), (.tab, .step(.forward)),
        (.character("p"), .step(.backward)), (.backTab, .step(.backward)),
        (.character("g"), .first), (.home, .first), (.character("G"), .last), (.end, .last),
        (.character(" "), .togglePlay), (.character("+"), .changeSpeed(.forward)), (.character("="), .changeSpeed(.forward)),
        (.character("-"), .changeSpeed(.backward)),
        (.character("r"), .adjustRate(by: 1, axis: nil)), (.character("R"), .adjustRate(by: -1, axis: nil)),
        (.character("z"), .adjustKernelSize(by: 1, axis: nil)), (.character("Z"), .adjustKernelSize(by: -1, axis: nil)),
        (.character("s"), .adjustStride(by: 1, axis: nil)), (.character("S"), .adjustStride(by: -1, axis: nil)),
        (.character("a"), .cyclePadding(.forward)), (.character("A"), .cyclePadding(.backward)),
        (.character("f"), .cycleFill(.forward)), (.character("F"), .cycleFill(.backward)),
        (.character("w"), .cycleKernelPreset(.forward)), (.character("W"), .cycleKernelPreset(.backward)),
        (.character("]"), .stepWeight(.forward)), (.character("["), .stepWeight(.backward)),
        (.character("i"), .cycleInputPattern(.forward)), (.character("I"), .cycleInputPattern(.backward)),
        (.character("d"), .reseed), (.character("c"), .stepChannel(.forward)), (.character("C"), .stepChannel(.backward)),
        (.character("?"), .toggleHelp), (.character("u"), .undo), (.control("r"), .redo),
        (.character(":"), .openCommandLine), (.escape, .dismiss), (.character("e"), .toggleExportMenu),
        (.character("q"), .quit), (.control("c"), .quit),
        (.character("t"), .showPage(.sum)), (.character("N"), .showPage(.notes)),
        (.character("v"), .toggleStackView), (.character("}"), .stepLayer(.forward)),
        (.character("{"), .stepLayer(.backward)), (.character("o"), .addLayer(nil)), (.character("x"), .removeLayer),
        (.character("K"), .moveStackCell(.up)), (.character("J"), .moveStackCell(.down)),
        (.character("H"), .moveStackCell(.left)), (.character("L"), .moveStackCell(.right)),
        (.pageDown, .stepLesson(.forward)), (.character(">"), .stepLesson(.forward)),
        (.pageUp, .stepLesson(.backward)), (.character("<"), .stepLesson(.backward)), (.enter, .revealAnswer),
        (.character("m"), .turnNarration(by: 1)), (.character("M"), .turnNarration(by: -1)),
    ])
    func normalMode(key: Key, expected: ExplorerAction) {
        #expect(action(for: key, in: ExplorerState()) == expected)
    }

    @Test func unboundKeysDoNothing() {
        for key: Key in [.character("y"), .character("7"), .function(5), .delete, .character("b")] {
            #expect(action(for: key, in: ExplorerState()) == nil)
        }
    }

    @Test func everyKeyIsBoundOnce() {
        let keys = KeyBinding.table.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }

    @Test func theTableDrivesTheMap() {
        for binding in KeyBinding.table {
            for key in binding.keys { #expect(action(for: key, in: ExplorerState()) == binding.action) }
        }
    }

    @Test func everyGroupHasBindings() {
        for group in KeyBinding.Group.allCases { #expect(KeyBinding.table.contains { $0.group == group }) }
    }

    @Test func footerHintsJoinPairs() {
        let hints = KeyBinding.footerHints
        #expect(hints.contains(FooterHint(keys: "r/R", word: "rate")))
        #expect(hints.contains(FooterHint(keys: "n/p", word: "step")))
        #expect(hints.contains(FooterHint(keys: "Spc", word: "play")))
        #expect(hints.contains(FooterHint(keys: "?", word: "help")))
        #expect(hints.contains(FooterHint(keys: "q", word: "quit")))
        #expect(hints.contains(FooterHint(keys: "v", word: "stack")))
        #expect(Set(hints.map(\.word)).count == hints.count)
    }

    @Test(arguments: [
        (Key.character("x"), ExplorerAction.editCommandLine(.insert("x"))),
        (.character("q"), .editCommandLine(.insert("q"))),
        (.enter, .submitCommandLine), (.escape, .cancelCommandLine),
        (.backspace, .editCommandLine(.deleteBackward)), (.delete, .editCommandLine(.deleteForward)),
        (.left, .editCommandLine(.moveLeft)), (.right, .editCommandLine(.moveRight)),
        (.home, .editCommandLine(.moveToStart)), (.end, .editCommandLine(.moveToEnd)),
        (.control("a"), .editCommandLine(.moveToStart)), (.control("e"), .editCommandLine(.moveToEnd)),
        (.control("u"), .editCommandLine(.clear)), (.control("c"), .quit),
    ])
    func commandLineMode(key: Key, expected: ExplorerAction) {
        #expect(action(for: key, in: stateAfter([.openCommandLine])) == expected)
    }

    @Test(arguments: [
        (Key.character("?"), ExplorerAction?.some(.toggleHelp)), (.escape, .toggleHelp), (.character("q"), .toggleHelp),
        (.enter, .toggleHelp), (.character("r"), nil), (.left, nil), (.control("c"), .quit),
        (.up, .scrollHelp(by: -1)), (.character("j"), .scrollHelp(by: 1)), (.pageDown, .scrollHelp(by: 19)),
        (.character(" "), .scrollHelp(by: 19)), (.character("b"), .scrollHelp(by: -19)),
    ])
    func helpMode(key: Key, expected: ExplorerAction?) {
        #expect(action(for: key, in: stateAfter([.toggleHelp])) == expected)
    }

    /// A page key scrolls by the lines the help box shows on that terminal, not a fixed 10.
    @Test(arguments: [(24, 19), (45, 40), (60, 55)])
    func helpPagesByAPageOfTheScreen(rows: Int, lines: Int) {
        #expect(helpPageLines(screenRows: rows) == lines)
        #expect(action(for: .pageDown, in: stateAfter([.toggleHelp]), screenRows: rows) == .scrollHelp(by: lines))
        #expect(action(for: .pageUp, in: stateAfter([.toggleHelp]), screenRows: rows) == .scrollHelp(by: -lines))
    }

    @Test func sumAndNotesOpenTheirPageAndTheSameKeyClosesIt() {
        let sum = stateAfter([.showPage(.sum)])
        #expect(sum.mode == .help && sum.helpPage == .sum)
        #expect(stateAfter([.showPage(.sum)], from: sum).mode == .normal)
        let notes = stateAfter([.showPage(.notes)], from: sum)
        #expect(notes.mode == .help && notes.helpPage == .notes)
        #expect(stateAfter([.toggleHelp]).helpPage == .keys)
        #expect(stateAfterCommand("sum").helpPage == .sum)
        #expect(stateAfterCommand("notes").helpPage == .notes)
    }

    @Test func typingACommandThroughKeys() {
        var state = ExplorerState()
        let keys: [Key] = [.character(":")] + "stride 2".map { .character($0) } + [.enter]
        for key in keys { if let keyAction = action(for: key, in: state) { update(&state, keyAction) } }
        #expect(state.spec.stride == Pair(square: 2))
        #expect(state.mode == .normal)
    }

    @Test func helpScrollStaysInsideTheHelpAndRestartsAtTheTop() {
        var state = stateAfter([.toggleHelp, .scrollHelp(by: 3)])
        #expect(state.helpScroll == 3)
        update(&state, .scrollHelp(by: -10))
        #expect(state.helpScroll == 0)
        update(&state, .scrollHelp(by: 1000))
        #expect(state.helpScroll == HelpTopic.lineCount - 1)
        update(&state, .toggleHelp)
        update(&state, .toggleHelp)
        #expect(state.helpScroll == 0)
        update(&state, .toggleHelp)
        update(&state, .scrollHelp(by: 2))
        #expect(state.helpScroll == 0, "the help scrolls only while it is open")
    }

    @Test func helpListsEveryKeyAndEveryCommand() {
        #expect(HelpTopic.all.count == KeyBinding.table.count + ExplorerCommand.all.count + HelpTopic.marks.count)
        #expect(HelpTopic.all.filter { $0.group == HelpTopic.commandGroup }.map(\.keys) == ExplorerCommand.all.map(\.usage))
        // The key groups and the commands, each with a heading, blank lines between.
        let groups = KeyBinding.Group.allCases.count + 2
        #expect(HelpTopic.lineCount == HelpTopic.all.count + groups + (groups - 1))
    }
}

/// `:shape` opens the page that derives the output size; `atrous shape` prints the same lines.
struct ShapePageTests {
    @Test func shapeOpensItsPage() {
        let state = stateAfterCommand("shape")
        #expect(state.mode == .help && state.helpPage == .shape)
        #expect(stateAfter([.showPage(.shape)], from: state).mode == .normal)
    }

    @Test func theDerivationMatchesTheGeometry() throws {
        let geometry = try ConvolutionGeometry(inputSize: Pair(square: 48),
                                               spec: LayerSpec(kernelSize: Pair(square: 5), stride: Pair(square: 2),
                                                               padding: .same))
        #expect(geometry.rows.derivation(padding: .same) == [
            "k_eff = k = 5",
            "out = ceil(48/2) = 24; total pad = max((24-1)*2 + 5 - 48, 0) = 3 -> 1 top, 2 bottom (the odd cell bottom)",
        ])
        #expect(geometry.columns.derivation(padding: .same)[1].hasSuffix("-> 1 left, 2 right (the odd cell right)"))
    }
}
