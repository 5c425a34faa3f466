import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("Taps against the output")
struct TapsConsistencyTests {
    /// Changes that move every parameter at once, each ending in a possible configuration.
    static let scenarios: [[ExplorerAction]] = [
        [.setInputPattern(.random(seed: 3), size: Pair(8, 11)), .setKernelPreset(.random(seed: 2)),
         .setRate(Pair(1, 3)), .setStride(Pair(2, 1)), .setFill(.circular)],
        [.setInputPattern(.glyph("A"), size: Pair(12, 9)), .setKernelPreset(.sobelX), .setKernelSize(Pair(2, 4)),
         .setPadding(.full), .setFill(.replicate)],
        [.setInputPattern(.ramp, size: Pair(6, 6)), .setKernelSize(Pair(1, 3)), .setPadding(.causal), .setRate(Pair(1, 2))],
        [.inputLoaded(.double(Tensor(shape: [7, 5, 2]) { Double($0[0] * 10 + $0[1]) - 3.5 * Double($0[2]) }), path: "two.npy"),
         .setKernelPreset(.random(seed: 11)), .setPadding(.explicit(top: 0, bottom: 2, left: 3, right: 1)),
         .setFill(.reflect), .setStride(Pair(square: 2))],
    ]

    /// In every scenario, at every cell and every output channel, the sum of the taps is the
    /// output value: the taps panel and the output panel can never disagree.
    @Test(arguments: scenarios.indices)
    func tapsSumToTheOutputEverywhere(_ scenario: Int) throws {
        var state = stateAfter(Self.scenarios[scenario])
        let geometry = try #require(state.geometry, "\(state.configurationError?.description ?? "")")
        #expect(geometry == coreGeometry(state))
        for channel in 0..<state.kernelShape.outputChannels {
            update(&state, .selectChannel(channel))
            for cell in allCells(geometry.outputSize) {
                update(&state, .selectOutputCell(row: cell.row, column: cell.column))
                let taps = try #require(state.taps)
                #expect(taps.taps.count == state.kernelShape.height * state.kernelShape.width * state.inputShape.channels)
                #expect(isClose(taps.sum, try #require(outputValue(state, at: cell))), "channel \(channel) at \(cell)")
            }
        }
    }
}
