import AtrousTestSupport
import Foundation
import Testing

@Suite("atrous lesson and learn, through the binary")
struct LessonCommandTests {
    static let course = Fixtures.packageRoot.appendingPathComponent("Assets/lessons/dilated-convolution.md").path

    @Test func theBuiltInCourseChecksClean() throws {
        let result = try AtrousBinary.run(["lesson", "--check", Self.course])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.output == "\(Self.course): 12 steps, 67 facts, all hold.\n")
        #expect(result.standardError.isEmpty)
    }

    /// Every failure of every file is reported with its file and line, and the status is 1.
    @Test func failuresAreListedWithTheirLines() throws {
        let directory = try TemporaryDirectory()
        try directory.write(Array("""
            # Broken
            ## One
            ```atrous
            :padding valid
            :assert output 9x9
            :assert holes 3
            ```
            """.utf8), to: "broken.md")
        let path = directory.path("broken.md")
        let result = try AtrousBinary.run(["lesson", "--check", Self.course, path])
        #expect(result.status == 1)
        #expect(result.output == "\(Self.course): 12 steps, 67 facts, all hold.\n")
        #expect(result.standardError == """
            \(path) line 5: :assert output 9x9: the output is 5x5, not 9x9.
            \(path) line 6: :assert holes 3: the count of holes in the field is 16, not 3.

            """)
    }

    @Test(arguments: [
        ("# T\n## S\n```atrous\n:rat 3\n```\n", "line 4: unknown command 'rat'; type :help for the list."),
        ("# T\n## S\n```atrous\n:assert output nine\n```\n",
         "line 4: cannot read ':assert output nine'; write :assert output HxW."),
        ("# T\n## S\n```atrous\n:rate 3\n", "line 3: the ``` block opened here is never closed; end it with a line of ```."),
    ])
    func malformedLessonsAreOneSentenceWithTheLine(text: String, sentence: String) throws {
        let directory = try TemporaryDirectory()
        try directory.write(Array(text.utf8), to: "lesson.md")
        let path = directory.path("lesson.md")
        for arguments in [["lesson", "--check", path], ["lesson", path]] {
            let result = try AtrousBinary.run(arguments)
            #expect(result.status != 0)
            #expect(result.standardError == "Error: \(path) \(sentence)\n")
            #expect(Sentence.isSingle(result.standardError))
        }
    }

    @Test func refusals() throws {
        let missing = try AtrousBinary.run(["lesson", "--check", "no-such-lesson.md"])
        #expect(missing.status != 0 && Sentence.isSingle(missing.standardError), "\(missing.standardError)")
        let two = try AtrousBinary.run(["lesson", Self.course, Self.course])
        #expect(two.status != 0 && two.standardError.contains("one file"), "\(two.standardError)")
        // Without a terminal the explorer says so, as `explore` does.
        let learn = try AtrousBinary.run(["learn"])
        #expect(learn.status != 0 && Sentence.isSingle(learn.standardError), "\(learn.standardError)")
    }
}
