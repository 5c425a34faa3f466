import AtrousCore
import Testing
@testable import AtrousExplorer

/// A layer key and how it should change the spec, checked against AtrousCore's geometry.
struct LayerKeyCase: Sendable, CustomTestStringConvertible {
    let key: Key
    let expected: @Sendable (LayerSpec) -> LayerSpec
    var testDescription: String { "\(key)" }

    init(_ key: Character, _ expected: @escaping @Sendable (inout LayerSpec) -> Void) {
        self.key = .character(key)
        self.expected = { var spec = $0; expected(&spec); return spec }
    }
}

@Suite("Layer parameters")
struct LayerActionTests {
    static let keyCases: [LayerKeyCase] = [
        LayerKeyCase("r") { $0.rate = Pair(square: 3) },
        LayerKeyCase("R") { $0.rate = Pair(square: 1) },
        LayerKeyCase("z") { $0.kernelSize = Pair(square: 4) },
        LayerKeyCase("Z") { $0.kernelSize = Pair(square: 2) },
        LayerKeyCase("s") { $0.stride = Pair(square: 2) },
        LayerKeyCase("S") { _ in },
        LayerKeyCase("a") { $0.padding = .full },
        LayerKeyCase("A") { $0.padding = .valid },
        LayerKeyCase("f") { $0.fill = .reflect },
        LayerKeyCase("F") { $0.fill = .circular },
    ]

    /// Each key changes exactly the parameter it names, and the geometry the state shows is
    /// the one AtrousCore computes: same pads per side, same output size.
    @Test(arguments: keyCases)
    func keyChangesTheSpecAndTheGeometryMatchesTheCore(_ keyCase: LayerKeyCase) throws {
        var state = ExplorerState()
        let before = state.spec
        let keyAction = try #require(action(for: keyCase.key, in: state))
        update(&state, keyAction)
        #expect(state.spec == keyCase.expected(before))
        let core = try ConvolutionGeometry(inputSize: Pair(square: 9), spec: keyCase.expected(before))
        let shown = try #require(state.geometry)
        #expect(shown.pads == core.pads)
        #expect(shown.outputSize == core.outputSize)
        #expect(state.output?.shape == [1, core.outputSize.height, core.outputSize.width, 1])
        #expect(state.kernelShape.size == state.spec.kernelSize)
    }

    /// After any sequence of layer keys, the taps of every cell still sum to its output value.
    @Test(arguments: ["rrs", "zzZa", "sssaf", "aaaa", "ZZZrrrr", "zzfff", "sazr"])
    func tapsMatchTheOutputAfterKeys(_ keys: String) throws {
        var state = ExplorerState()
        for key in keys { if let keyAction = action(for: .character(key), in: state) { update(&state, keyAction) } }
        guard let geometry = state.geometry else {
            #expect(state.configurationError != nil)
            return
        }
        #expect(geometry == coreGeometry(state))
        for cell in allCells(geometry.outputSize) {
            update(&state, .selectOutputCell(row: cell.row, column: cell.column))
            let taps = try #require(state.taps)
            #expect(isClose(taps.sum, try #require(outputValue(state, at: cell))), "\(keys) at \(cell)")
        }
    }

    @Test func adjustPerAxis() {
        let rate = stateAfter([.adjustRate(by: 1, axis: .width)])
        #expect(rate.spec.rate == Pair(2, 3))
        let size = stateAfter([.adjustKernelSize(by: -2, axis: .height)])
        #expect(size.spec.kernelSize == Pair(1, 3))
        #expect(size.kernelShape.size == Pair(1, 3))
        let stride = stateAfter([.adjustStride(by: 1, axis: .height)])
        #expect(stride.spec.stride == Pair(2, 1))
        #expect(stride.geometry?.outputSize == Pair(5, 9))
    }

    @Test func adjustStopsAtTheLimits() {
        let low = stateAfter([.adjustStride(by: -1, axis: nil)])
        #expect(low.spec.stride == Pair(square: 1))
        #expect(low.message == .info("The stride stays 1, the smallest the explorer allows (1 to 8)."))
        #expect(!low.history.canUndo)
        let top = ExplorerLimits.rate.upperBound
        let high = stateAfter([.setRate(Pair(square: top)), .adjustRate(by: 1, axis: nil)])
        #expect(high.spec.rate == Pair(square: top))
    }

    @Test func setRateStrideAndKernelSize() {
        let set = stateAfter([.setRate(Pair(2, 3)), .setStride(Pair(1, 2)), .setKernelSize(Pair(5, 3))])
        #expect(set.spec.rate == Pair(2, 3))
        #expect(set.spec.stride == Pair(1, 2))
        #expect(set.spec.kernelSize == Pair(5, 3))
        #expect(set.kernel == KernelPreset.box.tensor(size: Pair(5, 3), channels: 1))
        #expect(set.geometry == coreGeometry(set))
    }

    @Test(arguments: [
        (ExplorerAction.setRate(Pair(0, 2)), "The rate must be between 1 and 512, got 0."),
        (.setStride(Pair(9, 1)), "The stride must be between 1 and 8, got 9."),
        (.setKernelSize(Pair(3, 12)), "The kernel size must be between 1 and 11, got 12."),
        (.setPadding(.explicit(top: 1, bottom: 65, left: 0, right: 0)),
         "Explicit padding must be between 0 and 64 cells per side, got 65."),
        (.setPadding(.explicit(top: -1, bottom: -1, left: 0, right: 0)),
         "Explicit padding must be between 0 and 64 cells per side, got -1."),
    ])
    func setOutsideTheLimitsIsRefused(action: ExplorerAction, message: String) {
        let refused = stateAfter([action])
        #expect(refused.parameters == ExplorerState().parameters)
        #expect(refused.message == .error(message))
    }

    @Test(arguments: [Padding.valid, .same, .full, .explicit(top: 0, bottom: 1, left: 2, right: 3)])
    func setPadding(_ padding: Padding) throws {
        let padded = stateAfter([.setPadding(padding)])
        #expect(padded.spec.padding == padding)
        let geometry = try #require(padded.geometry)
        #expect(geometry == coreGeometry(padded))
    }

    @Test(arguments: Fill.allCases)
    func setFill(_ fill: Fill) throws {
        // An input-reading fill changes what the padded taps hold: their values are the input
        // cells the fill names.
        let filled = stateAfter([.setInputPattern(.ramp, size: nil), .setFill(fill)])
        #expect(filled.spec.fill == fill)
        let taps = try #require(filled.taps)
        for tap in taps.taps where tap.source.isPadding {
            let row = fill.sourceIndex(tap.row, size: 9), column = fill.sourceIndex(tap.column, size: 9)
            let expected = row.flatMap { r in column.map { c in filled.input[0, r, c, 0] } } ?? 0
            #expect(tap.value == expected)
        }
    }

    @Test func paddingCyclesThroughTheNamedModes() {
        var state = stateAfter([.setPadding(.valid), .setKernelSize(Pair(1, 3))])
        var seen: [Padding] = []
        for _ in 0..<4 {
            update(&state, .cyclePadding(.forward))
            seen.append(state.spec.padding)
        }
        #expect(seen == [.same, .full, .causal, .valid])
        update(&state, .cyclePadding(.backward))
        #expect(state.spec.padding == .causal)
        #expect(state.configurationError == nil)
        let explicit = stateAfter([.setPadding(.explicit(top: 1, bottom: 1, left: 1, right: 1)), .cyclePadding(.forward)])
        #expect(explicit.spec.padding == .valid)
    }

    @Test func causalWithATallKernelShowsTheCoreErrorAndStaysUsable() throws {
        // `a` no longer offers causal to a 3x3 kernel; `:padding causal` still sets it.
        var state = stateAfter([.selectOutputCell(row: 3, column: 5), .setPadding(.causal)])
        #expect(state.spec.padding == .causal)
        let error = ConvolutionError.causalNeedsFlatKernel(kernelHeight: 3)
        #expect(state.configurationError == error)
        #expect(state.message == .error(error.description))
        #expect(state.geometry == nil && state.output == nil && state.taps == nil)
        // Moves do nothing but nothing traps, and the position is kept for later.
        for action: ExplorerAction in [.move(.down), .step(.forward), .last, .togglePlay, .tick,
                                       .selectOutputCell(row: 0, column: 0), .selectInputCell(row: 0, column: 0)] {
            update(&state, action)
        }
        #expect(state.position == GridPosition(row: 3, column: 5))
        #expect(!state.playback.isPlaying)
        // A flat kernel makes causal possible: the output is back, in the core's geometry.
        update(&state, .setKernelSize(Pair(1, 3)))
        #expect(state.configurationError == nil)
        #expect(state.geometry == coreGeometry(state))
        let pads = try #require(state.geometry).pads, corePads = try #require(coreGeometry(state)).pads
        #expect(pads == corePads)
        #expect(state.position == GridPosition(row: 3, column: 5))
    }

    @Test func anEmptyOutputShowsTheCoreErrorAndRecovers() throws {
        let impossible = stateAfter([.setPadding(.valid), .setRate(Pair(square: 5))])
        let error = ConvolutionError.emptyOutput(axis: .height, inputSize: 9, padBefore: 0, padAfter: 0, kernelSize: 3, rate: 5)
        #expect(impossible.configurationError == error)
        #expect(impossible.message == .error(error.description))
        #expect(impossible.positionCount == 0)
        let recovered = stateAfter([.adjustRate(by: -1, axis: nil)], from: impossible)
        #expect(recovered.configurationError == nil)
        #expect(recovered.geometry?.outputSize == Pair(square: 1))
    }

    @Test func reflectTooLargeIsAnErrorState() {
        let reflect = stateAfter([.setInputPattern(.ramp, size: Pair(square: 2)), .setFill(.reflect)])
        #expect(reflect.configurationError == .reflectPaddingTooLarge(axis: .height, pad: 2, inputSize: 2))
    }

    @Test func positionIsClampedIntoASmallerOutput() {
        let clamped = stateAfter([.last, .setPadding(.valid)])
        #expect(clamped.geometry?.outputSize == Pair(square: 5))
        #expect(clamped.position == GridPosition(row: 4, column: 4))
        #expect(clamped.taps?.outputRow == 4)
    }

    @Test func strideWithRateTellsTheKerasRule() {
        let strided = stateAfter([.adjustStride(by: 1, axis: nil)])
        #expect(strided.message == .note("Keras Conv2D refuses strides > 1 with dilation_rate > 1; tf.nn.conv2d accepts it."))
        // The rule still applies after the next change, so it is not repeated.
        let again = stateAfter([.cycleFill(.forward)], from: strided)
        #expect(again.message == .info("Fill reflect."))
        let plain = stateAfter([.cycleFill(.forward)], from: again)
        #expect(plain.message == .info("Fill replicate."))
    }

    @Test func asymmetricSameIsAnnounced() {
        // A 2x2 kernel at rate 1 spans 2 cells: SAME needs one cell of padding, which TensorFlow
        // puts at the bottom and right.
        let odd = stateAfter([.setRate(Pair(square: 1)), .setKernelSize(Pair(square: 2))])
        #expect(odd.message == .note(FrameworkNote.sameIsAsymmetric(top: 0, bottom: 1, left: 0, right: 1, strided: false).description))
    }

    @Test func unchangedParametersRecordNothing() {
        let same = stateAfter([.setPadding(.same)])
        #expect(same.message == .info("Unchanged: padding same."))
        #expect(!same.history.canUndo)
    }
}

/// What the message line says after an error, and the padding cycle of a 2-D kernel.
struct MessageAndCycleTests {
    /// `:goto 99,0` fails; a later `:goto 5,5`, `n` or move succeeds and the old error goes.
    @Test(arguments: [[ExplorerAction.selectOutputCell(row: 5, column: 5)], [.step(.forward)], [.move(.down)],
                      [.adjustRate(by: 1, axis: nil)]])
    func aSuccessfulActionClearsAnOldError(next: [ExplorerAction]) {
        let failed = stateAfterCommand("goto 99,0")
        #expect(failed.message?.kind == .error)
        let after = stateAfter(next, from: failed)
        #expect(after.message?.kind != .error)
    }

    @Test func anImpossibleConfigurationStaysSaid() {
        let impossible = stateAfter([.setPadding(.valid), .setRate(Pair(square: 5))])
        #expect(impossible.configurationError != nil)
        #expect(stateAfter([.move(.down)], from: impossible).message?.kind == .error)
    }

    @Test func typingOrScrollingKeepsTheError() {
        let failed = stateAfterCommand("goto 99,0")
        #expect(stateAfter([.toggleHelp, .scrollHelp(by: 1)], from: failed).message == failed.message)
    }

    /// Causal padding is only for kernels one row high: `a` on a 3x3 kernel never lands on it.
    @Test func paddingCycleSkipsCausalForTallKernels() {
        var state = stateAfter([.setPadding(.valid)])
        var seen: [Padding] = []
        for _ in 0..<6 {
            update(&state, .cyclePadding(.forward))
            seen.append(state.spec.padding)
        }
        #expect(seen == [.same, .full, .valid, .same, .full, .valid])
        update(&state, .cyclePadding(.backward))
        #expect(state.spec.padding == .full)
        #expect(state.configurationError == nil)
    }
}
