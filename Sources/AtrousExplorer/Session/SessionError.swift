import AtrousIO

/// A session file that cannot be read or written. Each message is one sentence naming the file.
public enum SessionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file itself cannot be read or written; the I/O error names it.
    case file(IOError)
    /// The text is not JSON.
    case malformedJSON(path: String, error: JSONSyntaxError)
    /// The JSON has no `"format": "atrous-session"` (`found` is what it has instead, if anything).
    case notASession(path: String, found: String?)
    /// A version this atrous does not read.
    case unsupportedVersion(path: String, version: String)
    /// A required member is absent; `field` is its dotted place, e.g. `input.shape`.
    case missingField(path: String, field: String)
    /// A member this version of the format does not have, often a misspelt name.
    case unknownField(path: String, field: String)
    /// A member holds the wrong kind of value.
    case wrongType(path: String, field: String, expected: String, found: String)
    /// A member holds a value of the right kind that means nothing, e.g. an unknown preset.
    case invalidValue(path: String, field: String, reason: String)
    /// The parts disagree, e.g. the kernel's size and the layer's.
    case inconsistent(path: String, reason: String)
    /// The input file the session refers to cannot be read.
    case referencedFile(path: String, file: String, error: IOError)
    /// The referenced input file does not exist.
    case missingReferencedFile(path: String, file: String)

    /// The sentence, every character from outside escaped (see ``MessageText``).
    public var description: String { MessageText.escaped(sentence) }

    private var sentence: String {
        switch self {
        case let .file(error):
            error.description
        case let .malformedJSON(path, error):
            "The session \(shown(path)) is not valid JSON: \(error)."
        case let .notASession(path, found):
            "The file \(shown(path)) is not an atrous session: "
                + (found.map { "its \"format\" is \($0), not \"\(SessionFormat.tag)\"." }
                    ?? "it has no \"format\": \"\(SessionFormat.tag)\" member.")
        case let .unsupportedVersion(path, version):
            "The session \(shown(path)) has version \(version), but this atrous reads version \(SessionFormat.version)."
        case let .missingField(path, field):
            "The session \(shown(path)) has no \"\(field)\"."
        case let .unknownField(path, field):
            "In the session \(shown(path)), \"\(field)\" is not part of version \(SessionFormat.version) of the format."
        case let .wrongType(path, field, expected, found):
            "In the session \(shown(path)), \"\(field)\" must be \(expected), not \(found)."
        case let .invalidValue(path, field, reason):
            "In the session \(shown(path)), \"\(field)\" \(reason)."
        case let .inconsistent(path, reason):
            "The session \(shown(path)) does not fit together: \(reason)."
        case let .referencedFile(path, file, error):
            "The session \(shown(path)) refers to the input file \(shown(file)), but "
                + lowercased(error.description) + "."
        case let .missingReferencedFile(path, file):
            "The session \(shown(path)) refers to the input file \(shown(file)), which does not exist."
        }
    }
}

/// A file name as messages show it (see ``MessageText/fileName(_:)``).
func shown(_ path: String) -> String { MessageText.fileName(path) }
