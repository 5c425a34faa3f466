/// A key of normal mode, what it does and how help and the footer describe it. ``table`` is
/// the single source that ``action(for:in:)``, the help overlay and the footer all read.
public struct KeyBinding: Sendable, Equatable {
    /// The help section a binding is listed under, in display order.
    public enum Group: String, Sendable, Hashable, CaseIterable {
        case move = "Move"
        case layer = "Layer"
        case kernel = "Kernel"
        case input = "Input"
        case stack = "Stack"
        case play = "Play"
        case lesson = "Lesson"
        case program = "Program"
    }

    /// Every key that triggers the binding; the first is the one shown in the footer.
    public let keys: [Key]
    /// The keys as help writes them, e.g. `↑ k`.
    public let label: String
    /// What the key does, e.g. `rate up (both axes)`.
    public let summary: String
    /// A word for the footer, or nil to leave the binding out of it. Consecutive bindings
    /// with the same word share one footer hint (`r/R rate`).
    public let footerWord: String?
    public let group: Group
    public let action: ExplorerAction

    public init(_ keys: [Key], _ label: String, _ summary: String, footer: String? = nil, group: Group,
                action: ExplorerAction) {
        self.keys = keys
        self.label = label
        self.summary = summary
        footerWord = footer
        self.group = group
        self.action = action
    }
}

/// A compact hint for the footer: keys and one word, e.g. `r/R` and `rate`.
public struct FooterHint: Sendable, Hashable {
    public let keys: String
    public let word: String
}

extension KeyBinding {
    /// Every normal-mode key.
    public static let table: [KeyBinding] = [
        KeyBinding([.up, .character("k")], "↑ k", "move up", group: .move, action: .move(.up)),
        KeyBinding([.down, .character("j")], "↓ j", "move down", group: .move, action: .move(.down)),
        KeyBinding([.left, .character("h")], "← h", "move left", group: .move, action: .move(.left)),
        KeyBinding([.right, .character("l")], "→ l", "move right", group: .move, action: .move(.right)),
        KeyBinding([.character("n"), .tab], "n Tab", "next cell", footer: "step", group: .move, action: .step(.forward)),
        KeyBinding([.character("p"), .backTab], "p S-Tab", "previous cell", footer: "step", group: .move,
                   action: .step(.backward)),
        KeyBinding([.character("g"), .home], "g Home", "first cell", group: .move, action: .first),
        KeyBinding([.character("G"), .end], "G End", "last cell", group: .move, action: .last),

        KeyBinding([.character("r")], "r", "rate up (both axes)", footer: "rate", group: .layer,
                   action: .adjustRate(by: 1, axis: nil)),
        KeyBinding([.character("R")], "R", "rate down", footer: "rate", group: .layer,
                   action: .adjustRate(by: -1, axis: nil)),
        KeyBinding([.character("z")], "z", "kernel size up (both axes)", footer: "size", group: .layer,
                   action: .adjustKernelSize(by: 1, axis: nil)),
        KeyBinding([.character("Z")], "Z", "kernel size down", footer: "size", group: .layer,
                   action: .adjustKernelSize(by: -1, axis: nil)),
        KeyBinding([.character("s")], "s", "stride up (both axes)", footer: "stride", group: .layer,
                   action: .adjustStride(by: 1, axis: nil)),
        KeyBinding([.character("S")], "S", "stride down", footer: "stride", group: .layer,
                   action: .adjustStride(by: -1, axis: nil)),
        KeyBinding([.character("a")], "a", "padding: valid, same, full (causal for 1-row kernels)", footer: "pad", group: .layer,
                   action: .cyclePadding(.forward)),
        KeyBinding([.character("A")], "A", "padding backwards", footer: "pad", group: .layer,
                   action: .cyclePadding(.backward)),
        KeyBinding([.character("f")], "f", "fill: zeros, reflect, replicate, circular", footer: "fill", group: .layer,
                   action: .cycleFill(.forward)),
        KeyBinding([.character("F")], "F", "fill backwards", footer: "fill", group: .layer, action: .cycleFill(.backward)),

        KeyBinding([.character("w")], "w", "next kernel preset", footer: "kernel", group: .kernel,
                   action: .cycleKernelPreset(.forward)),
        KeyBinding([.character("W")], "W", "previous kernel preset", footer: "kernel", group: .kernel,
                   action: .cycleKernelPreset(.backward)),
        KeyBinding([.character("]")], "]", "select next weight (set it with :weight V)", group: .kernel,
                   action: .stepWeight(.forward)),
        KeyBinding([.character("[")], "[", "select previous weight", group: .kernel, action: .stepWeight(.backward)),

        KeyBinding([.character("i")], "i", "next input pattern", footer: "input", group: .input,
                   action: .cycleInputPattern(.forward)),
        KeyBinding([.character("I")], "I", "previous input pattern", footer: "input", group: .input,
                   action: .cycleInputPattern(.backward)),
        KeyBinding([.character("d")], "d", "new random seed (roll the dice)", group: .input, action: .reseed),
        KeyBinding([.character("c")], "c", "next channel", group: .input, action: .stepChannel(.forward)),
        KeyBinding([.character("C")], "C", "previous channel", group: .input, action: .stepChannel(.backward)),

        KeyBinding([.character("v")], "v", "receptive-field view of the layer stack", footer: "stack", group: .stack,
                   action: .toggleStackView),
        KeyBinding([.character("}")], "}", "next layer (the keys above edit the selected one)", group: .stack,
                   action: .stepLayer(.forward)),
        KeyBinding([.character("{")], "{", "previous layer", group: .stack, action: .stepLayer(.backward)),
        KeyBinding([.character("o")], "o", "add a copy of the selected layer after it", group: .stack,
                   action: .addLayer(nil)),
        KeyBinding([.character("x")], "x", "remove the selected layer", group: .stack, action: .removeLayer),
        KeyBinding([.character("K")], "K", "move the field's output cell up", group: .stack, action: .moveStackCell(.up)),
        KeyBinding([.character("J")], "J", "move the field's output cell down", group: .stack,
                   action: .moveStackCell(.down)),
        KeyBinding([.character("H")], "H", "move the field's output cell left", group: .stack,
                   action: .moveStackCell(.left)),
        KeyBinding([.character("L")], "L", "move the field's output cell right", group: .stack,
                   action: .moveStackCell(.right)),
        KeyBinding([.character("O")], "O", "layers overview: every layer's output and the cone (own scales, one scale, off)",
                   group: .stack, action: .cycleLayersOverview),
        KeyBinding([.character("T")], "T", "follow the selected weight's tap into the previous layer", group: .stack,
                   action: .followTap),

        KeyBinding([.character(" ")], "Space", "play / pause", footer: "play", group: .play, action: .togglePlay),
        KeyBinding([.character("+"), .character("=")], "+", "faster", group: .play, action: .changeSpeed(.forward)),
        KeyBinding([.character("-")], "-", "slower", group: .play, action: .changeSpeed(.backward)),

        KeyBinding([.pageDown, .character(">")], "PgDn >", "lesson: next step", footer: "lesson", group: .lesson,
                   action: .stepLesson(.forward)),
        KeyBinding([.pageUp, .character("<")], "PgUp <", "lesson: previous step (restored as it opened)", footer: "lesson",
                   group: .lesson, action: .stepLesson(.backward)),
        KeyBinding([.enter], "Enter", "lesson: show the next answer", footer: "answer", group: .lesson,
                   action: .revealAnswer),
        KeyBinding([.character("m")], "m", "lesson: next page of the narration", footer: "page", group: .lesson,
                   action: .turnNarration(by: 1)),
        KeyBinding([.character("M")], "M", "lesson: previous page of the narration", footer: "page", group: .lesson,
                   action: .turnNarration(by: -1)),

        KeyBinding([.character(":")], ":", "command line (:help lists commands)", footer: "cmd", group: .program,
                   action: .openCommandLine),
        KeyBinding([.character("e")], "e", "export menu: output, session, screen, code", footer: "export",
                   group: .program, action: .toggleExportMenu),
        KeyBinding([.character("u")], "u", "undo", footer: "undo", group: .program, action: .undo),
        KeyBinding([.control("r")], "C-r", "redo", group: .program, action: .redo),
        KeyBinding([.character("t")], "t", "the whole sum as a table (:sum)", group: .program, action: .showPage(.sum)),
        KeyBinding([.character("N")], "N", "every framework note that applies (:notes)", group: .program,
                   action: .showPage(.notes)),
        KeyBinding([.character("?")], "?", "help", footer: "help", group: .program, action: .toggleHelp),
        KeyBinding([.escape], "Esc", "clear message and picked input cell", group: .program, action: .dismiss),
        KeyBinding([.character("q"), .control("c")], "q C-c", "quit", footer: "quit", group: .program, action: .quit),
    ]

    /// The footer's hints in table order: bindings with a footer word, consecutive ones
    /// sharing a word joined (`r/R rate`).
    public static var footerHints: [FooterHint] {
        var hints: [FooterHint] = []
        var previousWord: String?
        for binding in table {
            guard let word = binding.footerWord, let key = binding.keys.first else {
                previousWord = nil
                continue
            }
            let name = footerName(of: key)
            if word == previousWord, let last = hints.popLast() {
                hints.append(FooterHint(keys: last.keys + "/" + name, word: word))
            } else {
                hints.append(FooterHint(keys: name, word: word))
            }
            previousWord = word
        }
        return hints
    }

    /// A key as the footer writes it.
    private static func footerName(of key: Key) -> String {
        switch key {
        case .character(" "): "Spc"
        case .pageDown: "PgDn"
        case .pageUp: "PgUp"
        case .enter: "Enter"
        case let .character(character): String(character)
        case let .control(character): "C-\(character)"
        default: "\(key)"
        }
    }
}
