import AtrousCore

/// The one path every parameter change takes: record for undo, recompute, tell the user.
extension ExplorerState {
    /// Applies `body` to the parameters. When they changed (and the layer's output stays within
    /// ``ExplorerLimits/outputCells``), records the previous state for undo, recomputes the
    /// derived values and sets the message: the configuration error, else the stack's problem,
    /// else `note`, else the first framework rule that newly applies, else `change`.
    ///
    /// - Parameters:
    ///   - change: a few words naming the change, e.g. `rate 3`, for the message and undo.
    ///   - note: something to say about the change that outranks framework rules, e.g. that a
    ///     preset is not defined at this size.
    mutating func changeParameters(_ change: String, note: String? = nil,
                                   _ body: (inout ExplorerParameters) -> Void) {
        var changed = parameters
        body(&changed)
        guard changed != parameters else {
            message = .info("Unchanged: \(change).")
            return
        }
        if let tooLarge = changed.outputTooLarge {
            message = .error(tooLarge)
            return
        }
        history.record(UndoHistory.Entry(parameters: parameters, position: position, stackCell: stack.cell,
                                         change: change))
        let previousNotes = notes
        parameters = changed
        recomputeDerived()
        announce(change, note: note, previousNotes: previousNotes)
    }

    /// Sets the message after a change of the parameters.
    private mutating func announce(_ change: String, note: String?, previousNotes: [FrameworkNote]) {
        if let problem {
            message = .error(problem)
        } else if let problem = stack.problem {
            message = .error(problem)
        } else if let note {
            message = .note(note)
        } else if let fresh = notes.first(where: { !previousNotes.contains($0) }) {
            message = .note(fresh.description)
        } else {
            message = .info("\(capitalised(change)).")
        }
    }

    // MARK: - Undo

    mutating func undo() {
        guard let entry = history.undo(from: currentEntry) else {
            message = .info("Nothing to undo.")
            return
        }
        restore(entry)
        message = restoredProblem ?? .info("Undid \(entry.change).")
    }

    mutating func redo() {
        guard let entry = history.redo(from: currentEntry) else {
            message = .info("Nothing to redo.")
            return
        }
        restore(entry)
        message = restoredProblem ?? .info("Redid \(entry.change).")
    }

    /// The error a restored state shows: the layer's, else the stack's.
    private var restoredProblem: ExplorerMessage? {
        problem.map { .error($0) } ?? stack.problem.map { .error($0) }
    }

    private var currentEntry: UndoHistory.Entry {
        UndoHistory.Entry(parameters: parameters, position: position, stackCell: stack.cell, change: "")
    }

    private mutating func restore(_ entry: UndoHistory.Entry) {
        parameters = entry.parameters
        position = entry.position
        stack.cell = entry.stackCell
        recomputeDerived()
    }
}

/// The text with its first letter in capitals, for a message that starts with a change's name.
func capitalised(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
}
