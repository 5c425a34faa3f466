/// What the help overlay lists while it is open: the keys and commands, every term of the
/// current cell's sum, or the framework notes that apply.
public enum HelpPage: String, Sendable, Hashable, CaseIterable {
    /// Every key and command (`?`, `:help`).
    case keys
    /// The current cell's sum as a table: tap, input cell or padding side, weight, value,
    /// product, and the total (`t`, `:sum`).
    case sum
    /// Every framework note that applies to the layer, in full (`N`, `:notes`).
    case notes
    /// Where the output size and the pads come from, per axis, numbers filled in (`:shape`).
    case shape
}

extension ExplorerState {
    /// Opens `page`, or closes the overlay when it already shows `page`.
    mutating func showPage(_ page: HelpPage) {
        if mode == .help && helpPage == page {
            mode = .normal
        } else {
            mode = .help
            helpPage = page
        }
        helpScroll = 0
    }

    /// How many lines the open page has, as the overlay lays out its entries (a heading per
    /// group and a blank line between groups). Notes may wrap on a narrow screen, so their
    /// page allows for three lines a note.
    var helpLineCount: Int {
        switch helpPage {
        case .keys: HelpTopic.lineCount
        case .sum: (taps?.taps.count ?? 0) + 1 + 2 * 2 - 1 + (taps?.bias != 0 ? 1 : 0)
        case .notes: 3 * max(notes.count, 1) + 1
        case .shape: 2 * 3 * 2 + 3
        }
    }
}
