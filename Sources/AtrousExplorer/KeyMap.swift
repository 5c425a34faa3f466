/// The action a key asks for in the current mode, or nil when the key means nothing there.
///
/// Pure and separate from ``update(_:_:)``: normal mode reads ``KeyBinding/table``; the
/// command line takes printable keys as text; the help overlay scrolls with the arrows, `j`
/// `k`, the page keys and Space, and closes on `?`, Escape, `q` or Enter; the export menu
/// takes the keys of ``ExportMenu/entries`` and closes on `e`, Escape or `q`; the overwrite
/// question takes `y` or `n` (Escape and `q` mean no) and nothing else. Ctrl-C quits in
/// every mode.
///
/// - Parameter screenRows: the terminal's height, so the help's page keys move by a page.
public func action(for key: Key, in state: ExplorerState, screenRows: Int = 24) -> ExplorerAction? {
    if key == .control("c") { return .quit }
    switch state.mode {
    case .normal:
        return KeyBinding.table.first { $0.keys.contains(key) }?.action
    case .help:
        return helpAction(for: key, page: helpPageLines(screenRows: screenRows))
    case .commandLine:
        return commandLineAction(for: key)
    case .exportMenu:
        if let entry = ExportMenu.entry(for: key) { return .export(entry.kind, path: nil) }
        switch key {
        case .character("e"), .character("q"), .escape: return .toggleExportMenu
        default: return nil
        }
    case .confirmOverwrite:
        switch key {
        case .character("y"), .character("Y"): return .answerOverwrite(true)
        case .character("n"), .character("N"), .character("q"), .escape: return .answerOverwrite(false)
        default: return nil
        }
    }
}

/// The keys of the help overlay: scroll it, or close it.
private func helpAction(for key: Key, page helpPage: Int) -> ExplorerAction? {
    switch key {
    case .character("?"), .character("q"), .escape, .enter: .toggleHelp
    case .up, .character("k"): .scrollHelp(by: -1)
    case .down, .character("j"): .scrollHelp(by: 1)
    case .pageUp, .character("b"): .scrollHelp(by: -helpPage)
    case .pageDown, .character(" "): .scrollHelp(by: helpPage)
    case .home, .character("g"): .scrollHelp(by: -HelpTopic.lineCount)
    case .end, .character("G"): .scrollHelp(by: HelpTopic.lineCount)
    default: nil
    }
}

/// Lines a page key scrolls the help on a terminal `screenRows` high: the lines the help box
/// shows there (the rows above the footer, less a margin and the frame above and below).
public func helpPageLines(screenRows: Int) -> Int {
    max(1, screenRows - 5)
}

/// The keys of the `:` command line, which edit it like a shell prompt.
private func commandLineAction(for key: Key) -> ExplorerAction? {
    switch key {
    case let .character(character): .editCommandLine(.insert(character))
    case .enter: .submitCommandLine
    case .escape: .cancelCommandLine
    case .backspace: .editCommandLine(.deleteBackward)
    case .delete: .editCommandLine(.deleteForward)
    case .left: .editCommandLine(.moveLeft)
    case .right: .editCommandLine(.moveRight)
    case .home, .control("a"): .editCommandLine(.moveToStart)
    case .end, .control("e"): .editCommandLine(.moveToEnd)
    case .control("u"): .editCommandLine(.clear)
    default: nil
    }
}

extension KeyBinding {
    /// The command line's keys for the footer while it is open, matching ``action(for:in:)``.
    public static let commandLineHints: [FooterHint] = [
        FooterHint(keys: "Enter", word: "run"),
        FooterHint(keys: "Esc", word: "cancel"),
        FooterHint(keys: "C-u", word: "clear"),
    ]

    /// The export menu's keys for the footer while it is open.
    public static let exportMenuHints: [FooterHint] = [
        FooterHint(keys: String(ExportMenu.entries.map(\.key)), word: "write"),
        FooterHint(keys: "Esc", word: "close"),
    ]

    /// The overwrite question's keys for the footer while it is asked.
    public static let overwriteHints: [FooterHint] = [
        FooterHint(keys: "y", word: "overwrite"),
        FooterHint(keys: "n", word: "keep"),
    ]

    /// The help's keys for the footer while it is open, matching ``action(for:in:)``.
    public static let helpHints: [FooterHint] = [
        FooterHint(keys: "↑/↓", word: "scroll"),
        FooterHint(keys: "PgUp/PgDn", word: "page"),
        FooterHint(keys: "?/Esc", word: "close"),
    ]
}
