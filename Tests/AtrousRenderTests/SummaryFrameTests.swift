import AtrousCore
import AtrousExplorer
import Testing
@testable import AtrousRender

/// The state's ``MapSummary`` values spare a frame the passes over whole maps; the frame must
/// not change for it: drawn with them or with every map read afresh, it is the same.
struct SummaryFrameTests {
    /// Five channels of mixed integers, halves and thirds, negative and positive.
    static let input = Tensor<Double>(shape: [12, 14, 5]) {
        Double(($0[0] * 7 + $0[1] * 3) % 11 - 5) / Double(1 + $0[2] % 3)
    }

    static func states() -> [ExplorerState] {
        var state = ExplorerState()
        var states: [ExplorerState] = []
        for action: ExplorerAction in [.inputLoaded(.double(input), path: "mixed.npy"), .stepChannel(.forward),
                                       .stepChannel(.forward), .move(.right), .addLayer(nil), .setActivation(.relu),
                                       .stepChannel(.forward), .stepLayer(.backward), .adjustRate(by: 1, axis: nil)] {
            update(&state, action)
            states.append(state)
        }
        return states
    }

    @Test("Every frame equals the frame drawn from the maps alone", arguments: [true, false])
    func framesAgree(colors: Bool) throws {
        for state in Self.states() {
            #expect(state.inputSummary != nil && state.outputSummary != nil)
            for size in [Size(width: 80, height: 24), Size(width: 160, height: 48)] {
                var afresh = ExplorerScreen(state: state, palette: Palette(colors: colors))
                afresh.inputSummary = nil
                afresh.outputSummary = nil
                #expect(render(state, size: size, colors: colors) == CellBuffer.rendering(afresh, size: size))
            }
        }
    }

    @Test("A plane told its summary formats and scales as one that reads its values")
    func planesAgree() throws {
        for channel in 0..<5 {
            let summary = try #require(MapSummary(featureMap: Self.input, channel: channel))
            let told = Plane(featureMap: Self.input, channel: channel, summary: summary)
            let read = Plane(featureMap: Self.input, channel: channel)
            #expect(told.range == read.range)
            for width in 3...6 { #expect(told.format(maxWidth: width) == read.format(maxWidth: width)) }
            // A summary of another channel is not taken for this one.
            let other = Plane(featureMap: Self.input, channel: (channel + 1) % 5, summary: summary)
            #expect(other.range == Plane(featureMap: Self.input, channel: (channel + 1) % 5).range)
        }
    }
}
