import AtrousExplorer

/// The explorer's state with its effects performed: each action goes through `update`, the
/// effects it returns are performed in order, and their results go through `update` in turn,
/// until nothing is left or the program was asked to quit.
///
/// The terminal loop and `atrous render` both drive the state through this, so a key does
/// the same in both.
public struct ExplorerDriver {
    public private(set) var state: ExplorerState
    public var performer: EffectPerformer
    /// Whether an action asked the program to quit; later actions are ignored.
    public private(set) var hasQuit = false
    /// What the effects performed on the way out reported (a recording written on quitting),
    /// for whoever ran the loop to say once the screen is gone.
    public private(set) var reportsAtQuit: [ExplorerMessage] = []

    public init(state: ExplorerState, performer: EffectPerformer = EffectPerformer()) {
        self.state = state
        self.performer = performer
    }

    /// Applies what `key` means in the current mode (see `action(for:in:)`), if anything.
    public mutating func press(_ key: Key) {
        if let action = action(for: key, in: state, screenRows: performer.screenSize.height) { send(action) }
    }

    /// Applies `action` and everything its effects lead to.
    public mutating func send(_ action: ExplorerAction) {
        var pending = [action]
        while !pending.isEmpty, !hasQuit {
            for effect in update(&state, pending.removeFirst()) {
                if effect == .quit {
                    hasQuit = true
                    // The effects before it were performed; their reports still reach the state,
                    // and nothing they ask for is performed.
                    for report in pending {
                        update(&state, report)
                        if let message = state.message { reportsAtQuit.append(message) }
                    }
                    return
                }
                pending += performer.perform(effect, state: state)
            }
        }
    }
}
