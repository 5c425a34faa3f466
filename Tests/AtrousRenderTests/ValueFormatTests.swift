import Testing
@testable import AtrousRender

struct ValueFormatTests {
    @Test(arguments: [
        (1.5, 1, "1.5"), (2.0, 0, "2"), (0.125, 2, "0.13"), (-1.25, 1, "-1.3"), (-0.004, 2, "0.00"),
        (-0.0, 1, "0.0"), (12.0, 3, "12.000"), (-7.0, 0, "-7"), (Double.nan, 2, "nan"), (-Double.infinity, 1, "-inf"),
    ])
    func fixedRoundsHalfAwayFromZeroAndNeverShowsMinusZero(value: Double, decimals: Int, expected: String) {
        #expect(ValueFormat.fixed(value, decimals: decimals) == expected)
    }

    @Test(arguments: [
        (3.0, "3"), (0.0, "0"), (-2.0, "-2"), (0.5, "0.5"), (1.0 / 3, "0.3333"), (-2.0 / 3, "-0.6667"),
        (12.3456, "12.35"), (12345.678, "12346"), (123_456_789.0, "1.235e8"), (0.00001, "1e-5"),
        (-2.5e-7, "-2.5e-7"), (9.99996e-5, "1e-4"), (Double.nan, "nan"), (Double.infinity, "inf"),
    ])
    func shortFormKeepsFourSignificantDigits(value: Double, expected: String) {
        #expect(ValueFormat.short(value) == expected)
    }

    @Test(arguments: [(950.0, "950"), (12_500.0, "12.5k"), (1_500_000.0, "1.5M"), (-3e9, "-3G"), (999.7, "1k")])
    func compactFormUsesSISuffixes(value: Double, expected: String) {
        #expect(ValueFormat.compact(value) == expected)
    }

    @Test func integersGetNoDecimalsAndAtLeastTheMinimumWidth() {
        let format = ValueFormat.fitting([0, 1, 1, 0], maxWidth: 5)
        #expect(format == ValueFormat(notation: .fixed(decimals: 0), width: 2))
        #expect(format.string(1) == " 1")
    }

    @Test func exactDataGetsTheFewestDecimalsThatWriteIt() {
        let format = ValueFormat.fitting([0.5, -1.25, 2], maxWidth: 6)
        #expect(format == ValueFormat(notation: .fixed(decimals: 2), width: 5))
        #expect(format.string(0.5) == " 0.50")
        #expect(format.string(-1.25) == "-1.25")
    }

    @Test func inexactDataGetsAsManyDecimalsAsFit() {
        #expect(ValueFormat.fitting([1.0 / 3, 2.0 / 3], maxWidth: 5) == ValueFormat(notation: .fixed(decimals: 3), width: 5))
        // The minus sign costs a decimal.
        #expect(ValueFormat.fitting([-1.0 / 3, 2.0 / 3], maxWidth: 5) == ValueFormat(notation: .fixed(decimals: 2), width: 5))
        // Rounding up to the next power of ten widens the string: 9.9996 at three decimals is 10.000.
        #expect(ValueFormat.fitting([9.9996, 0.0001], maxWidth: 5) == ValueFormat(notation: .fixed(decimals: 2), width: 5))
        #expect(ValueFormat.fitting([9.9996, 0.0001], maxWidth: 4) == ValueFormat(notation: .fixed(decimals: 1), width: 4))
    }

    @Test func valuesTooLargeForTheWidthTurnCompact() {
        let format = ValueFormat.fitting([123_456, 7], maxWidth: 5)
        #expect(format == ValueFormat(notation: .compact, width: 5))
        #expect(format.string(123_456) == " 123k")
        #expect(format.string(7) == "    7")
    }

    @Test func stringsThatCannotFitShowAsHashMarks() {
        #expect(ValueFormat(notation: .fixed(decimals: 0), width: 2).string(123) == "##")
        #expect(ValueFormat(notation: .compact, width: 3).string(-1.5e6) == "###")
    }

    @Test func nonFiniteValuesWidenTheFormatToFourCharacters() {
        let format = ValueFormat.fitting([1, .nan, -.infinity], maxWidth: 5)
        #expect(format.width == 4)
        #expect(format.string(.nan) == " nan")
        #expect(format.string(-.infinity) == "-inf")
    }

    @Test func noValuesGiveTheMinimumWidth() {
        #expect(ValueFormat.fitting([], maxWidth: 5).width == 2)
        #expect(ValueFormat.fitting([], maxWidth: 1).width == 1)
    }
}
