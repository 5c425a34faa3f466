import AtrousCore
import AtrousExplorer
import AtrousRender
import AtrousTestSupport
import Foundation
import Testing
@testable import AtrousBench

@Suite("Benchmark figures of the explorer and of the program's start-up")
struct ExplorerFigureTests {
    @Test("The standard figures include the explorer's key press, its first frame and the start-up")
    func standardFigures() {
        let names = BenchSuite.standard.map(\.name)
        for name in ["default_key_to_frame", "stack512_key_to_frame", "default_first_frame", "startup_render",
                     "stack512_layer1_key", "stack256x32_l1_key", "layer512_key_to_frame", "pinned512_key_to_frame"] {
            #expect(names.contains(name))
        }
        #expect(BenchSuite.standard.filter { names.contains($0.name) && $0.name.hasSuffix("frame") }
            .allSatisfy { $0.flops == nil })
    }

    @Test("The large figures are the 8192x8192 input's start-up, first frame, cursor and parameter keys, apart from the standard ones")
    func largeInputFigures() {
        #expect(BenchSuite.large.map(\.name) == ["large_render", "large_first_frame", "large_cursor_key", "large_parameter_key"])
        #expect(BenchSuite.large.allSatisfy { $0.flops == nil && $0.summary.contains("8192x8192") })
        #expect(!BenchSuite.standard.contains { $0.name.hasPrefix("large") }, "the standard run stays under a minute")
    }

    @Test("Every key of the walks does something, and a whole walk comes back to its start")
    func walksAreClosed() {
        for (keys, setUp) in [(InteractionWorkload.walk, [ExplorerAction]()),
                              (InteractionWorkload.stackWalk, InteractionWorkload.stackSetUp(side: 24, rates: [1, 2, 4, 8]))] {
            var state = ExplorerState()
            for action in setUp { update(&state, action) }
            let (start, startLayer, startRate) = (state.position, state.selectedLayer, state.spec.rate)
            var positions: Set<GridPosition> = []
            for key in keys {
                let action = action(for: key, in: state)
                #expect(action != nil, "\(key)")
                if let action { update(&state, action) }
                positions.insert(state.position)
            }
            #expect(state.position == start)
            #expect(state.selectedLayer == startLayer)
            #expect(state.spec.rate == startRate)
            #expect(positions.count >= 4)
        }
    }

    @Test("Each key of the layer-1 walk changes layer 1, so every layer is computed again")
    func layerOneWalkRecomputesTheStack() {
        var state = ExplorerState()
        for action in InteractionWorkload.stackSetUp(side: 16, rates: [1, 2, 4, 8], channels: 3) { update(&state, action) }
        #expect(state.parameters.weights.map(\.kernelShape) == Array(repeating: KernelShape(height: 3, width: 3,
            inputChannels: 3, outputChannels: 3), count: 4))
        #expect(state.stackOutputs.outputs.count == 4 && state.selectedLayer == 0)
        for key in InteractionWorkload.layerRateWalk {
            let before = state.stackOutputs.outputs
            if let action = action(for: key, in: state) { update(&state, action) }
            #expect(state.stackOutputs.recomputedFrom == 0)
            #expect(zip(before, state.stackOutputs.outputs).allSatisfy { $0 != $1 }, "every layer's output changed")
        }
    }

    @Test("The stack set-up loads the input and the layers and shows the view")
    func stackSetUp() {
        var state = ExplorerState()
        for action in InteractionWorkload.stackSetUp(side: 32, rates: [1, 2, 4, 8]) { update(&state, action) }
        #expect(state.inputShape.spatial == Pair(32, 32))
        #expect(state.layers.map(\.rate) == [1, 2, 4, 8].map { Pair(square: $0) })
        #expect(state.layers.allSatisfy { $0.padding == .same && $0.kernelSize == Pair(square: 3) })
        #expect(state.stack.isShown)
        #expect(state.stack.analysis != nil)
        #expect(state.configurationError == nil)
    }

    @Test("Quick runs of the key-press figures render real frames and check them")
    func quickKeyPresses() throws {
        let small = InteractionWorkload(summary: "48x48 stack", setUp: { InteractionWorkload.stackSetUp(side: 48, rates: [1, 2, 4, 8]) },
                                        size: Size(width: 160, height: 48), keys: InteractionWorkload.stackWalk)
        let figures = try BenchSuite.select(["default_key_to_frame", "default_first_frame"]) + [
            small.figure(name: "small_stack_key_to_frame", repetitions: 20),
        ]
        // Enough runs that the stack walk passes through every key, layer changes included.
        let report = try BenchSuite.run(figures, settings: BenchSuite.Settings(warmUp: 1, repetitions: 12))
        #expect(report.allChecksPassed, "\(report.figures.compactMap(\.failure))")
        #expect(report.figures.map(\.name) == ["default_key_to_frame", "default_first_frame", "small_stack_key_to_frame"])
        #expect(report.figures.allSatisfy { $0.gigaflopsPerSecond == nil && $0.timing.samples.count == 12 })
    }

    @Test("A frame that does not show the current cell's place fails the check")
    func wrongFrameFails() throws {
        // A terminal too small for the status line: the frame says so instead of the position.
        let tiny = InteractionWorkload(summary: "too small", size: Size(width: 10, height: 4))
        let report = try BenchSuite.run([tiny.figure(name: "tiny", repetitions: 3)], settings: .quick)
        #expect(report["tiny"]?.failure?.hasPrefix("no line of the frame shows the current cell's place") == true)
        let idle = InteractionWorkload(summary: "a key that does nothing", size: Size(width: 80, height: 24),
                                       keys: [.function(12)])
        let idleReport = try BenchSuite.run([idle.figure(name: "idle", repetitions: 3)], settings: .quick)
        #expect(idleReport["idle"]?.failure == "the key function(12) did nothing")
    }

    @Test("An impossible set-up is refused before timing, with a sentence naming the figure")
    func impossibleSetUp() {
        let impossible = InteractionWorkload(summary: "valid padding on a 2x2 input",
                                             setUp: { [.setInputPattern(.impulse, size: Pair(2, 2)), .setPadding(.valid),
                                                       .setKernelSize(Pair(square: 5))] },
                                             size: Size(width: 80, height: 24))
        let error = #expect(throws: BenchError.self) {
            try BenchSuite.run([impossible.figure(name: "impossible", repetitions: 3)], settings: .quick)
        }
        #expect(error?.description.hasPrefix("The figure impossible could not be set up: ") == true)
    }

    @Test("The start-up figure runs the real atrous render, checks its frame and reads its memory")
    func startUp() throws {
        let figure = StartUpWorkload(executable: try AtrousBinary.path()).figure(name: "startup_render", repetitions: 3)
        let report = try BenchSuite.run([figure], settings: .quick)
        let result = try #require(report["startup_render"])
        #expect(result.failure == nil)
        #expect(result.timing.samples.allSatisfy { $0 > 0 })
        let memory = try #require(result.readings.first { $0.key == StartUpWorkload.memoryKey })
        // Any Swift program holds a few MiB; far more would be a unit mistake.
        #expect(memory.value > 1 && memory.value < 1024)

        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(object["startup_render_median_ms"] != nil && object["startup_render_p99_ms"] != nil)
        #expect((object["default_session_max_rss_mb"] as? Double).map { abs($0 - memory.value) < 1e-3 } == true)
        #expect(object["startup_render_gflops"] == nil)
        #expect(report.text.contains("default_session_max_rss_mb = "))
    }

    @Test("A program that is not atrous, or fails, fails the start-up check; one that cannot start throws")
    func startUpFailures() throws {
        let wrong = StartUpWorkload(executable: "/bin/echo").figure(name: "echo", repetitions: 1)
        let report = try BenchSuite.run([wrong], settings: .quick)
        #expect(report["echo"]?.failure == "/bin/echo render printed 7 bytes that are not the default session's frame")
        let failing = StartUpWorkload(executable: "/bin/false").figure(name: "false", repetitions: 1)
        #expect(try BenchSuite.run([failing], settings: .quick)["false"]?.failure == "/bin/false render exited with status 1")
        let missing = StartUpWorkload(executable: "/nonexistent/atrous").figure(name: "missing", repetitions: 1)
        #expect(throws: BenchError.spawnFailed(executable: "/nonexistent/atrous", reason: "No such file or directory")) {
            try BenchSuite.run([missing], settings: .quick)
        }
    }
}
