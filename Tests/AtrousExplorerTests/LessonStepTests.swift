import AtrousCore
import Testing
@testable import AtrousExplorer

/// Opening a lesson's steps in the explorer: the built-in course holds everywhere, a step opens
/// the same however it is reached, answers reveal in order, and a failure names its line.
struct LessonStepTests {
    static let course = try! LessonParser.parse(BuiltInCourse.text)

    @Test func everyStepOfTheBuiltInCourseHolds() {
        #expect(Self.course.steps.count >= 10)
        #expect(Self.course.steps.allSatisfy { $0.assertionCount > 0 && !$0.questions.isEmpty })
        #expect(LessonCheck.run(Self.course) == [])
    }

    /// The class's own changes are dropped: leaving a step and returning restores it exactly.
    @Test func returningToAStepRestoresIt() {
        let opened = ExplorerState(lesson: Self.course)
        let explored = stateAfter([.adjustRate(by: 1, axis: nil), .move(.down), .stepLesson(.forward)], from: opened)
        #expect(explored.lesson?.step == 1)
        let back = stateAfter([.stepLesson(.backward)], from: explored)
        #expect(back.lesson?.step == 0)
        #expect(back.parameters == opened.parameters)
        #expect(back.position == opened.position)
        // Undo stays within the step: nothing of the script is undone.
        #expect(stateAfter([.undo], from: back).parameters == opened.parameters)
    }

    @Test func aStepOpensTheSameReachedDirectlyOrInTurn() {
        let direct = stateAfter([.goToStep(5)], from: ExplorerState(lesson: Self.course))
        let inTurn = stateAfter(Array(repeating: .stepLesson(.forward), count: 5), from: ExplorerState(lesson: Self.course))
        #expect(direct.parameters == inTurn.parameters)
        #expect(direct.stack.analysis?.coverage.holes == 120)
    }

    @Test func answersRevealInOrderAndStepsStopAtTheEnds() {
        let start = ExplorerState(lesson: Self.course)
        let questions = Self.course.steps[0].questions.count
        let revealed = stateAfter(Array(repeating: .revealAnswer, count: questions + 1), from: start)
        #expect(revealed.lesson?.revealed == questions)
        #expect(revealed.message == .info("Every answer of this step shows."))
        #expect(stateAfter([.stepLesson(.backward)], from: start).message == .info("This is the first step."))
        let last = stateAfter([.goToStep(Self.course.steps.count - 1), .stepLesson(.forward)], from: start)
        #expect(last.lesson?.step == Self.course.steps.count - 1)
        #expect(last.message == .info("This is the last step; q ends the lesson."))
        // A new step starts with its answers hidden and its first page.
        let next = stateAfter([.revealAnswer, .turnNarration(by: 1), .stepLesson(.forward)], from: start)
        #expect(next.lesson?.revealed == 0)
        #expect(next.lesson?.page == 0)
    }

    @Test func stepCommandOpensAStepCountedFromOne() {
        let state = stateAfterCommand("step 6", from: ExplorerState(lesson: Self.course))
        #expect(state.lesson?.step == 5)
        #expect(stateAfterCommand("step 99", from: state).message?.kind == .error)
        #expect(stateAfterCommand("step 99", from: state).lesson?.step == 5)
    }

    @Test func withoutALessonTheLessonKeysSaySo() {
        let state = stateAfter([.stepLesson(.forward)])
        #expect(state.lesson == nil)
        #expect(state.message == .info("No lesson is open; atrous learn starts the course."))
    }

    /// A fact that does not hold and a command the explorer refuses are reported with their
    /// lines, in the check and on the screen.
    @Test func failuresNameTheirLine() throws {
        let lesson = try LessonParser.parse("""
            # Broken
            ## One
            ```atrous
            :goto 99,0
            :padding valid
            :rate 5
            :assert output 9x9
            :assert value 0,0 = 1
            ```
            """)
        let failures = LessonCheck.run(lesson)
        #expect(failures.map(\.line) == [4, 6, 7, 8])
        let problem = stateAfter([.setPadding(.valid), .setRate(Pair(square: 5))]).problem ?? ""
        #expect(failures[2].description == "Line 7: :assert output 9x9: the layer cannot be computed: "
            + lowercasingFirst(problem))
        let state = ExplorerState(lesson: lesson)
        #expect(state.lesson?.failures == failures)
        #expect(state.message?.kind == .error)
    }
}
