import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("Kernel presets and weights")
struct KernelActionTests {
    @Test func presetCycleVisitsEveryPresetAndReturns() {
        var state = ExplorerState()
        var names: [String] = []
        for _ in KernelPreset.cycle {
            update(&state, .cycleKernelPreset(.forward))
            names.append(state.kernelSource.preset.name)
        }
        #expect(names == ["identity", "gaussian", "sobel-x", "sobel-y", "laplacian", "random", "box"])
        #expect(state.kernelSource == .preset(.box))
        update(&state, .cycleKernelPreset(.backward))
        #expect(state.kernelSource == .preset(.random(seed: 1)))
    }

    @Test(arguments: KernelPreset.cycle)
    func setKernelPresetKeepsTheSize(_ preset: KernelPreset) {
        let set = stateAfter([.setKernelSize(Pair(5, 3)), .setKernelPreset(preset)])
        #expect(set.kernelShape.size == Pair(5, 3))
        #expect(set.kernel == preset.tensor(size: Pair(5, 3), channels: 1))
        #expect(set.kernelSource == .preset(preset))
        let note = preset.sizeNote(at: Pair(5, 3))
        #expect((note != nil) == [KernelPreset.sobelX, .sobelY, .laplacian].contains(preset))
        if let note { #expect(set.message == .note(note)) }
    }

    @Test func presetWeightsAtThreeByThree() {
        func plane(_ preset: KernelPreset) -> [Double] { preset.tensor(size: Pair(square: 3), channels: 1).scalars }
        #expect(plane(.box) == Array(repeating: 1, count: 9))
        #expect(plane(.identity) == [0, 0, 0, 0, 1, 0, 0, 0, 0])
        #expect(plane(.gaussian) == [1, 2, 1, 2, 4, 2, 1, 2, 1].map { $0 / 16 })
        #expect(plane(.sobelX) == [1, 0, -1, 2, 0, -2, 1, 0, -1])
        #expect(plane(.sobelY) == [1, 2, 1, 0, 0, 0, -1, -2, -1])
        #expect(plane(.laplacian) == [0, 1, 0, 1, -4, 1, 0, 1, 0])
        let random = plane(.random(seed: 5))
        #expect(random.allSatisfy { (-1...1).contains($0) && ($0 * 10).rounded() == $0 * 10 })
        #expect(random == plane(.random(seed: 5)))
        #expect(random != plane(.random(seed: 6)))
    }

    @Test func stencilPresetsAreCentredAtOtherSizes() {
        let five = KernelPreset.laplacian.tensor(size: Pair(square: 5), channels: 1)
        #expect(five[2, 2, 0, 0] == -4 && five[1, 2, 0, 0] == 1 && five[0, 0, 0, 0] == 0)
        #expect(five.scalars.reduce(0, +) == 0)
        #expect(KernelPreset.laplacian.tensor(size: Pair(square: 1), channels: 1).scalars == [-4])
        #expect(KernelPreset.gaussian.tensor(size: Pair(square: 5), channels: 1).scalars.reduce(0, +) == 1)
    }

    @Test func presetsFilterEachChannelOnItsOwn() {
        let kernel = KernelPreset.identity.tensor(size: Pair(square: 3), channels: 2)
        #expect(kernel.shape == [3, 3, 2, 2])
        #expect(kernel[1, 1, 0, 0] == 1 && kernel[1, 1, 1, 1] == 1)
        #expect(kernel[1, 1, 0, 1] == 0 && kernel[1, 1, 1, 0] == 0)
    }

    @Test func setWeightEditsTheKernelAndTheOutput() throws {
        let edited = stateAfter([.setWeight(row: 0, column: 2, value: -0.5)])
        #expect(edited.kernel[0, 2, 0, 0] == -0.5)
        #expect(edited.kernelSource == .edited(.box))
        #expect(edited.selectedWeight == GridPosition(row: 0, column: 2))
        #expect(edited.message == .info("Weight (0, 2) = -0.5."))
        let convolution = try Convolution(kernel: edited.kernel, rate: Pair(square: 2), padding: .same)
        #expect(edited.output == .double(try convolution(edited.input.doubles)))
    }

    @Test func setWeightChecksItsArguments() {
        let outside = stateAfter([.setWeight(row: 3, column: 0, value: 1)])
        #expect(outside.message == .error("The weight (3, 0) lies outside the 3x3 kernel."))
        #expect(outside.parameters == ExplorerState().parameters)
        let infinite = stateAfter([.setWeight(row: 0, column: 0, value: .infinity)])
        #expect(infinite.message?.kind == .error)
        #expect(infinite.parameters == ExplorerState().parameters)
    }

    @Test func setSelectedWeightUsesTheSelection() {
        let edited = stateAfter([.selectWeight(row: 2, column: 1), .setSelectedWeight(7)])
        #expect(edited.kernel[2, 1, 0, 0] == 7)
        #expect(edited.kernel.scalars.filter { $0 == 7 }.count == 1)
    }

    @Test func selectWeightChecksTheKernel() {
        #expect(stateAfter([.selectWeight(row: 1, column: 2)]).selectedWeight == GridPosition(row: 1, column: 2))
        let outside = stateAfter([.selectWeight(row: 1, column: 2), .selectWeight(row: 0, column: 3)])
        #expect(outside.selectedWeight == GridPosition(row: 1, column: 2))
        #expect(outside.message?.kind == .error)
    }

    @Test func stepWeightWrapsRowMajor() {
        #expect(stateAfter([.stepWeight(.forward)]).selectedWeight == GridPosition(row: 0, column: 1))
        #expect(stateAfter([.selectWeight(row: 0, column: 2), .stepWeight(.forward)]).selectedWeight
            == GridPosition(row: 1, column: 0))
        #expect(stateAfter([.stepWeight(.backward)]).selectedWeight == GridPosition(row: 2, column: 2))
    }

    @Test func selectionIsClampedWhenTheKernelShrinks() {
        let shrunk = stateAfter([.selectWeight(row: 2, column: 2), .adjustKernelSize(by: -1, axis: nil)])
        #expect(shrunk.selectedWeight == GridPosition(row: 1, column: 1))
    }

    @Test func editedWeightsKeepTheirPlacesWhenTheSizeChanges() {
        let grown = stateAfter([.setWeight(row: 1, column: 1, value: 5), .adjustKernelSize(by: 1, axis: nil)])
        #expect(grown.kernelShape.size == Pair(square: 4))
        #expect(grown.kernel[1, 1, 0, 0] == 5 && grown.kernel[0, 0, 0, 0] == 1 && grown.kernel[3, 3, 0, 0] == 0)
        #expect(grown.kernelSource == .edited(.box))
    }
}
