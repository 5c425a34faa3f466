/// Why a lesson file cannot be read: the line, counted from 1, and one sentence.
public struct LessonError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    /// What is wrong and how to write it instead.
    public let sentence: String

    public init(line: Int, sentence: String) {
        self.line = line
        self.sentence = sentence
    }

    /// `Line 12: unknown command 'rat'; type :help for the list.`
    public var description: String { "Line \(line): \(lowercasingFirst(sentence))" }
}
