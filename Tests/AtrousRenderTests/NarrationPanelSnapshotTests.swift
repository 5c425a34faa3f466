import AtrousCore
import AtrousExplorer
import SnapshotTesting
import Testing
@testable import AtrousRender

/// The lesson's narration above the explorer, as `atrous learn` shows it, checked by eye when
/// recorded: the first step, a step whose text takes two pages at 80x24, its second page, and
/// answers revealed.
struct NarrationPanelSnapshotTests {
    static let course = try! LessonParser.parse(BuiltInCourse.text)

    static func frame(_ actions: [ExplorerAction], _ size: Size) -> String {
        var state = ExplorerState(lesson: course)
        for action in actions { update(&state, action) }
        return render(state, size: size, colors: false).text
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func firstStep(size: Size) {
        assertSnapshot(of: Self.frame([], size), as: .lines, named: size.description)
    }

    /// Step 4 (stride with dilation): a list, and more text than 80x24 shows at once.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func strideStep(size: Size) {
        assertSnapshot(of: Self.frame([.goToStep(3)], size), as: .lines, named: size.description)
    }

    /// Step 6 (gridding): the layers' real outputs side by side under the narration.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func griddingStep(size: Size) {
        assertSnapshot(of: Self.frame([.goToStep(5)], size), as: .lines, named: size.description)
    }

    @Test func secondPageAndAnswers() {
        let actions: [ExplorerAction] = [.goToStep(2), .revealAnswer, .turnNarration(by: 1)]
        assertSnapshot(of: Self.frame(actions, Size(width: 80, height: 24)), as: .lines)
    }

    /// Every page of every step at 80x24, together: nothing is lost, every line is somewhere.
    @Test func everyLineOfEveryStepIsOnSomePage() {
        let panel = { (state: ExplorerState) in NarrationPanel(progress: state.lesson!, palette: .monochrome) }
        var state = ExplorerState(lesson: Self.course)
        for step in Self.course.steps.indices {
            update(&state, .goToStep(step))
            let lines = panel(state).lines(width: 78)
            #expect(!lines.isEmpty)
            #expect(lines.allSatisfy { $0.indent + $0.spans.map(\.text.count).reduce(0, +) <= 78 })
        }
    }
}
