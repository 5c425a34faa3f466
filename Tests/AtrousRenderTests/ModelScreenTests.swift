import AtrousCore
import AtrousExplorer
import AtrousModels
import AtrousTestSupport
import SnapshotTesting
import Testing
@testable import AtrousRender

/// The explorer's screen on a model, as `render(state, size)` draws it for `explore --model`.
struct ModelScreenTests {
    /// The state `explore --model` opens on the fixture `name`, after `actions`.
    static func state(_ name: String, _ actions: [ExplorerAction] = []) throws -> ExplorerState {
        let path = Fixtures.models.appendingPathComponent(name).path
        let graph = try ModelFile.read(path: path)
        let size = try #require(graph.declaredInputSize)
        // The file's name alone, as a user in the fixtures' folder would type it.
        var state = ExplorerState(model: try ModelExploration(file: name, model: ResolvedModel(graph: graph, inputSize: size)))
        for action in actions { update(&state, action) }
        return state
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func asppFrame(size: Size) throws {
        let frame = render(try Self.state("aspp.onnx"), size: size, colors: false)
        assertSnapshot(of: frame.text, as: .lines, named: size.description)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func resnetFrameAfterMovingTheCell(size: Size) throws {
        let state = try Self.state("resnet_block.onnx", [.moveStackCell(.right), .moveStackCell(.down), .stepLayer(.backward)])
        let frame = render(state, size: size, colors: false)
        assertSnapshot(of: frame.text, as: .lines, named: size.description)
    }

    @Test func theBlocksComeFromTheNames() throws {
        let model = try #require(try Self.state("resnet_block.onnx").model)
        let blocks = model.blocks.map { $0.startsBlock ? $0.block : nil }
        #expect(blocks.compactMap { $0 } == ["stem", "a1", "a2"])
        #expect(model.blocks[0].shortName == "stem.0/Conv")
        #expect(model.blocks[2].block == nil && model.blocks[2].shortName == "/pool/MaxPool")
    }

    @Test func theHolesAreTheLocalPathsZeros() throws {
        let state = try Self.state("aspp.onnx")
        let model = try #require(state.model)
        let text = render(state, size: Size(width: 120, height: 40), colors: false).text
        #expect(text.contains("Local paths into output cell (8, 8)"))
        #expect(text.contains("Reached 225 of 729 cells: 504 holes (·), gridding."))
        #expect(model.analysis.localPathCounts.nonzeroCount(in: try #require(model.analysis.coverage.bounds)) == 225)
    }
}

extension ModelScreenTests {
    @Test func theHelpListsTheKeysThatActOnAModel() throws {
        let text = render(try Self.state("aspp.onnx", [.toggleHelp]), size: Size(width: 100, height: 30), colors: false).text
        #expect(text.contains("move the chosen output cell"))
        #expect(!text.contains("rate up"), "the convolution's keys are not offered")
    }
}

extension ModelScreenTests {
    @Test func onAModelTheWheelScrollsTheTableAndClicksDoNothing() throws {
        let state = try Self.state("aspp.onnx")
        let size = Size(width: 80, height: 24)
        #expect(action(for: MouseEvent(x: 50, y: 5, kind: .wheelUp), in: state, size: size) == .stepLayer(.backward))
        #expect(action(for: MouseEvent(x: 50, y: 5, kind: .wheelDown), in: state, size: size) == .stepLayer(.forward))
        #expect(action(for: MouseEvent(x: 10, y: 10, kind: .press(button: 1)), in: state, size: size) == nil)
    }
}
