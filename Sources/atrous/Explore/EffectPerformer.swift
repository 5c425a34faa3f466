import AtrousCore
import AtrousExplorer
import AtrousIO

/// Performs the side effects that `update` asks for and reports each result as actions.
///
/// The one place where the explorer touches the outside world. The program loop and
/// `atrous render` share it; each new kind of effect gets its case here.
struct EffectPerformer {
    /// Whether `-` may name standard input; not while standard input is the keyboard.
    var readsStandardInput = false

    /// Performs `effect` and returns the actions that tell the state how it went.
    ///
    /// `.quit` is not performed here: ending the program belongs to whoever runs the loop,
    /// which checks for it first (see ``ExplorerDriver``).
    func perform(_ effect: ExplorerEffect) -> [ExplorerAction] {
        switch effect {
        case .quit:
            return []
        case let .loadInput(path):
            do {
                return [.inputLoaded(try readArray(path), path: path)]
            } catch {
                return [.loadFailed(message: error.description)]
            }
        }
    }

    /// The array in `path` as doubles, whatever float type the file holds.
    func readArray(_ path: String) throws(ExplorerFileError) -> Tensor<Double> {
        guard path != StandardStream.path || readsStandardInput else { throw .standardInputIsTheKeyboard }
        do {
            return try ArrayFile.read(path: path).converted(to: Double.self)
        } catch {
            throw .unreadable(error)
        }
    }
}

/// Why the explorer could not read a file. Each description is one sentence.
enum ExplorerFileError: Error, Equatable, CustomStringConvertible {
    /// `-` asked for standard input, which carries the explorer's keys.
    case standardInputIsTheKeyboard
    case unreadable(IOError)

    var description: String {
        switch self {
        case .standardInputIsTheKeyboard:
            "The explorer reads its keys from standard input, so it cannot read an array there; name a file."
        case let .unreadable(error):
            error.description
        }
    }
}
