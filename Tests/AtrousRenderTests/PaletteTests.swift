import Testing
@testable import AtrousRender

struct PaletteTests {
    /// The roles whose meaning must stay apart on screen.
    static func markRoles(_ palette: Palette) -> [String: Style] {
        ["value": palette.value, "padding": palette.padding, "tap": palette.tap, "paddingTap": palette.paddingTap,
         "hole": palette.hole, "current": palette.current, "reached": palette.reached, "selected": palette.selected]
    }

    @Test func monochromeUsesNoColourAtAll() {
        let palette = Palette(colors: false)
        #expect(palette == .monochrome)
        for (role, style) in Self.markRoles(palette) {
            #expect(style.foreground == .default && style.background == .default, "\(role) has a colour")
        }
        for style in [palette.header, palette.index, palette.status, palette.note, palette.error, palette.key] {
            #expect(style == style.monochrome)
        }
    }

    @Test(arguments: [true, false])
    func everyMarkLooksDifferent(colors: Bool) {
        let roles = Self.markRoles(Palette(colors: colors))
        #expect(Set(roles.values).count == roles.count)
    }

    @Test func monochromeMarksDifferInAttributesAlone() {
        // A monochrome terminal keeps only attributes; the marks must survive that.
        let roles = Self.markRoles(.monochrome).mapValues(\.monochrome)
        #expect(Set(roles.values).count == roles.count)
    }

    @Test func colourPaletteHasColoursAndAMatchingHeatMap() {
        let palette = Palette(colors: true)
        #expect(palette == .color)
        #expect(palette.tap.background != .default)
        #expect(palette.heat.colors)
        #expect(!Palette.monochrome.heat.colors)
    }
}
