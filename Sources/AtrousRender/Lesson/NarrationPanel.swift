import AtrousExplorer

/// A lesson's narration for the step shown: a title bar, the step's text wrapped to the panel,
/// its questions with the answers revealed so far, and a rule below.
///
/// What the script reported when the step opened comes first, as errors. Text that does not fit
/// is paged: the rule then says which page shows and that `m` turns to the next, so nothing is
/// cut off unseen.
public struct NarrationPanel: Widget {
    public var progress: LessonProgress
    public var palette: Palette

    public init(progress: LessonProgress, palette: Palette) {
        self.progress = progress
        self.palette = palette
    }

    public func render(into buffer: inout CellBuffer, area: Rect) {
        guard area.height >= 2, area.width >= 4 else { return }
        buffer.fill(area)
        let (titleRow, rest) = area.splitTop(1)
        let (body, rule) = rest.splitBottom(1)
        drawTitle(in: titleRow, into: &buffer)
        let text = Rect(x: body.x + 1, y: body.y, width: max(0, body.width - 2), height: body.height)
        let lines = self.lines(width: text.width)
        let pageLength = max(1, text.height)
        let pageCount = max(1, (lines.count + pageLength - 1) / pageLength)
        let page = ((progress.page % pageCount) + pageCount) % pageCount
        for (row, line) in lines.dropFirst(page * pageLength).prefix(pageLength).enumerated() {
            var x = text.x + line.indent
            for span in line.spans {
                x = buffer.write(span.text, x: x, y: text.y + row, style: span.style, clip: text)
            }
        }
        drawRule(in: rule, page: page, pageCount: pageCount, into: &buffer)
    }

    /// `Lesson · Step 3/10 · SAME padding with dilation` on the left (without the lesson's title
    /// where it does not fit), the checks on the right.
    private func drawTitle(in row: Rect, into buffer: inout CellBuffer) {
        let step = progress.currentStep
        let count = progress.lesson.steps.count
        let checks = step.assertionCount
        let failed = progress.failures.count
        let status = failed > 0 ? "✗ \(failed) failed" : checks > 0 ? "✓ \(plural(checks, "fact")) checked" : ""
        let room = max(0, row.width - status.count - 2)
        let titles = ["\(progress.lesson.title) · Step \(progress.step + 1)/\(count) · \(step.title)",
                      "Step \(progress.step + 1)/\(count) · \(step.title)", "\(progress.step + 1)/\(count) \(step.title)"]
        buffer.fill(row, with: Cell(" ", style: palette.status))
        buffer.write(" " + titles.firstFitting(width: room - 1), x: row.x, y: row.y, style: palette.status, clip: row)
        if !status.isEmpty, row.width > status.count + 8 {
            buffer.write(status, x: row.maxX - status.count - 1, y: row.y, style: failed > 0 ? palette.error : palette.status,
                         clip: row)
        }
    }

    /// A rule under the text; when the text takes several pages, which one shows and the key.
    private func drawRule(in row: Rect, page: Int, pageCount: Int, into buffer: inout CellBuffer) {
        guard !row.isEmpty else { return }
        buffer.write(String(repeating: "─", count: row.width), x: row.x, y: row.y, style: palette.border, clip: row)
        guard pageCount > 1 else { return }
        let mark = page + 1 < pageCount ? " ↓ more: page \(page + 1)/\(pageCount), m next " : " page \(page + 1)/\(pageCount), m: first "
        buffer.write(mark, x: max(row.x, row.maxX - mark.count - 2), y: row.y, style: palette.note, clip: row)
    }

    // MARK: - Lines

    /// One line of narration: styled runs after an indent.
    struct Line: Equatable {
        var indent: Int
        var spans: [Run]
    }

    /// Text in one style.
    struct Run: Equatable {
        var text: String
        var style: Style
    }

    /// Every line of the step at `width`: failures, then the blocks in order.
    func lines(width: Int) -> [Line] {
        guard width > 0 else { return [] }
        var lines: [Line] = []
        for failure in progress.failures {
            lines += wrap([Run(text: "✗ " + failure.description, style: palette.error)], width: width, indent: 0, hanging: 2)
        }
        var questionIndex = 0
        for block in progress.currentStep.blocks {
            switch block {
            case let .paragraph(spans):
                lines += wrap(runs(spans), width: width, indent: 0, hanging: 0)
            case let .listItem(marker, spans):
                lines += wrap([Run(text: marker, style: palette.info)] + runs(spans, leadingSpace: true), width: width,
                              indent: 1, hanging: marker.count + 2)
            case let .code(codeLines):
                lines += codeLines.map { Line(indent: 2, spans: [Run(text: $0.truncated(to: width - 2), style: palette.code)]) }
            case let .question(question):
                lines += wrap([Run(text: "?", style: palette.note)] + runs(question.question, leadingSpace: true,
                                                                           style: palette.note),
                              width: width, indent: 0, hanging: 2)
                if questionIndex < progress.revealed {
                    lines += wrap([Run(text: "→", style: palette.emphasis)] + runs(question.answer, leadingSpace: true),
                                  width: width, indent: 2, hanging: 4)
                } else if questionIndex == progress.revealed {
                    lines.append(Line(indent: 2, spans: [Run(text: "(Enter shows the answer)".truncated(to: width - 2),
                                                             style: palette.index)]))
                }
                questionIndex += 1
            }
        }
        return lines
    }

    /// A lesson's spans in the palette's styles.
    private func runs(_ spans: [LessonSpan], leadingSpace: Bool = false, style plain: Style? = nil) -> [Run] {
        let runs = spans.map { span in Run(text: span.text, style: style(of: span.style, plain: plain ?? palette.info)) }
        return leadingSpace ? [Run(text: " ", style: palette.info)] + runs : runs
    }

    private func style(of style: LessonSpan.Style, plain: Style) -> Style {
        switch style {
        case .plain: plain
        case .bold: palette.emphasis
        case .code: palette.code
        }
    }

    /// `runs` broken into lines of at most `width` at spaces, the first line indented by
    /// `indent`, the others by `hanging`; a word longer than a line is cut into pieces.
    private func wrap(_ runs: [Run], width: Int, indent: Int, hanging: Int) -> [Line] {
        // Words with their style, and whether a space came before each.
        var words: [(text: String, style: Style, spaced: Bool)] = []
        var spaced = false
        for run in runs {
            var word = ""
            for character in run.text {
                if character == " " {
                    if !word.isEmpty { words.append((word, run.style, spaced)); word = "" }
                    spaced = true
                } else {
                    word.append(character)
                }
            }
            if !word.isEmpty {
                words.append((word, run.style, spaced))
                spaced = false
            }
        }
        var lines: [Line] = []
        var line = Line(indent: indent, spans: [])
        var used = 0
        func room() -> Int { max(1, width - line.indent) }
        for var word in words {
            let gap = used > 0 && word.spaced ? 1 : 0
            if used > 0 && used + gap + word.text.count > room() {
                lines.append(line)
                line = Line(indent: hanging, spans: [])
                used = 0
            }
            if used > 0 && word.spaced {
                line.spans.append(Run(text: " ", style: palette.info))
                used += 1
            }
            while word.text.count > room() - used {
                let piece = String(word.text.prefix(room() - used))
                line.spans.append(Run(text: piece, style: word.style))
                lines.append(line)
                line = Line(indent: hanging, spans: [])
                used = 0
                word.text = String(word.text.dropFirst(piece.count))
            }
            line.spans.append(Run(text: word.text, style: word.style))
            used += word.text.count
        }
        if !line.spans.isEmpty { lines.append(line) }
        return lines
    }
}

/// `1 fact`, `3 facts`.
private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
