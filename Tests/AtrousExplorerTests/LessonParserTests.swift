import AtrousCore
import Testing
@testable import AtrousExplorer

/// Reading lesson files: the Markdown subset, the script, and one sentence with the line for
/// each way a lesson can be malformed.
struct LessonParserTests {
    static let wellFormed = """
        # Rates

        Intro text that
        runs on, with **bold** and `code`.

        ## First step

        - one item
          continued
        1. numbered

        ```atrous
        :rate 3
        ksize 5
        :assert footprint 13x13
        ```

        ```
        plain code
        ```

        ? Why? || Because **it is**.

        ## Second step
        Text.
        """

    @Test func readsTitleStepsBlocksAndScript() throws {
        let lesson = try LessonParser.parse(Self.wellFormed)
        #expect(lesson.title == "Rates")
        #expect(lesson.steps.map(\.title) == ["First step", "Second step"])
        #expect(lesson.steps.map(\.line) == [6, 24])
        let first = lesson.steps[0]
        // Text before the first step belongs to it.
        #expect(first.blocks[0] == .paragraph([LessonSpan("Intro text that runs on, with "), LessonSpan("bold", .bold),
                                               LessonSpan(" and "), LessonSpan("code", .code), LessonSpan(".")]))
        #expect(first.blocks[1] == .listItem(marker: "•", [LessonSpan("one item continued")]))
        #expect(first.blocks[2] == .listItem(marker: "1.", [LessonSpan("numbered")]))
        #expect(first.blocks[3] == .code(["plain code"]))
        #expect(first.questions == [LessonQuestion(question: [LessonSpan("Why?")],
                                                   answer: [LessonSpan("Because "), LessonSpan("it is", .bold), LessonSpan(".")],
                                                   line: 22)])
        #expect(first.script.map(\.line) == [13, 14, 15])
        #expect(first.script.map(\.kind) == [.command(.setRate(Pair(square: 3))), .command(.setKernelSize(Pair(square: 5))),
                                             .assertion(.footprint(Pair(square: 13)))])
        #expect(first.assertionCount == 1)
    }

    @Test(arguments: [
        ("output 9x9", LessonAssertion.output(Pair(9, 9))),
        ("field 33", .field(Pair(square: 33))),
        ("holes 0", .holes(0)),
        ("value 2,2 = 1", .value(row: 2, column: 2, expected: 1, decimals: nil)),
        ("value 0,1 ~ 0.33", .value(row: 0, column: 1, expected: 0.33, decimals: 2)),
        ("value 0,1 = 1/4", .value(row: 0, column: 1, expected: 0.25, decimals: nil)),
        ("pads 1,2,1,2", .pads(top: 1, bottom: 2, left: 1, right: 2)),
        ("reads 0,1 0,3", .reads([GridPosition(row: 0, column: 1), GridPosition(row: 0, column: 3)])),
        ("reads none", .reads([])),
        ("notes none", .notes([])),
        ("notes same-uneven, keras-stride-dilation", .notes(["same-uneven", "keras-stride-dilation"])),
        ("region 0..0,8..15", .region(rows: 0...0, columns: 8...15)),
        ("weights 9", .weights(9)),
        ("footprint 1x9", .footprint(Pair(1, 9))),
        ("input 9x9", .input(Pair(9, 9))),
    ])
    func readsEveryFact(text: String, expected: LessonAssertion) throws {
        #expect(try LessonAssertion.parse(text) == expected)
    }

    /// Each malformed lesson gives one sentence that names its line.
    @Test(arguments: [
        ("# T\n## S\n```atrous\n:rat 3\n```\n", "Line 4: unknown command 'rat'; type :help for the list."),
        ("# T\n## S\n```atrous\n:assert output nine\n```\n",
         "Line 4: cannot read ':assert output nine'; write :assert output HxW."),
        ("# T\n## S\n```atrous\n:assert colour red\n```\n",
         "Line 4: unknown fact 'colour' for :assert; use output, input, footprint, weights, pads, value, reads, notes, "
             + "field, holes or region."),
        ("# T\n## S\n```atrous\n:rate 3\n", "Line 3: the ``` block opened here is never closed; end it with a line of ```."),
        ("# T\n## S\n```atrous\n:rate 3\n## Next\n",
         "Line 5: the ```atrous block opened on line 3 is not closed before this heading; end it with a line of ```."),
        ("# T\n## S\n:rate 3\n", "Line 3: a ':' line belongs inside an ```atrous block, where the step runs it."),
        ("# T\n## S\n? no answer\n", "Line 3: a question needs its answer after ||, as in '? question || answer'."),
        ("# T\n## S\n```atrous\n:load x.npy\n```\n",
         "Line 4: ':load' reads or writes a file, opens a menu or quits, which a lesson step cannot do; use the "
             + "explorer's built-in inputs and kernels."),
        ("# T\n## S\n```atrous\n:step 2\n```\n",
         "Line 4: ':step' moves through the lesson, which a step's script cannot do; each step opens from the built-in "
             + "example."),
        ("# T\n## S\n### Deeper\n", "Line 3: only '# Title' (the lesson's) and '## Step title' headings make a lesson."),
        ("# T\n## S\nSome **bold\n", "Line 3: a ** is never closed; close it on the same paragraph."),
        ("Text first\n", "Line 1: a lesson starts with its title, written # Title."),
        ("# T\nJust text.\n", "Line 3: the lesson has no step; start one with ## Step title."),
    ])
    func malformedLessonsSayWhereInOneSentence(text: String, expected: String) {
        #expect(throws: LessonError.self) { try LessonParser.parse(text) }
        do {
            _ = try LessonParser.parse(text)
        } catch {
            #expect(error.description == expected)
            #expect(error.description.filter { $0 == "." }.count >= 1)
        }
    }
}
