import Testing
import AtrousCore
@testable import AtrousRender

struct StatusLineTests {
    /// A 3x3 kernel at rate 2 with SAME padding on 7x7: k_eff 5, so two cells on every side.
    func status(isPlaying: Bool = false, speed: Double = 2) throws -> StatusLine {
        let spec = LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 2), padding: .same)
        let geometry = try ConvolutionGeometry(inputSize: Pair(7, 7), spec: spec)
        return StatusLine(geometry: geometry, inputShape: [7, 7], outputShape: [7, 7], position: 2, count: 49,
                          isPlaying: isPlaying, speed: speed, palette: .monochrome)
    }

    @Test(arguments: [
        (96, "rate 2  kernel 3x3  stride 1  pad same t2 b2 l2 r2  fill zeros  7x7 → 7x7  cell 2/49  paused 2/s"),
        (95, "rate 2 kernel 3x3 stride 1 pad same t2 b2 l2 r2 fill zeros 7x7 → 7x7 cell 2/49 paused 2/s"),
        (88, "rate 2 kernel 3x3 stride 1 pad same t2 b2 l2 r2 zeros 7x7 → 7x7 cell 2/49 paused 2/s"),
        (60, "rate 2 k3x3 s1 same 2,2,2,2 zeros 7x7→7x7 cell 2/49 paused"),
        (30, "r2 k3x3 s1 same 2,2,2,2 2/49"),
        (4, "2/49"),
        (3, ""),
    ])
    func itemsShortenThenDropLeastUsefulFirst(width: Int, expected: String) throws {
        #expect(try status().text(width: width) == expected)
    }

    @Test func helpKeyStaysAtTheRightEdge() throws {
        let buffer = CellBuffer.rendering(try status(), size: Size(width: 40, height: 1))
        #expect(buffer.lines == [" r2  k3x3  s1  same 2,2,2,2  2/49 ? help"])
        #expect(buffer.cells.allSatisfy { $0.style.reverse }, "the whole bar is in the status style")
    }

    @Test("a recording shows first and stays longest, in its short form when the line is narrow", arguments: [
        (102, "● REC rate 2 kernel 3x3 stride 1 pad same t2 b2 l2 r2 fill zeros 7x7 → 7x7 cell 2/49 paused 2/s"),
        (60, "● REC r2 k3x3 s1 same 2,2,2,2 zeros 7x7→7x7 cell 2/49 paused"),
        (12, "●  r2  2/49"),
        (1, "●"),
    ])
    func recordingSign(width: Int, expected: String) throws {
        var line = try status()
        line.isRecording = true
        #expect(line.text(width: width) == expected)
        #expect(try status().text(width: width).contains("●") == false)
    }

    @Test func playShowsItsSpeed() throws {
        #expect(try status(isPlaying: true, speed: 4).items.last == StatusLine.Item(long: "▶ 4/s", short: "▶4/s", keep: 4))
        #expect(try status(speed: 0.5).items.last?.long == "paused 0.5/s")
    }

    @Test func explicitPaddingIsNotNamedTwice() throws {
        let spec = LayerSpec(kernelSize: Pair(square: 3), padding: .explicit(top: 0, bottom: 1, left: 2, right: 3))
        let geometry = try ConvolutionGeometry(inputSize: Pair(5, 5), spec: spec)
        let line = StatusLine(geometry: geometry, inputShape: [1, 5, 5, 3], outputShape: [1, 4, 6, 1], position: 1,
                              count: 24, palette: .monochrome)
        #expect(line.items[3] == StatusLine.Item(long: "pad t0 b1 l2 r3", short: "0,1,2,3", keep: 7))
        #expect(line.items[5].long == "5x5x3 → 4x6")
    }

    @Test(arguments: [([1, 9, 9, 1], "9x9"), ([1, 9, 9, 3], "9x9x3"), ([2, 9, 9, 1], "2x9x9x1"), ([9, 9, 1], "9x9"),
                      ([7, 7], "7x7"), ([1, 1, 1, 1], "1x1")])
    func shapesLeaveOutABatchOfOneAndASingleChannel(shape: [Int], text: String) {
        #expect(StatusLine.shape(shape) == text)
    }

    @Test func impossibleParametersShowTheLayerAsSetAndNoOutput() {
        let spec = LayerSpec(kernelSize: Pair(3, 1), rate: Pair(square: 5), padding: .explicit(top: 0, bottom: 1, left: 2, right: 3))
        let line = StatusLine(spec: spec, geometry: nil, inputShape: [1, 9, 9, 1], outputShape: nil, position: 0,
                              count: 0, palette: .monochrome)
        #expect(line.text(width: 200)
            == "rate 5  kernel 3x1  stride 1  pad 0,1,2,3  fill zeros  9x9 → no output  impossible  paused 2/s")
        #expect(line.text(width: 30) == "r5 k3x1 s1 0,1,2,3 impossible")
    }

    @Test func everyWidthFitsAndKeepsThePositionLongest() throws {
        let line = try status()
        for width in 0...110 {
            let buffer = CellBuffer.rendering(line, size: Size(width: width, height: 1))
            let text = buffer.lines.first ?? ""
            #expect(text.count == width)
            if width >= 7 { #expect(text.hasSuffix("? help")) }
            if width >= 12 { #expect(text.contains("2/49")) }
        }
    }
}
