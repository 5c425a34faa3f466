import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("Channels and playback")
struct ChannelAndPlaybackTests {
    /// A 3-channel 5x5 input whose channel c holds 100·c plus the reading-order index.
    static let rgb = Tensor<Double>(shape: [5, 5, 3]) { Double(100 * $0[2] + 5 * $0[0] + $0[1]) }

    @Test func stepChannelWrapsAndTheTapsFollow() throws {
        var state = stateAfter([.inputLoaded(.double(Self.rgb), path: "rgb.npy"), .setKernelPreset(.identity),
                                  .selectOutputCell(row: 2, column: 3)])
        for expected in [1, 2, 0] {
            update(&state, .stepChannel(.forward))
            #expect(state.outputChannel == expected && state.inputChannel == expected)
            let taps = try #require(state.taps)
            #expect(taps.outputChannel == expected)
            // The identity kernel copies the channel: 100·c + 5·2 + 3.
            #expect(taps.sum == Double(100 * expected + 13))
        }
        update(&state, .stepChannel(.backward))
        #expect(state.outputChannel == 2)
    }

    @Test func selectChannelChecksTheRange() {
        let selected = stateAfter([.inputLoaded(.double(Self.rgb), path: "rgb.npy"), .selectChannel(2)])
        #expect(selected.outputChannel == 2 && selected.inputChannel == 2)
        #expect(selected.message == .info("Channel 2: input channel 2, output channel 2."))
        let refused = stateAfter([.selectChannel(1)])
        #expect(refused.outputChannel == 0)
        #expect(refused.message
            == .error("Channel 1 does not exist: the input has 1 channel and the kernel 1 output channel, counted from 0."))
    }

    @Test func channelsAreClampedWhenTheInputLosesThem() {
        let fewer = stateAfter([.inputLoaded(.double(Self.rgb), path: "rgb.npy"), .selectChannel(2),
                                  .setInputPattern(.ramp, size: nil)])
        #expect(fewer.outputChannel == 0 && fewer.inputChannel == 0)
        #expect(fewer.taps?.outputChannel == 0)
    }

    @Test func togglePlayStartsAndPauses() {
        let playing = stateAfter([.togglePlay])
        #expect(playing.playback.isPlaying)
        #expect(!stateAfter([.togglePlay], from: playing).playback.isPlaying)
    }

    @Test func tickAdvancesOnlyWhilePlaying() {
        #expect(stateAfter([.tick]).position == .origin)
        #expect(stateAfter([.togglePlay, .tick, .tick]).position == GridPosition(row: 0, column: 2))
    }

    @Test func playStopsAtTheLastCellAndRestartsFromTheFirst() {
        var state = stateAfter([.setPadding(.valid), .togglePlay])
        var ticks = 0
        while state.playback.isPlaying && ticks < 100 {
            update(&state, .tick)
            ticks += 1
        }
        #expect(ticks == 24)
        #expect(state.position == GridPosition(row: 4, column: 4))
        #expect(state.message == .info("Played all 25 output cells."))
        update(&state, .togglePlay)
        #expect(state.playback.isPlaying && state.position == .origin)
    }

    @Test func speedClimbsTheLadderAndStops() {
        var state = ExplorerState()
        #expect(state.playback.stepsPerSecond == 2)
        update(&state, .changeSpeed(.forward))
        #expect(state.playback.stepsPerSecond == 4)
        #expect(state.message == .info("Speed 4 steps per second."))
        for _ in 0..<10 { update(&state, .changeSpeed(.forward)) }
        #expect(state.playback.stepsPerSecond == Playback.speeds.last)
        #expect(state.message == .info("Speed stays at 32 steps per second, the fastest."))
        for _ in 0..<10 { update(&state, .changeSpeed(.backward)) }
        #expect(state.playback.stepsPerSecond == 1)
    }

    @Test func helpToggles() {
        #expect(stateAfter([.toggleHelp]).mode == .help)
        #expect(stateAfter([.toggleHelp, .toggleHelp]).mode == .normal)
    }

    @Test func quitIsAnEffect() {
        var state = ExplorerState()
        #expect(update(&state, .quit) == [.quit])
        #expect(state == ExplorerState())
    }
}
