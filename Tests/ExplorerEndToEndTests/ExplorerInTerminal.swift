import Testing

/// Every suite that runs the real explorer in tmux, one test at a time across all of them:
/// each test starts tmux and the binary, and parallel sessions on a loaded two-core machine
/// starve each other past their waits.
@Suite(.serialized) enum ExplorerInTerminal {}
