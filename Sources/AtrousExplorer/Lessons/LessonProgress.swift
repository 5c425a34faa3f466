/// A lesson open in the explorer: which step shows, how many of its answers are revealed, how
/// far its narration is scrolled, and what its script reported when the step opened.
///
/// Each step opens from the explorer's built-in example, never from what the class explored
/// since, so a step always looks the same, returning to it restores it, and steps can be
/// reordered. The opened states are kept as the steps are first opened.
public struct LessonProgress: Sendable, Equatable {
    public let lesson: Lesson
    /// The step shown, counted from 0.
    public internal(set) var step = 0
    /// How many of the step's questions show their answer.
    public internal(set) var revealed = 0
    /// The page of the narration shown, counted from 0 and taken modulo the pages the narration
    /// fills at the screen's size (the renderer knows that count), so paging on from the last
    /// page returns to the first.
    public internal(set) var page = 0
    /// Each step's state and report as it opened, by step; nil until first opened.
    var openings: [LessonOpening?]

    init(lesson: Lesson) {
        self.lesson = lesson
        openings = Array(repeating: nil, count: lesson.steps.count)
    }

    /// The step shown.
    public var currentStep: LessonStep { lesson.steps[step] }
    /// What went wrong when the shown step opened: commands refused and facts that do not hold.
    public var failures: [LessonFailure] { openings[step]?.failures ?? [] }
}

/// A step as it opened: the explorer's state after its script, and what failed on the way.
struct LessonOpening: Sendable, Equatable {
    let state: ExplorerState
    let failures: [LessonFailure]
}

/// A command the explorer refused, or a fact that does not hold, with its line.
public struct LessonFailure: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    /// The line as written in the lesson.
    public let text: String
    /// What the explorer said or showed instead, one sentence.
    public let reason: String

    /// `Line 14: :assert output 9x9: the output is 9x8, not 9x9.`
    public var description: String { "Line \(line): \(text): \(lowercasingFirst(reason))" }
}

extension LessonStep {
    /// Runs the step's script on `start`: each command through ``update(_:_:)`` as if typed on
    /// the command line, each fact checked where it stands.
    ///
    /// - Returns: the state the step shows, with no undo history (undo stays within the step),
    ///   and every command that ended in an error and every fact that does not hold.
    func open(from start: ExplorerState) -> LessonOpening {
        var state = start
        var failures: [LessonFailure] = []
        for line in script {
            switch line.kind {
            case let .command(action):
                let before = state.message
                update(&state, action)
                // An error the command left, not one that was already showing (an impossible
                // layer stays said until a command makes it possible, and is reported once).
                if let message = state.message, message.kind == .error, message != before {
                    failures.append(LessonFailure(line: line.line, text: line.text, reason: message.text))
                }
            case let .assertion(assertion):
                if let reason = assertion.failure(in: state) {
                    failures.append(LessonFailure(line: line.line, text: line.text, reason: reason))
                }
            }
        }
        state.history = UndoHistory()
        return LessonOpening(state: state, failures: failures)
    }
}

/// Runs a whole lesson without a terminal, as `atrous lesson --check` does.
public enum LessonCheck {
    /// Opens every step, as the explorer would.
    ///
    /// - Returns: every failure of every step, in the order of the file.
    public static func run(_ lesson: Lesson) -> [LessonFailure] {
        lesson.steps.flatMap { $0.open(from: ExplorerState()).failures }
    }
}

extension LessonProgress {
    /// The step `index` as it opens from the built-in example, opened once and kept.
    mutating func opening(_ index: Int) -> LessonOpening {
        if let opening = openings[index] { return opening }
        let opening = lesson.steps[index].open(from: ExplorerState())
        openings[index] = opening
        return opening
    }
}
