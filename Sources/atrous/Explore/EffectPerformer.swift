import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousIO
import AtrousRender

/// Performs the side effects that `update` asks for and reports each result as actions.
///
/// The one place where the explorer touches the outside world. The program loop and
/// `atrous render` share it; each new kind of effect gets its case here.
struct EffectPerformer {
    /// Whether `-` may name standard input; not while standard input is the keyboard.
    var readsStandardInput = false
    /// The size and palette of the screen a screen capture shows: the terminal's, or
    /// `atrous render`'s `--size`.
    var screenSize = Size(width: 80, height: 24)
    var colors = true

    /// Performs `effect`, asked for by the action that led to `state`, and returns the actions
    /// that tell the state how it went.
    ///
    /// `.quit` is not performed here: ending the program belongs to whoever runs the loop,
    /// which checks for it first (see ``ExplorerDriver``).
    func perform(_ effect: ExplorerEffect, state: ExplorerState) -> [ExplorerAction] {
        switch effect {
        case .quit:
            return []
        case .openSession, .export:
            // The screen is rendered after the action, so a menu the choice closed is not in it.
            let subject = ExportSubject(state: state, screen: render(state, size: screenSize, colors: colors),
                                        pathCounts: state.stack.analysis?.pathCounts)
            return FileEffects.perform(effect, subject: subject) ?? []
        case let .loadInput(path):
            return load(path) { .inputLoaded($0, path: path) }
        case let .loadKernel(path):
            return load(path) { .kernelLoaded($0.doubles, path: path) }
        case let .loadActual(path):
            return load(path) { .actualLoaded($0.doubles, path: path) }
        }
    }

    /// The array in `path` reported by `loaded`, or the one sentence why it cannot be read.
    private func load(_ path: String, _ loaded: (AnyTensor) -> ExplorerAction) -> [ExplorerAction] {
        do {
            return [loaded(try readArray(path))]
        } catch {
            return [.loadFailed(message: error.description)]
        }
    }

    /// The array in `path` in the float type the file holds: an input stays float32 when it
    /// came as float32, a kernel or an actual output is widened where it is read.
    func readArray(_ path: String) throws(ExplorerFileError) -> AnyTensor {
        guard path != StandardStream.path || readsStandardInput else { throw .standardInputIsTheKeyboard }
        do {
            return try ArrayFile.read(path: path)
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
