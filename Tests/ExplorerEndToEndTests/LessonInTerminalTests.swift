import AtrousExplorer
import AtrousRender
import AtrousTestSupport
import Testing

extension ExplorerInTerminal {
/// `atrous learn` walked from the first step to the last in tmux, with every answer shown, at
/// the two sizes a classroom uses; each screen must be the frame the state renders.
@Suite("atrous learn in a terminal: the whole course")
struct LessonInTerminalTests {
    static let course = try! LessonParser.parse(BuiltInCourse.text)

    @Test(arguments: [(80, 24), (120, 40)])
    func walkTheWholeCourse(width: Int, height: Int) throws {
        let size = Size(width: width, height: height)
        let session = try ExplorerInTmux(["learn", "--no-color"], width: width, height: height)
        var state = ExplorerState(lesson: Self.course)
        // The frame as a capture of the pane reads it, as `atrous render` prints it: with a newline.
        func frame() -> String { render(state, size: size, colors: false).text + "\n" }
        func expect(_ keys: String, _ actions: [ExplorerAction], _ description: String) throws {
            try session.press(keys)
            for action in actions { update(&state, action) }
            try session.waitForScreen(equalTo: frame(), description)
        }
        try session.waitForScreen(equalTo: frame(), "the course's first step")
        for step in Self.course.steps.indices {
            for answer in Self.course.steps[step].questions.indices {
                try expect("<Enter>", [.revealAnswer], "step \(step + 1), answer \(answer + 1)")
            }
            if step + 1 < Self.course.steps.count {
                try expect("<PageDown>", [.stepLesson(.forward)], "step \(step + 2)")
            }
        }
        // The class explores, then goes back a step and forward again: both steps as they opened.
        try expect("rr<PageUp>", [.adjustRate(by: 1, axis: nil), .adjustRate(by: 1, axis: nil), .stepLesson(.backward)],
                   "the step before the last, restored")
        try expect("><lt>", [.stepLesson(.forward), .stepLesson(.backward)], "the same step again")
        #expect(state.lesson?.step == Self.course.steps.count - 2)
    }
}
}
