import AtrousCore
import AtrousExplorer
import AtrousRender

/// An explorer session driven key by key: the actions that set it up, the terminal it draws
/// on, and the keys pressed in turn, each one run through the key map, the update and the
/// render, as the explorer's loop does between a key press and the frame it draws.
public struct InteractionWorkload: Sendable {
    /// One line for the report, e.g. `default session, 80x24, colours`.
    public var summary: String
    /// Applied once before timing (e.g. loading an input, setting the stack); not timed.
    public var setUp: @Sendable () -> [ExplorerAction]
    /// The terminal's columns and rows.
    public var size: Size
    /// Whether the frame uses the colour palette.
    public var colors: Bool
    /// The keys, pressed in turn and again from the first; each changes what the screen
    /// shows, and a whole cycle comes back to where it began, so a long run neither drifts
    /// to an edge nor repeats a frame it has already drawn.
    public var keys: [Key]

    public init(summary: String, setUp: @escaping @Sendable () -> [ExplorerAction] = { [] }, size: Size,
                colors: Bool = true, keys: [Key] = InteractionWorkload.walk) {
        self.summary = summary
        self.setUp = setUp
        self.size = size
        self.colors = colors
        self.keys = keys
    }

    /// A walk round a square of cells with a step each way and a rate change up and back:
    /// right, down, next cell, rate up, rate down, previous cell, left, up.
    public static let walk: [Key] = [.right, .down, .character("n"), .character("r"), .character("R"),
                                     .character("p"), .left, .up]

    /// The walk, then the next layer of the stack and back to the first.
    public static let stackWalk: [Key] = walk + [.character("}"), .character("{")]

    /// The explorer as it starts, on an 80x24 terminal in colour.
    public static let defaultSession = InteractionWorkload(summary: "default session, 80x24, colours",
                                                           size: Size(width: 80, height: 24))

    /// A 512x512 random input under four SAME 3x3 layers at rates 1, 2, 4 and 8, with the
    /// receptive-field view shown, on a 160x48 terminal in colour.
    public static let stack512 = InteractionWorkload(
        summary: "512x512 input, 3x3 stack at rates 1,2,4,8 SAME in the stack view, 160x48, colours",
        setUp: { stackSetUp(side: 512, rates: [1, 2, 4, 8]) }, size: Size(width: 160, height: 48),
        keys: stackWalk)

    /// Rate up and back down on the selected layer: each key changes it, so every layer after
    /// it is computed again from its new output.
    public static let layerRateWalk: [Key] = [.character("r"), .character("R")]

    /// The 512x512 stack with every key changing layer 1, so each key recomputes all four
    /// layers, each from the one before.
    public static let stack512Layer1 = InteractionWorkload(
        summary: "512x512 input, 4 layers 3x3 at rates 1,2,4,8 SAME, a key changing layer 1 recomputes all 4, 160x48",
        setUp: { stackSetUp(side: 512, rates: [1, 2, 4, 8]) }, size: Size(width: 160, height: 48),
        keys: layerRateWalk)

    /// 256x256 with 32 channels into every layer (3x3, 32 to 32), a key changing layer 1: about
    /// 4.8 GFLOP per key, computed in float64 as the explorer computes a float64 input.
    public static let stack256Channels32 = InteractionWorkload(
        summary: "256x256x32 input, 4 layers 3x3 32->32 at rates 1,2,4,8 SAME (float64), a key changing layer 1, 160x48",
        setUp: { stackSetUp(side: 256, rates: [1, 2, 4, 8], channels: 32) }, size: Size(width: 160, height: 48),
        keys: layerRateWalk)

    /// One SAME 3x3 layer at rate 2 on a 512x512 random input, on a 120x40 terminal in colour:
    /// the reference for ``pinned512``.
    public static let layer512 = InteractionWorkload(
        summary: "512x512 input, one 3x3 layer at rate 2 SAME, 120x40, colours",
        setUp: { stackSetUp(side: 512, rates: [2]) }, size: Size(width: 120, height: 40))

    /// ``layer512`` with that layer pinned as A and rate 3 as B: each frame draws A, B and
    /// A − B, and each rate key computes B and A − B again.
    public static let pinned512 = InteractionWorkload(
        summary: "512x512 input, 3x3 rate 2 SAME pinned as A, rate 3 as B: A, B and A-B, 120x40, colours",
        setUp: { stackSetUp(side: 512, rates: [2]) + [.pin, .setRate(Pair(square: 3))] },
        size: Size(width: 120, height: 40))

    /// Loads a `side`x`side` seeded random input of `channels` channels and sets a stack of SAME
    /// 3x3 layers at `rates`, each kernel `channels` to `channels`.
    public static func stackSetUp(side: Int, rates: [Int], channels: Int = 1) -> [ExplorerAction] {
        var generator = SplitMix64(seed: 0x5EED)
        let count = side * side * channels
        let input = Tensor(shape: channels == 1 ? [side, side] : [side, side, channels],
                           scalars: (0..<count).map { _ in Double.random(in: -1...1, using: &generator) })
        let layers = rates.map { LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: $0), padding: .same) }
        return [.inputLoaded(.double(input), path: "random-\(side)x\(side).npy"), .setLayers(layers)]
    }

    /// A figure that times one key press, from the key to the rendered frame, and checks the
    /// last frame: its size, that it differs from the frame before, and that the status line
    /// shows the current cell's place.
    public func figure(name: String, repetitions: Int) -> BenchFigure {
        let workload = self
        return BenchFigure(name: name, summary: "key to frame: " + summary, flops: nil, repetitions: repetitions) {
            try workload.prepare(name: name)
        }
    }

    /// A figure that times the explorer's first frame: building the state the set-up leads to
    /// and rendering it, as the program does before it reads any key.
    public func firstFrameFigure(name: String, repetitions: Int) -> BenchFigure {
        let workload = self
        return BenchFigure(name: name, summary: "first frame: " + summary, flops: nil, repetitions: repetitions) {
            var state = ExplorerState()
            var frame: CellBuffer?
            return PreparedWork(
                run: {
                    state = ExplorerState()
                    for action in workload.setUp() { update(&state, action) }
                    frame = render(state, size: workload.size, colors: workload.colors)
                },
                check: {
                    guard let frame else { return "no frame was rendered" }
                    return workload.problem(with: frame, state: state)
                })
        }
    }

    private func prepare(name: String) throws -> PreparedWork {
        var state = ExplorerState()
        for action in setUp() { update(&state, action) }
        if let problem = state.problem ?? state.stack.problem {
            throw BenchError.setUpFailed(figure: name, reason: problem)
        }
        let keys = self.keys
        var next = 0
        var frame: CellBuffer?
        var previous: CellBuffer?
        var ignored: Key?
        return PreparedWork(
            run: {
                let key = keys[next]
                next = (next + 1) % keys.count
                guard let action = action(for: key, in: state) else {
                    ignored = key
                    return
                }
                update(&state, action)
                previous = frame
                frame = render(state, size: size, colors: colors)
            },
            check: {
                if let ignored { return "the key \(ignored) did nothing" }
                guard let frame else { return "no frame was rendered" }
                if let problem = problem(with: frame, state: state) { return problem }
                return frame == previous ? "the last key press left the frame as it was" : nil
            })
    }

    /// What is wrong with `frame` as the picture of `state`, or nil.
    private func problem(with frame: CellBuffer, state: ExplorerState) -> String? {
        guard frame.size == size else { return "the frame is \(frame.size), not \(size)" }
        guard frame.cells.contains(where: { $0.character != " " }) else { return "the frame is blank" }
        let place = " \(state.positionNumber)/\(state.positionCount)"
        guard state.positionCount > 0, frame.lines.contains(where: { $0.contains(place) }) else {
            return "no line of the frame shows the current cell's place,\(place)"
        }
        return nil
    }
}
