import AtrousCore

/// Sessions and exports: the requests become effects; their results come back as actions.
extension ExplorerState {
    /// Closes the export menu (a choice in it is the usual way here) and asks for the file.
    mutating func export(_ kind: ExportKind, path: String?) -> [ExplorerEffect] {
        if mode == .exportMenu { mode = .normal }
        return [.export(kind, path: path ?? kind.defaultPath, overwrite: false)]
    }

    mutating func openSession(path: String) -> [ExplorerEffect] {
        message = .info("Opening \(shown(path))…")
        return [.openSession(path: path)]
    }

    mutating func toggleExportMenu() {
        switch mode {
        case .normal: mode = .exportMenu
        case .exportMenu: mode = .normal
        case .commandLine, .help, .confirmOverwrite: break
        }
    }

    /// Asks before overwriting: the effect waits in the mode until the answer.
    mutating func fileExists(path: String, retry: ExplorerEffect) {
        mode = .confirmOverwrite(path: path, effect: retry)
        message = .info("\(shown(path)) exists; overwrite? (y/n)")
    }

    /// Yes clears the question from the message line first, so a screen capture written over
    /// an old one does not show it.
    mutating func answerOverwrite(_ yes: Bool) -> [ExplorerEffect] {
        guard case let .confirmOverwrite(path, effect) = mode else { return [] }
        mode = .normal
        guard yes else {
            message = .info("Kept \(shown(path)); nothing was written.")
            return []
        }
        message = nil
        return [effect.overwriting]
    }

    /// Takes the opened state whole, keeping this state's undo history with one more entry, so
    /// undo returns to the parameters from before the session.
    mutating func sessionOpened(_ opened: ExplorerState, path: String) {
        var next = opened
        next.history = history
        if opened.parameters != parameters {
            next.history.record(UndoHistory.Entry(parameters: parameters, position: position,
                                                  change: "open \(shown(path))"))
        }
        self = next
    }

    /// Says where each file went.
    mutating func exported(_ kind: ExportKind, paths: [String]) {
        guard let main = paths.first.map(shown) else { return }
        switch kind {
        case .session:
            message = .info("Saved the session to \(main)"
                + (paths.count > 1 ? ", its input to \(shown(paths[1]))." : "."))
        case .snippet:
            message = .info("Wrote \(kind) to \(main) with its \(paths.count - 1) arrays; run it with python3 \(main).")
        default:
            message = .info("Wrote \(kind) to \(main).")
        }
    }
}
