import AtrousCore

/// Why a `:` command could not be read. Each description is one sentence for the message line.
public enum CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No command has this name.
    case unknownCommand(String)
    /// The command needs an argument and got none.
    case missingArgument(command: String, usage: String)
    /// An argument could not be read.
    case invalidArgument(command: String, argument: String, usage: String)
    /// A kernel name that is neither a size nor a preset.
    case unknownKernel(String)
    /// An input pattern name that is not built in.
    case unknownPattern(String)
    /// A fill name that is not one of ``Fill``'s.
    case unknownFill(String)
    /// A stack name that is not one of ``StackPreset/all``.
    case unknownStack(String)
    /// A layer written in notation that cannot be read.
    case invalidLayer(LayerNotationError)
    /// An `:export` argument that names neither a kind nor a file extension it knows.
    case unknownExport(String)
    /// A `:record` file whose extension names no recording format.
    case unknownRecordingFormat(String)

    public var description: String {
        switch self {
        case let .unknownCommand(name):
            "Unknown command '\(name)'; type :help for the list."
        case let .missingArgument(command, usage):
            "The :\(command) command needs a value; write \(usage)."
        case let .invalidArgument(command, argument, usage):
            "Cannot read '\(argument)' for :\(command); write \(usage)."
        case let .unknownKernel(name):
            "Unknown kernel '\(name)'; use a size such as 5 or 5x3, or one of "
                + listed(KernelPreset.cycle.map(\.name)) + "."
        case let .unknownPattern(name):
            "Unknown input pattern '\(name)'; use " + listed(InputPattern.cycle.map(\.name)) + "."
        case let .unknownFill(name):
            "Unknown fill '\(name)'; use " + listed(Fill.allCases.map(\.rawValue)) + "."
        case let .unknownStack(name):
            "Unknown stack '\(name)'; use " + listed(ExplorerCommand.stackPresets.map(\.name)) + "."
        case let .invalidLayer(error):
            error.description
        case let .unknownRecordingFormat(path):
            "Cannot tell how to record to '\(path)'; name a .cast file (asciicast) or an .svg file (animated picture)."
        case let .unknownExport(text):
            "Cannot tell what to export to '\(text)'; name a .npy, .csv, .json, .atrous.json, .txt, .ans, .svg or "
                + ".py file, or start with " + listed(ExportKind.commandWords) + "."
        }
    }
}

/// `a, b or c`.
func listed(_ words: [String]) -> String {
    guard let last = words.last else { return "" }
    return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " or " + last
}
