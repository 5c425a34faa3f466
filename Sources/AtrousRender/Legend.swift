import AtrousCore
import AtrousExplorer

/// One line that says what every mark on screen means, each drawn in its own style so it
/// reads in colour and in monochrome alike: tap names, taps in the padding, padding, holes,
/// the current and reached output cells, the selected weight, the scroll arrows, and a scale
/// for each heat map shown (its lowest, zero and highest values as cells of the map).
///
/// Entries that do not fit are left out from the end, and the line then ends in `… ? help`.
struct Legend: Widget {
    /// A heat map on screen: what it shows and the range of its values.
    struct HeatMap {
        let name: String
        let range: FiniteRange
    }

    let palette: Palette
    /// Whether a padded tap, a picked input cell with its reach, or a selected weight is shown.
    let showsPaddingTap: Bool
    let showsReach: Bool
    let showsScrollArrows: Bool
    let heatMaps: [HeatMap]

    /// A sample drawn in a style, then its words.
    typealias Entry = [(text: String, style: Style)]

    var entries: [Entry] {
        var entries: [Entry] = [
            [("a", palette.tap), (" tap", palette.label)],
        ]
        if showsPaddingTap { entries.append([("a", palette.paddingTap), (" tap in padding", palette.label)]) }
        entries += [
            [("·", palette.padding), (" zero padding", palette.label)],
            [(" 0", palette.value.overlaid(by: palette.hole)), (" hole in the window", palette.label)],
            [("[]", palette.current), (" current cell", palette.label)],
        ]
        if showsReach { entries.append([("()", palette.reached), (" reached by the picked input", palette.label)]) }
        entries.append([("a", palette.selected), (" selected weight", palette.label)])
        if showsScrollArrows { entries.append([("↓→ more", palette.index), (" beyond the edge: move the cell", palette.label)]) }
        for map in heatMaps where !map.range.isEmpty {
            // The ends of the scale, and zero in colour where it has a colour of its own.
            var stops = [map.range.smallest, map.range.largest]
            if palette.colors && map.range.smallest < 0 && map.range.largest > 0 { stops.insert(0, at: 1) }
            entries.append(Self.heatEntry(name: map.name, stops: stops, scale: HeatScale(range: map.range), palette: palette))
        }
        return entries
    }

    /// A heat map's scale: its name, then each stop as two cells of the map and the value.
    static func heatEntry(name: String, stops: [Double], scale: HeatScale, palette: Palette) -> Entry {
        var entry: Entry = [(name, palette.label)]
        for value in stops {
            let cell = palette.heat.cell(for: value, scale: scale)
            entry.append((" ", palette.label))
            entry.append((String(repeating: cell.character, count: 2), cell.style))
            entry.append((" " + ValueFormat.short(value), palette.label))
        }
        return entry
    }

    func render(into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        Self.write(entries, in: area.splitTop(1).0, more: "  … ? help", palette: palette, into: &buffer)
    }

    /// Writes as many of `entries` as fit on `row`, two spaces apart; when some are left out
    /// (from the end), `more` follows the last one shown.
    static func write(_ all: [Entry], in row: Rect, more: String, palette: Palette, into buffer: inout CellBuffer) {
        guard !row.isEmpty else { return }
        buffer.fill(row)
        let width = { (entries: ArraySlice<Entry>) in
            entries.map { $0.map(\.text.count).reduce(0, +) }.reduce(0, +) + 2 * max(0, entries.count - 1)
        }
        var shown = all[...]
        while !shown.isEmpty && width(shown) + (shown.count < all.count ? more.count : 0) > row.width {
            shown = shown.dropLast()
        }
        var x = row.x
        for (i, entry) in shown.enumerated() {
            if i > 0 { x = buffer.write("  ", x: x, y: row.y, clip: row) }
            for piece in entry { x = buffer.write(piece.text, x: x, y: row.y, style: piece.style, clip: row) }
        }
        if shown.count < all.count { buffer.write(more, x: x, y: row.y, style: palette.index, clip: row) }
    }
}
