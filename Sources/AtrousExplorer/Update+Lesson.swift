/// Walking through a lesson: opening its steps, revealing answers, turning the narration's pages.
extension ExplorerState {
    /// The explorer on the first step of `lesson`, opened from the built-in example.
    public init(lesson: Lesson) {
        self.init()
        showStep(0, of: LessonProgress(lesson: lesson))
    }

    /// Opens the next or previous step, or says there is none that way.
    mutating func stepLesson(_ direction: CycleDirection) {
        guard let progress = lesson else {
            message = .info("No lesson is open; atrous learn starts the course.")
            return
        }
        let target = progress.step + direction.step
        guard progress.lesson.steps.indices.contains(target) else {
            message = .info(target < 0 ? "This is the first step." : "This is the last step; q ends the lesson.")
            return
        }
        goToStep(target)
    }

    /// Opens step `index` (from 0) as its script sets it up: the class's own changes are dropped.
    mutating func goToStep(_ index: Int) {
        guard let progress = lesson else {
            message = .info("No lesson is open; atrous learn starts the course.")
            return
        }
        guard progress.lesson.steps.indices.contains(index) else {
            message = .error("Step \(index + 1) does not exist: the lesson has \(plural(progress.lesson.steps.count, "step")).")
            return
        }
        showStep(index, of: progress)
    }

    /// Shows the next hidden answer of the step.
    mutating func revealAnswer() {
        guard var progress = lesson else {
            message = .info("No lesson is open; atrous learn starts the course.")
            return
        }
        let count = progress.currentStep.questions.count
        guard progress.revealed < count else {
            message = .info(count == 0 ? "This step asks no question." : "Every answer of this step shows.")
            return
        }
        progress.revealed += 1
        lesson = progress
    }

    /// Turns the narration `pages` pages on (negative is back); past the last page it starts
    /// again at the first.
    mutating func turnNarration(by pages: Int) {
        guard var progress = lesson else {
            message = .info("No lesson is open; atrous learn starts the course.")
            return
        }
        progress.page += pages
        lesson = progress
    }

    /// Replaces the explorer with the opened step `index`, keeping the lesson.
    private mutating func showStep(_ index: Int, of progress: LessonProgress) {
        var progress = progress
        let opening = progress.opening(index)
        progress.step = index
        progress.revealed = 0
        progress.page = 0
        self = opening.state
        lesson = progress
        // What failed outranks the rest; then the rules that apply; else where the keys lead.
        if let failure = progress.failures.first {
            message = .error(failure.description)
        } else if let note = notes.first {
            message = .note(note.description)
        } else if message?.kind != .error {
            message = .info("Step \(index + 1) of \(progress.lesson.steps.count). PgDn: next step, Enter: an answer.")
        }
    }
}
