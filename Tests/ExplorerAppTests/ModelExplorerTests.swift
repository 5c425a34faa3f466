@testable import atrous
import AtrousCore
import AtrousExplorer
import AtrousExport
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

/// `explore --model`: the state opened through the command's own flags, its keys, and its
/// path counts against `atrous rf --model --at` and the frameworks' gradients.
@Suite("The explorer on a model")
struct ModelExplorerTests {
    static func path(_ name: String) -> String { Fixtures.models.appendingPathComponent(name).path }

    func state(_ arguments: [String]) throws -> ExplorerState {
        try ExplorerOptions.parse(arguments).initialState(performer: EffectPerformer())
    }

    /// Presses H J K L (as the actions they send) on `state`.
    func move(_ state: inout ExplorerState, _ keys: String) {
        for key in keys {
            let direction: MoveDirection = switch key { case "H": .left; case "J": .down; case "K": .up; default: .right }
            update(&state, .moveStackCell(direction))
        }
    }

    @Test("the fixture's cell's path counts are the framework's gradient",
          arguments: [("aspp.onnx", "", Pair(8, 8)), ("resnet_block.keras", "HHHHKKK", Pair(2, 1))])
    func countsAreTheFrameworksGradient(name: String, keys: String, cell: Pair) throws {
        var state = try state(["--model", Self.path(name)])
        move(&state, keys)
        let model = try #require(state.model)
        #expect(model.cell == cell)
        let expected = try NumpyReader.read(path: Self.path(name) + ".counts.npy").converted(to: Double.self)
        // Compared whole but reported by count, not by printing thousands of cells.
        let differing = zip(model.analysis.pathCounts.counts, expected.scalars).filter { $0 != $1 }.count
        #expect(model.analysis.pathCounts.counts.count == expected.scalars.count && differing == 0)
    }

    @Test("moving the chosen cell recomputes the counts rf --model --at writes",
          arguments: [("aspp.onnx", "LLLJ", Pair(9, 11)), ("resnet_block.onnx", "HHHHHHHHK", Pair(4, 0))])
    func movingTheCellMatchesRf(name: String, keys: String, cell: Pair) throws {
        var state = try state(["--model", Self.path(name)])
        move(&state, keys)
        let model = try #require(state.model)
        #expect(model.cell == cell, "moves clamp at the output's edge")
        let directory = try TemporaryDirectory()
        let counts = directory.path("counts.npy")
        let result = try AtrousBinary.run(["rf", "--model", Self.path(name), "--at", "\(cell.height),\(cell.width)",
                                           "--counts", counts])
        try #require(result.status == 0, "\(result.standardError)")
        let written = try NumpyReader.read(path: counts).converted(to: Double.self).scalars
        #expect(model.analysis.pathCounts.counts.count == written.count
                && zip(model.analysis.pathCounts.counts, written).allSatisfy { $0 == $1 })
    }

    @Test func theTableScrollsWithinItsRows() throws {
        var state = try state(["--model", Self.path("aspp.onnx")])
        let rows = try #require(state.model).rows.count
        #expect(state.model?.selectedRow == rows - 1, "the analysed node, last, is selected first")
        update(&state, .stepLayer(.forward))
        #expect(state.model?.selectedRow == rows - 1)
        for _ in 0..<3 { update(&state, .stepLayer(.backward)) }
        #expect(state.model?.selectedRow == rows - 4)
        update(&state, .selectLayer(rows))
        #expect(state.message?.kind == .error)
    }

    @Test("a key that would edit the convolution says the model's layers are fixed",
          arguments: [ExplorerAction.adjustRate(by: 1, axis: nil), .addLayer(nil), .cycleInputPattern(.forward), .undo])
    func fixedLayersAreSaid(action: ExplorerAction) throws {
        var state = try state(["--model", Self.path("aspp.onnx")])
        let before = state
        update(&state, action)
        #expect(state.parameters == before.parameters)
        #expect(state.model == before.model)
        #expect(state.message == .error("The model's layers are fixed; H J K L move the cell, { } the layers."))
    }

    @Test("opening fails with rf --model's sentence", arguments: [
        (["--model", "wavenet_open.json"], "The model does not fix its input size; give one with --input-size, for example --input-size 1x1024."),
        (["--model", "aspp.onnx", "--node", "nope"], "The model has no node named 'nope'."),
        (["--model", "aspp.onnx", "--rate", "2"], "--rate cannot be combined with --model; the model defines the layers and the input."),
        (["--node", "x"], "--node goes with --model, which names the model to open."),
    ])
    func openingErrors(arguments: [String], message: String) throws {
        let resolved = arguments.map { $0.contains(".") ? Self.path($0) : $0 }
        #expect(throws: (any Error).self) { try state(resolved) }
        do { _ = try state(resolved) } catch { #expect("\(error)" == message) }
        if arguments.first == "--model", arguments.count == 2 {
            let rf = try AtrousBinary.run(["rf"] + resolved)
            #expect(rf.status != 0 && rf.standardError.contains(message))
        }
    }
}
