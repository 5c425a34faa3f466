/// The styles of every role on the explorer screen, in colour or in monochrome.
///
/// Panels never pick colours themselves; they ask the palette for a role. The monochrome
/// palette carries each meaning in attributes (reverse, bold, underline, dim) and the panels
/// add characters (`·` for zero padding, letters for taps), so nothing is lost without colour.
public struct Palette: Sendable, Hashable {
    /// Whether the palette uses colours; `false` is the monochrome fallback.
    public let colors: Bool

    /// An ordinary value in a grid.
    public let value: Style
    /// A padded cell outside the input (its `·` or the value its fill copies).
    public let padding: Style
    /// A tap of the current output cell on a real input cell.
    public let tap: Style
    /// A tap of the current output cell that reads padding.
    public let paddingTap: Style
    /// A cell inside the current window that no tap reads: a hole of the dilated kernel.
    public let hole: Style
    /// The current output cell.
    public let current: Style
    /// Output cells that the selected input cell reaches.
    public let reached: Style
    /// The selected kernel weight.
    public let selected: Style
    /// A tap of the footprint in the kernel panel.
    public let footprintTap: Style
    /// A hole of the footprint in the kernel panel.
    public let footprintHole: Style
    /// A panel title.
    public let header: Style
    /// Row and column indices around a grid.
    public let index: Style
    /// The status line.
    public let status: Style
    /// Messages by kind.
    public let info: Style
    public let note: Style
    public let error: Style
    /// A key in the footer or the help, and its label.
    public let key: Style
    public let label: Style
    /// The frame of an overlay box.
    public let border: Style
    /// How heat maps colour values.
    public let heat: HeatPalette
    /// A lesson's **bold** words and its `code`, in the narration panel.
    public var emphasis: Style { colors ? Style(foreground: .indexed(231), bold: true) : Style(bold: true) }
    public var code: Style { colors ? Style(foreground: .indexed(180)) : Style(underline: true) }

    /// The colour palette when `colors` is true, else the monochrome one.
    public init(colors: Bool) {
        self = colors ? .color : .monochrome
    }

    init(colors: Bool, value: Style, padding: Style, tap: Style, paddingTap: Style, hole: Style,
         current: Style, reached: Style, selected: Style, footprintTap: Style, footprintHole: Style,
         header: Style, index: Style, status: Style, info: Style, note: Style, error: Style,
         key: Style, label: Style, border: Style) {
        self.colors = colors
        self.value = value
        self.padding = padding
        self.tap = tap
        self.paddingTap = paddingTap
        self.hole = hole
        self.current = current
        self.reached = reached
        self.selected = selected
        self.footprintTap = footprintTap
        self.footprintHole = footprintHole
        self.header = header
        self.index = index
        self.status = status
        self.info = info
        self.note = note
        self.error = error
        self.key = key
        self.label = label
        self.border = border
        self.heat = HeatPalette(colors: colors)
    }

    /// 256-colour styles; the bold and underline attributes are kept where they also help.
    public static let color = Palette(
        colors: true,
        value: .plain,
        padding: Style(foreground: .indexed(244)),
        tap: Style(foreground: .indexed(16), background: .indexed(214), bold: true),
        paddingTap: Style(foreground: .indexed(16), background: .indexed(180), underline: true),
        hole: Style(background: .indexed(237)),
        current: Style(foreground: .indexed(16), background: .indexed(46), bold: true),
        reached: Style(foreground: .indexed(16), background: .indexed(177), underline: true),
        selected: Style(foreground: .indexed(16), background: .indexed(45), bold: true, underline: true),
        footprintTap: Style(foreground: .indexed(214), bold: true),
        footprintHole: Style(foreground: .indexed(240)),
        header: Style(foreground: .indexed(81), bold: true),
        index: Style(foreground: .indexed(242)),
        status: Style(foreground: .indexed(252), background: .indexed(236)),
        info: Style(foreground: .indexed(252)),
        note: Style(foreground: .indexed(214), bold: true),
        error: Style(foreground: .indexed(231), background: .indexed(160), bold: true),
        key: Style(foreground: .indexed(16), background: .indexed(110), bold: true),
        label: Style(foreground: .indexed(250)),
        border: Style(foreground: .indexed(81)))

    /// Attributes only: taps reverse and bold, padding dim, holes underlined, the current cell
    /// reverse, bold and underlined, reached cells bold and underlined, a selection reverse
    /// and underlined. No two marks share their attributes.
    public static let monochrome = Palette(
        colors: false,
        value: .plain,
        padding: Style(dim: true),
        tap: Style(bold: true, reverse: true),
        paddingTap: Style(dim: true, reverse: true, underline: true),
        hole: Style(underline: true),
        current: Style(bold: true, reverse: true, underline: true),
        reached: Style(bold: true, underline: true),
        selected: Style(reverse: true, underline: true),
        footprintTap: Style(bold: true),
        footprintHole: Style(dim: true),
        header: Style(bold: true),
        index: Style(dim: true),
        status: Style(reverse: true),
        info: .plain,
        note: Style(bold: true),
        error: Style(bold: true, reverse: true),
        key: Style(bold: true, reverse: true),
        label: .plain,
        border: .plain)
}
