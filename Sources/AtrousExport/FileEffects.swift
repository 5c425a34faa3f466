import AtrousExplorer
import AtrousIO

/// The part of the program loop that performs the explorer's file effects: opening sessions
/// and every export. The loop calls ``perform(_:subject:)`` for each effect and feeds the
/// actions it returns back into `update`.
public enum FileEffects {
    /// Performs `effect` when it concerns files other than the input.
    ///
    /// - Parameters:
    ///   - effect: what `update` asked for.
    ///   - subject: what an export reads; evaluated only for an export, so the loop can render
    ///     the screen in place without paying for it on other effects.
    /// - Returns: the actions that report the result — ``ExplorerAction/sessionOpened(_:path:)``,
    ///   ``ExplorerAction/exported(_:paths:)``, ``ExplorerAction/fileExists(path:retry:)`` (the
    ///   user is then asked, and the effect comes back allowed to overwrite) or
    ///   ``ExplorerAction/failed(message:)`` — or nil for an effect this does not perform
    ///   (``ExplorerEffect/quit``, ``ExplorerEffect/loadInput(path:)``, ``ExplorerEffect/loadKernel(path:)``,
    ///   ``ExplorerEffect/loadActual(path:)``, and the recording's, which need the frames the loop captured).
    public static func perform(_ effect: ExplorerEffect,
                               subject: @autoclosure () -> ExportSubject) -> [ExplorerAction]? {
        switch effect {
        case let .openSession(path):
            do {
                return [.sessionOpened(try ExplorerSession.load(path: path), path: path)]
            } catch {
                return [.failed(message: error.description)]
            }
        case let .export(kind, path, overwrite):
            do {
                return [.exported(kind, paths: try Exporter.perform(kind, to: path, overwrite: overwrite,
                                                                    subject: subject()))]
            } catch IOError.outputExists(let existing) {
                return [.fileExists(path: existing, retry: effect)]
            } catch {
                return [.failed(message: "\(error)")]
            }
        case .quit, .loadInput, .loadKernel, .loadActual, .startRecording, .finishRecording:
            return nil
        }
    }
}
