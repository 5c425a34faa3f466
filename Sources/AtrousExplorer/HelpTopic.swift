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
    /// ``ExplorerCommand/all``, then what the marks on screen mean: the single list the help shows.
    public static let all: [HelpTopic] =
        KeyBinding.Group.allCases.flatMap { group in
            KeyBinding.table.filter { $0.group == group }
                .map { HelpTopic(keys: $0.label, summary: $0.summary, group: group.rawValue) }
        } + ExplorerCommand.all.map { HelpTopic(keys: $0.usage, summary: $0.summary, group: commandGroup) } + marks

    /// The group that says what the marks on screen mean.
    public static let marksGroup = "Marks"

    /// The legend line's entries in words, for a screen with no row to spare for the line
    /// (and for a text export, which has no styles).
    public static let marks: [HelpTopic] = [
        ("a b …", "the current cell's taps by kernel index (aa, ab … past 52)"),
        ("a", "in the padding style: a tap that reads a padded cell"),
        ("·", "zero padding; in the footprint, a hole between taps"),
        ("0", "hole background (underlined): a window cell no tap reads"),
        ("[] @", "the current output cell"),
        ("() o", "output cells the picked input cell reaches"),
        ("↑↓←→ more", "part of a grid shows; it follows the current cell"),
        ("░▒▓█", "heat from zero up, -=≡■ below; the legend gives values"),
    ].map { HelpTopic(keys: $0.0, summary: $0.1, group: marksGroup) }

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
