import Testing
@testable import AtrousRender

struct HeatPaletteTests {
    @Test func scaleIsDivergingAsSoonAsOneValueIsNegative() {
        #expect(HeatScale(fitting: [0, 2, 4]) == .sequential(limit: 4))
        #expect(HeatScale(fitting: [-1, 3, .nan]) == .diverging(limit: 3))
        #expect(HeatScale(fitting: [-5, 3]) == .diverging(limit: 5))
        #expect(HeatScale(fitting: []) == .sequential(limit: 0))
    }

    @Test(arguments: [(0.0, 0), (0.01, 1), (1, 1), (1.01, 2), (2, 2), (4, 4), (9, 4)])
    func onlyAnExactZeroIsBlank(value: Double, step: Int) {
        #expect(HeatScale.sequential(limit: 4).step(of: value, steps: 4) == step)
    }

    @Test func negativeStepsKeepTheSign() {
        #expect(HeatScale.diverging(limit: 4).step(of: -4, steps: 4) == -4)
        #expect(HeatScale.diverging(limit: 4).step(of: -0.5, steps: 4) == -1)
        #expect(HeatScale.diverging(limit: 4).step(of: .nan, steps: 4) == nil)
    }

    @Test func monochromeShadesReadMagnitudeAndSign() {
        let heat = HeatPalette(colors: false)
        let sequential = [0.0, 1, 2, 3, 4].map { heat.cell(for: $0, scale: .sequential(limit: 4)).character }
        #expect(String(sequential) == " ░▒▓█")
        let diverging = [-4.0, -2, -1, 0, 1, 4].map { heat.cell(for: $0, scale: .diverging(limit: 4)).character }
        #expect(String(diverging) == "■=- ░█")
        #expect(heat.cell(for: .nan, scale: .sequential(limit: 1)).character == "?")
    }

    @Test func divergingColoursRunBlueWhiteRed() {
        let heat = HeatPalette(colors: true)
        let scale = HeatScale.diverging(limit: 2)
        #expect(heat.background(for: -2, scale: scale) == .indexed(21))
        #expect(heat.background(for: 0, scale: scale) == .indexed(231))
        #expect(heat.background(for: 2, scale: scale) == .indexed(196))
        #expect(heat.cell(for: 2, scale: scale) == Cell(" ", style: Style(background: .indexed(196))))
    }

    @Test func sequentialColoursRunFromDarkToLight() {
        let heat = HeatPalette(colors: true)
        let scale = HeatScale.sequential(limit: 9)
        #expect(heat.background(for: 0, scale: scale) == .indexed(234))
        #expect(heat.background(for: 9, scale: scale) == .indexed(230))
        let luminances = (0...9).compactMap { heat.background(for: Double($0), scale: scale)?.luminance }
        #expect(luminances == luminances.sorted(), "each step is lighter than the one before")
    }

    @Test func textOverHeatPicksAReadableForeground() {
        let heat = HeatPalette(colors: true)
        #expect(heat.textStyle(for: -2, scale: .diverging(limit: 2)).foreground == .indexed(231))
        #expect(heat.textStyle(for: 0, scale: .diverging(limit: 2)).foreground == .indexed(16))
        #expect(HeatPalette(colors: false).textStyle(for: 1, scale: .sequential(limit: 1)) == .plain)
    }
}
