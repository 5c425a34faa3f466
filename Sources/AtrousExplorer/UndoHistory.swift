/// The undo and redo stacks of parameter changes.
///
/// What is recorded: every change of the input, the kernel (presets, sizes, weights), the
/// layer (rate, stride, padding, fill) and the stack (layers added, removed, selected,
/// replaced), each with the output position and the stack's chosen cell it was made at. Cursor
/// moves, stepping, playback, channel and weight selection are not recorded: they change the
/// view, not the computation, and a teacher walking through cells would otherwise have to
/// undo every step. Undo restores the parameters and the position they had, so the screen
/// returns to exactly what it showed before the change.
public struct UndoHistory: Sendable, Equatable {
    /// The state before a change, with a few words naming the change.
    public struct Entry: Sendable, Equatable {
        public let parameters: ExplorerParameters
        public let position: GridPosition
        /// The receptive-field view's chosen cell.
        public let stackCell: GridPosition
        /// What the change did, e.g. `rate 3`, for the undo and redo messages.
        public let change: String

        init(parameters: ExplorerParameters, position: GridPosition, stackCell: GridPosition = .origin,
             change: String) {
            self.parameters = parameters
            self.position = position
            self.stackCell = stackCell
            self.change = change
        }
    }

    /// Oldest first; the last entry is what undo restores.
    public private(set) var undoEntries: [Entry] = []
    /// Oldest first; the last entry is what redo restores.
    public private(set) var redoEntries: [Entry] = []
    /// Entries kept on each stack.
    public let depth: Int

    public init(depth: Int = ExplorerLimits.undoDepth) {
        self.depth = max(depth, 1)
    }

    public var canUndo: Bool { !undoEntries.isEmpty }
    public var canRedo: Bool { !redoEntries.isEmpty }

    /// Records the state before a new change; a new change forgets what could be redone.
    mutating func record(_ entry: Entry) {
        undoEntries.append(entry)
        if undoEntries.count > depth { undoEntries.removeFirst(undoEntries.count - depth) }
        redoEntries.removeAll()
    }

    /// Takes the entry to restore for undo, keeping `current` for redo.
    mutating func undo(from current: Entry) -> Entry? {
        guard let entry = undoEntries.popLast() else { return nil }
        redoEntries.append(Entry(parameters: current.parameters, position: current.position,
                                 stackCell: current.stackCell, change: entry.change))
        return entry
    }

    /// Takes the entry to restore for redo, keeping `current` for undo.
    mutating func redo(from current: Entry) -> Entry? {
        guard let entry = redoEntries.popLast() else { return nil }
        undoEntries.append(Entry(parameters: current.parameters, position: current.position,
                                 stackCell: current.stackCell, change: entry.change))
        return entry
    }
}
