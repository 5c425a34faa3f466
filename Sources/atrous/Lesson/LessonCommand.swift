import ArgumentParser
import AtrousExplorer
import AtrousIO
import Foundation

/// `atrous lesson FILE`: a teacher's lesson in the explorer; `--check` runs lessons headless.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Teach a lesson written in Markdown, or check that its steps still hold.",
        discussion: """
            A lesson is a Markdown file: # title, ## steps, and in each step an ```atrous block of \
            explorer commands run when the step opens, with :assert lines that state what the explorer \
            must then show. PgDn and PgUp move between steps, Enter shows the next answer, m turns the \
            narration's page; every other key explores as usual. --check opens every step without a \
            terminal and prints each command refused and each fact that does not hold, with its line. \
            Examples:
              atrous lesson my-lesson.md
              atrous lesson --check Assets/lessons/*.md
            """)

    @Flag(help: "Run every step without a terminal and report what fails; exit 1 if anything does.")
    var check = false

    @Argument(help: ArgumentHelp("The lesson file (several with --check).", valueName: "file"))
    var files: [String]

    @Flag(help: "Draw without colours, as the NO_COLOR environment variable also asks.")
    var noColor = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name a lesson file, or use atrous learn for the course.") }
        guard check || files.count == 1 else {
            throw ValidationError("The explorer teaches one lesson at a time; name one file, or check several with --check.")
        }
    }

    func run() throws {
        let lessons = try files.map { path in (path, try Self.read(path)) }
        guard check else {
            try teach(lessons[0].1, noColor: noColor)
            return
        }
        var failed = false
        for (path, lesson) in lessons {
            let failures = LessonCheck.run(lesson)
            if failures.isEmpty {
                let facts = lesson.steps.map(\.assertionCount).reduce(0, +)
                print("\(path): \(lesson.steps.count) steps, \(facts) facts, all hold.")
            } else {
                failed = true
                for failure in failures {
                    FileHandle.standardError.write(Data("\(path) \(MessageText.escaped(lowercasingLine(failure.description)))\n".utf8))
                }
            }
        }
        if failed { throw ExitCode.failure }
    }

    /// The lesson in `path`, or the one sentence why it cannot be read, naming the file and line.
    static func read(_ path: String) throws -> Lesson {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.bytes(path: path)
        } catch {
            throw LessonFileError(path: path, sentence: error.description)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LessonFileError(path: path, sentence: "\(path) is not UTF-8 text.")
        }
        do {
            return try LessonParser.parse(text)
        } catch {
            throw LessonFileError(path: path, sentence: "\(path) \(lowercasingLine(error.description))")
        }
    }
}

/// `atrous learn`: the built-in course on dilated convolution.
struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Walk through the built-in course on dilated convolution in the explorer.",
        discussion: """
            Ten steps, each setting up the explorer and saying what to look at, with questions whose \
            answers Enter shows. PgDn and PgUp move between steps (returning restores a step), m turns \
            the narration's page, every other key explores as usual, q quits. The course's file is \
            Assets/lessons/\(BuiltInCourse.fileName) in the source; atrous lesson opens your own.
            """)

    @Flag(help: "Draw without colours, as the NO_COLOR environment variable also asks.")
    var noColor = false

    func run() throws {
        let lesson: Lesson
        do {
            lesson = try LessonParser.parse(BuiltInCourse.text)
        } catch {
            throw LessonFileError(path: BuiltInCourse.fileName, sentence: "The built-in course \(lowercasingLine(error.description))")
        }
        try teach(lesson, noColor: noColor)
    }
}

/// Runs the explorer on `lesson`'s first step until the user quits.
private func teach(_ lesson: Lesson, noColor: Bool) throws {
    try runExplorer(from: ExplorerState(lesson: lesson), noColor: noColor)
}

/// `Line 12: …` as it follows a file name: `lesson.md line 12: …`.
private func lowercasingLine(_ text: String) -> String {
    text.hasPrefix("Line ") ? "line " + text.dropFirst(5) : text
}

/// A lesson file that cannot be read, as one sentence naming it.
struct LessonFileError: Error, CustomStringConvertible {
    let path: String
    let sentence: String
    var description: String { sentence }
}
