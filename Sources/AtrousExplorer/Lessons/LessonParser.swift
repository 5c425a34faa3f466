/// Reads a lesson from its Markdown text: a small subset that reads well on its own.
///
/// - `# Title` once, first; `## Step title` starts each step.
/// - Paragraphs (lines joined until a blank line), list items (`- `, `* `, `1. `; indented lines
///   continue them), `**bold**` and `` `code` `` inside them.
/// - Fenced blocks: ```` ```atrous ```` holds one explorer `:` command per line, run when the step
///   opens, and `:assert` lines (``LessonAssertion``); any other fence is shown as it is.
/// - `? question || answer`: a question whose answer the explorer shows on a key.
///
/// Text before the first step belongs to the first step. Commands that read or write files or
/// quit are refused, so a lesson runs the same on every machine. Pure: the caller reads the file.
public enum LessonParser {
    /// - Throws: ``LessonError``, the first problem with its line.
    public static func parse(_ text: String) throws(LessonError) -> Lesson {
        var reader = Reader()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        for (index, line) in lines.enumerated() {
            do {
                try reader.read(line, number: index + 1)
            } catch {
                throw LessonError(line: error.line ?? index + 1, sentence: error.sentence)
            }
        }
        return try reader.finish(lineCount: lines.count)
    }
}

/// The parser's state between lines.
private struct Reader {
    var title: String?
    var steps: [LessonStep] = []
    /// The step being read: its heading, blocks and script so far.
    var stepTitle: String?
    var stepLine = 0
    var blocks: [LessonBlock] = []
    var script: [LessonScriptLine] = []
    /// The paragraph or list item being read, with the line it started on.
    var pending: (marker: String?, text: String, line: Int)?
    /// An open fence: its language and its first line; nil outside a fence.
    var fence: (language: String, line: Int)?
    var codeLines: [String] = []

    mutating func read(_ line: String, number: Int) throws(LessonSyntaxError) {
        let trimmed = line.strippingSpaces()
        if let open = fence {
            if trimmed.hasPrefix("```") {
                guard trimmed == "```" else { throw LessonSyntaxError("A fence closes with ``` alone on its line.") }
                if open.language != "atrous" { blocks.append(.code(codeLines)) }
                fence = nil
                codeLines = []
            } else if open.language == "atrous" {
                guard !trimmed.hasPrefix("#") else {
                    throw LessonSyntaxError("The ```atrous block opened on line \(open.line) is not closed before "
                        + "this heading; end it with a line of ```.")
                }
                try readScript(trimmed, number: number)
            } else {
                codeLines.append(line)
            }
            return
        }
        if trimmed.hasPrefix("```") {
            try flush()
            try requireTitle()
            fence = (String(trimmed.dropFirst(3)).strippingSpaces().lowercased(), number)
            return
        }
        if trimmed.isEmpty {
            try flush()
            return
        }
        if trimmed.hasPrefix("#") {
            try flush()
            try readHeading(trimmed, number: number)
            return
        }
        try requireTitle()
        if trimmed.hasPrefix(":") {
            throw LessonSyntaxError("A ':' line belongs inside an ```atrous block, where the step runs it.")
        }
        if trimmed.hasPrefix("?") {
            try flush()
            try readQuestion(trimmed, number: number)
            return
        }
        if let (marker, text) = listItem(trimmed) {
            try flush()
            pending = (marker, text, number)
            return
        }
        if var current = pending {
            current.text += " " + trimmed
            pending = current
        } else {
            pending = (nil, trimmed, number)
        }
    }

    mutating func finish(lineCount: Int) throws(LessonError) -> Lesson {
        if let fence {
            throw LessonError(line: fence.line, sentence: "The ``` block opened here is never closed; end it with a line of ```.")
        }
        do {
            try flush()
        } catch {
            throw LessonError(line: error.line ?? lineCount, sentence: error.sentence)
        }
        guard let title else {
            throw LessonError(line: 1, sentence: "A lesson starts with its title, written # Title.")
        }
        closeStep()
        guard !steps.isEmpty else {
            throw LessonError(line: lineCount, sentence: "The lesson has no step; start one with ## Step title.")
        }
        return Lesson(title: title, steps: steps)
    }

    // MARK: - Lines

    private mutating func readHeading(_ text: String, number: Int) throws(LessonSyntaxError) {
        let level = text.prefix { $0 == "#" }.count
        let words = text.dropFirst(level).strippingSpaces()
        guard level <= 2, text.dropFirst(level).first == " ", !words.isEmpty else {
            throw LessonSyntaxError("Only '# Title' (the lesson's) and '## Step title' headings make a lesson.")
        }
        if level == 1 {
            guard title == nil else { throw LessonSyntaxError("A lesson has one '# Title'; start a step with '## '.") }
            guard steps.isEmpty, stepTitle == nil, blocks.isEmpty, script.isEmpty else {
                throw LessonSyntaxError("The '# Title' comes first, before any text.")
            }
            title = try inline(words)
                .map(\.text).joined()
            return
        }
        try requireTitle()
        closeStep()
        stepTitle = try inline(words).map(\.text).joined()
        stepLine = number
    }

    private mutating func readScript(_ text: String, number: Int) throws(LessonSyntaxError) {
        guard !text.isEmpty else { return }
        var body = Substring(text)
        while body.first == ":" { body.removeFirst() }
        let word = body.prefix { $0 != " " }.lowercased()
        if word == "assert" {
            let fact = body.dropFirst(word.count).strippingSpaces()
            script.append(LessonScriptLine(kind: .assertion(try LessonAssertion.parse(fact)), text: text, line: number))
            return
        }
        let action: ExplorerAction
        do {
            guard let parsed = try ExplorerCommand.parse(text) else { return }
            action = parsed
        } catch {
            throw LessonSyntaxError(error.description)
        }
        guard !action.leavesTheExplorer else {
            throw LessonSyntaxError("':\(word)' reads or writes a file, opens a menu or quits, which a lesson step "
                + "cannot do; use the explorer's built-in inputs and kernels.")
        }
        guard !action.movesThroughALesson else {
            throw LessonSyntaxError("':\(word)' moves through the lesson, which a step's script cannot do; "
                + "each step opens from the built-in example.")
        }
        script.append(LessonScriptLine(kind: .command(action), text: text, line: number))
    }

    private mutating func readQuestion(_ text: String, number: Int) throws(LessonSyntaxError) {
        let body = text.dropFirst().strippingSpaces()
        guard let bar = body.firstRange(of: "||") else {
            throw LessonSyntaxError("A question needs its answer after ||, as in '? question || answer'.")
        }
        let question = body[..<bar.lowerBound].strippingSpaces()
        let answer = body[bar.upperBound...].strippingSpaces()
        guard !question.isEmpty, !answer.isEmpty else {
            throw LessonSyntaxError("A question needs text on both sides of ||, as in '? question || answer'.")
        }
        blocks.append(.question(LessonQuestion(question: try inline(question), answer: try inline(answer), line: number)))
    }

    // MARK: - Blocks

    private mutating func flush() throws(LessonSyntaxError) {
        guard let current = pending else { return }
        let spans: [LessonSpan]
        do {
            spans = try inline(current.text)
        } catch {
            throw LessonSyntaxError(error.sentence, line: current.line)
        }
        pending = nil
        blocks.append(current.marker.map { .listItem(marker: $0, spans) } ?? .paragraph(spans))
    }

    private mutating func closeStep() {
        guard let stepTitle else { return }
        steps.append(LessonStep(title: stepTitle, line: stepLine, blocks: blocks, script: script))
        self.stepTitle = nil
        blocks = []
        script = []
    }

    private func requireTitle() throws(LessonSyntaxError) {
        guard title != nil else { throw LessonSyntaxError("A lesson starts with its title, written # Title.") }
    }

    /// `- text`, `* text` or `12. text`: the marker shown and the text.
    private func listItem(_ text: String) -> (String, String)? {
        if text.hasPrefix("- ") || text.hasPrefix("* ") { return ("•", text.dropFirst(2).strippingSpaces()) }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, text.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return (digits + ".", text.dropFirst(digits.count + 2).strippingSpaces())
    }

    /// `**bold**` and `` `code` `` spans; a marker left open is an error.
    private func inline(_ text: String) throws(LessonSyntaxError) -> [LessonSpan] {
        var spans: [LessonSpan] = []
        var plain = ""
        var rest = Substring(text)
        func close(_ marker: String, _ style: LessonSpan.Style) throws(LessonSyntaxError) {
            rest = rest.dropFirst(marker.count)
            guard let end = rest.firstRange(of: marker) else {
                throw LessonSyntaxError("A \(marker) is never closed; close it on the same paragraph.")
            }
            if !plain.isEmpty { spans.append(LessonSpan(plain)) }
            plain = ""
            spans.append(LessonSpan(String(rest[..<end.lowerBound]), style))
            rest = rest[end.upperBound...]
        }
        while let first = rest.first {
            if rest.hasPrefix("**") {
                try close("**", .bold)
            } else if first == "`" {
                try close("`", .code)
            } else {
                plain.append(first)
                rest = rest.dropFirst()
            }
        }
        if !plain.isEmpty { spans.append(LessonSpan(plain)) }
        return spans
    }
}

extension ExplorerAction {
    /// Whether the action moves through the lesson, which a step's own script must not.
    var movesThroughALesson: Bool {
        switch self {
        case .stepLesson, .goToStep, .revealAnswer, .turnNarration: true
        default: false
        }
    }

    /// Whether the action asks the program for a file, a menu or the end, which a lesson's
    /// script must not: a lesson is the same wherever it runs, and its steps never stop it.
    var leavesTheExplorer: Bool {
        switch self {
        case .loadInput, .loadKernel, .loadActual, .openSession, .export, .toggleExportMenu, .quit,
             .startRecording, .stopRecording: true
        default: false
        }
    }
}
