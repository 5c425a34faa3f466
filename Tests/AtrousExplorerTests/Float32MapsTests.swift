import AtrousCore
import Testing
@testable import AtrousExplorer

@Suite("A float32 input is kept and computed in float32")
struct Float32MapsTests {
    /// A 2-channel float32 input whose values need all of float32's bits.
    static let input = Tensor<Float>(shape: [9, 11, 2]) { Float(($0[0] * 11 + $0[1]) * 2 + $0[2]) / 7 - 10 }

    static let state = stateAfter([.inputLoaded(.float(input), path: "x.npy"), .setKernelPreset(.random(seed: 2)),
                                   .setRate(Pair(square: 2)), .setPadding(.same), .setBias([0.1, -0.3])])

    @Test("The input, the layer input, the output and every layer's output stay float32, held once")
    func mapsStayFloat32() throws {
        let state = Self.state
        guard case let .float(held) = state.input else { Issue.record("the input is \(state.input.dtypeName)"); return }
        #expect(held.scalars == Self.input.scalars)
        #expect(state.layerInput == state.input)
        guard case .float = try #require(state.output) else { Issue.record("the output is not float32"); return }
        #expect(state.stackOutputs.outputs.allSatisfy { $0.dtypeName == "float32" })
        let deeper = stateAfter([.addLayer(nil), .selectLayer(1)], from: state)
        #expect(deeper.stackOutputs.outputs.count == 2 && deeper.stackOutputs.outputs.allSatisfy { $0.dtypeName == "float32" })
        #expect(deeper.layerInput == deeper.stackOutputs.outputs[0], "layer 2 reads layer 1's float32 output")
    }

    @Test("The output is the float32 convolution's, bit for bit, with the kernel and bias rounded to float32")
    func outputIsTheFloat32Convolution() throws {
        let state = Self.state
        let layer = try Convolution(kernel: state.kernel.converted(to: Float.self), bias: state.parameters.bias?.map { Float($0) },
                                    rate: Pair(square: 2), padding: .same)
        #expect(state.output == .float(try layer(Self.input.reshaped([1, 9, 11, 2]))))
    }

    @Test("Each cell's line ends in its float32 output value; its terms are the float32 products, which add up to it")
    func tapsAreTheFloat32Sum() throws {
        var state = Self.state
        let output = try #require(state.output)
        for channel in 0..<2 {
            update(&state, .selectChannel(channel))
            for cell in allCells(Pair(9, 11)) where (cell.row + cell.column) % 5 == 0 {
                update(&state, .selectOutputCell(row: cell.row, column: cell.column))
                let taps = try #require(state.taps)
                #expect(taps.sum == output[0, cell.row, cell.column, channel])
                // The terms added in turn in float32 agree to float32's rounding of a 36-term sum.
                let added = taps.taps.reduce(Float(taps.bias)) { $0 + Float($1.product) }
                let scale = taps.taps.reduce(abs(taps.bias)) { $0 + abs($1.product) }
                #expect(abs(Double(added) - taps.sum) <= 1e-6 * scale)
                #expect(taps.taps.allSatisfy { $0.product == Double(Float($0.weight) * Float($0.value)) })
                #expect(taps.taps.allSatisfy { Double(Float($0.weight)) == $0.weight && Double(Float($0.value)) == $0.value })
            }
        }
    }

    @Test("The summaries read the float32 maps")
    func summariesReadTheFloat32Maps() throws {
        let state = Self.state
        #expect(state.inputSummary == MapSummary(featureMap: Self.input, channel: 0))
        guard case let .float(output) = try #require(state.output) else { return }
        #expect(state.outputSummary == MapSummary(featureMap: output, channel: 0))
        #expect(state.outputSummary?.range == FiniteRange(of: (0..<99).map { Double(output.scalars[$0 * 2]) }))
    }

    @Test("A session keeps a float32 input beside it, as float32")
    func sessionsKeepTheType() {
        let session = ExplorerSession(state: Self.state)
        #expect(session.input == Self.state.input)
        #expect(!session.storesInputInline, "JSON numbers would read back as float64")
    }
}
