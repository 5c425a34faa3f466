import AtrousScreen
import Testing
@testable import AtrousTerminal

@Suite("Colour pairs")
struct ColorPairsTests {
    private let palette256 = ColorSupport.palette(colors: 256, pairs: 65536, defaultColors: true)

    @Test("pairs are allocated on first use and cached")
    func allocation() {
        var pairs = ColorPairs(support: palette256)
        let red = Style(foreground: .red)
        let first = pairs.resolve(red)
        #expect(first.pair == 1)
        #expect(first.newPair == ColorPairs.Colors(foreground: 1, background: -1))
        let again = pairs.resolve(Style(foreground: .red, bold: true))
        #expect(again.pair == 1)
        #expect(again.newPair == nil)
        #expect(again.attributes == [.bold])
        let second = pairs.resolve(Style(foreground: .indexed(196), background: .indexed(17)))
        #expect(second.pair == 2)
        #expect(second.newPair == ColorPairs.Colors(foreground: 196, background: 17))
        #expect(pairs.allocatedCount == 2)
    }

    @Test("the terminal's own colours use pair 0 without allocating")
    func defaultColours() {
        var pairs = ColorPairs(support: palette256)
        let resolved = pairs.resolve(Style(reverse: true, underline: true))
        #expect(resolved == ColorPairs.Resolved(attributes: [.reverse, .underline], pair: 0, newPair: nil))
        #expect(pairs.allocatedCount == 0)
    }

    @Test("without default colours the terminal's own are white on black, pair 0")
    func noDefaultColours() {
        var pairs = ColorPairs(support: .palette(colors: 8, pairs: 64, defaultColors: false))
        #expect(pairs.resolve(.plain).pair == 0)
        #expect(pairs.resolve(Style(foreground: .white, background: .black)).pair == 0)
        #expect(pairs.resolve(Style(foreground: .yellow)).newPair == ColorPairs.Colors(foreground: 3, background: 0))
    }

    @Test("when pairs run out, further colours fall back to pair 0 and keep attributes")
    func exhaustion() {
        var pairs = ColorPairs(support: .palette(colors: 256, pairs: 3, defaultColors: true))
        #expect(pairs.resolve(Style(foreground: .red)).pair == 1)
        #expect(pairs.resolve(Style(foreground: .green)).pair == 2)
        let overflow = pairs.resolve(Style(foreground: .blue, bold: true))
        #expect(overflow == ColorPairs.Resolved(attributes: [.bold], pair: 0, newPair: nil))
        #expect(pairs.resolve(Style(foreground: .red)).pair == 1)
    }

    @Test("monochrome keeps attributes and drops colours", arguments: [
        Style(foreground: .red, background: .blue, bold: true),
        Style(foreground: .indexed(200), dim: true, reverse: true),
        Style(background: .gray, underline: true),
    ])
    func monochrome(style: Style) {
        var pairs = ColorPairs(support: .monochrome)
        let resolved = pairs.resolve(style)
        #expect(resolved.pair == 0)
        #expect(resolved.newPair == nil)
        #expect(resolved.attributes == TextAttributes(style.monochrome))
        #expect(pairs.allocatedCount == 0)
    }

    @Test("NO_COLOR, a missing palette or too few colours mean monochrome", arguments: [
        (true, 256, 65536, "1"), (true, 256, 65536, "yes"), (false, 0, 0, nil), (true, 2, 4, nil), (true, 8, 1, nil),
    ] as [(Bool, Int, Int, String?)])
    func monochromeDetection(hasColors: Bool, colors: Int, pairs: Int, noColor: String?) {
        #expect(ColorSupport.detect(hasColors: hasColors, colors: colors, pairs: pairs, defaultColors: true,
                                    noColor: noColor) == .monochrome)
    }

    @Test("an empty NO_COLOR is ignored, and pair numbers are capped at a C short")
    func paletteDetection() {
        #expect(ColorSupport.detect(hasColors: true, colors: 256, pairs: 65536, defaultColors: true, noColor: "")
            == .palette(colors: 256, pairs: 32767, defaultColors: true))
        #expect(ColorSupport.detect(hasColors: true, colors: 8, pairs: 64, defaultColors: false, noColor: nil)
            == .palette(colors: 8, pairs: 64, defaultColors: false))
    }
}

@Suite("Colour reduction")
struct ColorReductionTests {
    @Test("indices the terminal has are kept", arguments: [(0, 8), (7, 8), (15, 16), (100, 256), (255, 256)])
    func kept(index: UInt8, colors: Int) {
        #expect(ColorReduction.number(for: .indexed(index), colors: colors, defaultColors: true, role: .foreground)
            == Int16(index))
    }

    @Test("bright colours become their normal colour on 8-colour terminals", arguments: 8..<16)
    func bright(index: Int) {
        #expect(ColorReduction.number(for: .indexed(UInt8(index)), colors: 8, defaultColors: true, role: .foreground)
            == Int16(index - 8))
    }

    @Test("256-colour indices become the nearest classic colour", arguments: [
        // Cube corners and greys, whose nearest classic colour is plain to see.
        (196, 16, 9), (196, 8, 1), (21, 16, 4), (46, 16, 10), (46, 8, 2), (226, 16, 11), (231, 16, 15),
        (16, 16, 0), (232, 8, 0), (244, 16, 8), (255, 8, 7),
    ] as [(UInt8, Int, Int16)])
    func nearest(index: UInt8, colors: Int, expected: Int16) {
        #expect(ColorReduction.number(for: .indexed(index), colors: colors, defaultColors: true, role: .background)
            == expected)
    }

    @Test("the xterm palette", arguments: [
        (16, 0, 0, 0), (231, 255, 255, 255), (196, 255, 0, 0), (67, 95, 135, 175), (232, 8, 8, 8), (255, 238, 238, 238),
    ] as [(UInt8, Int, Int, Int)])
    func palette(index: UInt8, r: Int, g: Int, b: Int) {
        let rgb = ColorReduction.rgb(index)
        #expect(rgb.r == r && rgb.g == g && rgb.b == b)
    }
}
