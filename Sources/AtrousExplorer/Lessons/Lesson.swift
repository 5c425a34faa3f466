/// A lesson: a title and steps, each step narration for the class and a script of the explorer.
///
/// Read from Markdown by ``LessonParser``; ``LessonProgress`` opens its steps in the explorer and
/// ``LessonCheck`` runs them all without a terminal.
public struct Lesson: Sendable, Equatable {
    /// The `#` heading.
    public let title: String
    /// The `##` sections, in order; never empty.
    public let steps: [LessonStep]

    public init(title: String, steps: [LessonStep]) {
        self.title = title
        self.steps = steps
    }
}

/// One `##` section: what the class reads, and what the explorer does when the step opens.
public struct LessonStep: Sendable, Equatable {
    /// The heading's text.
    public let title: String
    /// The heading's line in the file, counted from 1.
    public let line: Int
    /// What the narration panel shows, in order (questions among them).
    public let blocks: [LessonBlock]
    /// The step's ```` ```atrous ```` lines in order: commands to run and facts to check.
    public let script: [LessonScriptLine]

    public init(title: String, line: Int, blocks: [LessonBlock], script: [LessonScriptLine]) {
        self.title = title
        self.line = line
        self.blocks = blocks
        self.script = script
    }

    /// The step's questions, in the order their answers are revealed.
    public var questions: [LessonQuestion] {
        blocks.compactMap { if case let .question(question) = $0 { question } else { nil } }
    }

    /// How many facts the step checks.
    public var assertionCount: Int {
        script.filter { if case .assertion = $0.kind { true } else { false } }.count
    }
}

/// A piece of narration.
public enum LessonBlock: Sendable, Equatable {
    /// Running text: consecutive lines joined, with bold and code spans.
    case paragraph([LessonSpan])
    /// One item of a list; `marker` is `•` for `-` and `*` items, or the number written (`1.`).
    case listItem(marker: String, [LessonSpan])
    /// A fenced block other than `atrous`, shown line for line.
    case code([String])
    /// `? question || answer`.
    case question(LessonQuestion)
}

/// A run of text in one style.
public struct LessonSpan: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case plain, bold, code
    }

    public let text: String
    public let style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// A question put to the class, whose answer the explorer shows on a key.
public struct LessonQuestion: Sendable, Equatable {
    public let question: [LessonSpan]
    public let answer: [LessonSpan]
    public let line: Int
}

/// One line of an ```` ```atrous ```` block.
public struct LessonScriptLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// An explorer `:` command, read by ``ExplorerCommand/parse(_:)``.
        case command(ExplorerAction)
        /// A fact about the explorer's state at this point of the script.
        case assertion(LessonAssertion)
    }

    public let kind: Kind
    /// The line as written, for reports.
    public let text: String
    /// Its line in the file, counted from 1.
    public let line: Int
}
