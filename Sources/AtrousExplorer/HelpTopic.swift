/// One row of the help: a key or a command, what it does, and the group it is listed under.
public struct HelpTopic: Sendable, Hashable {
    /// The keys as help writes them (`↑ k`), or a command's usage (`:rate R[,C]`).
    public let keys: String
    public let summary: String
    public let group: String
}

extension HelpTopic {
    /// The group that lists the `:` commands, after the key groups.
    public static let commandGroup = "Commands"

    /// Every normal-mode key from ``KeyBinding/table`` by group, then every command from
    /// ``ExplorerCommand/all``: the single list the help shows.
    public static let all: [HelpTopic] =
        KeyBinding.Group.allCases.flatMap { group in
            KeyBinding.table.filter { $0.group == group }
                .map { HelpTopic(keys: $0.label, summary: $0.summary, group: group.rawValue) }
        } + ExplorerCommand.all.map { HelpTopic(keys: $0.usage, summary: $0.summary, group: commandGroup) }

    /// How many lines the help has when laid out with a heading per group and a blank line
    /// between groups, as the help overlay draws it.
    public static var lineCount: Int {
        let groups = Set(all.map(\.group)).count
        return all.count + 2 * groups - 1
    }
}

extension ExplorerState {
    /// Keeps the first shown line between the help's first and last line; the renderer
    /// shows as much of the end as the screen has room for.
    mutating func scrollHelp(by lines: Int) {
        guard mode == .help else { return }
        helpScroll = min(max(helpScroll + lines, 0), helpLineCount - 1)
    }
}
