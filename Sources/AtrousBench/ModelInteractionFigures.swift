import AtrousCore
import AtrousExplorer
import AtrousModels
import AtrousRender
import Foundation

/// `atrous explore --model` on a real network's size: one H J K L key press on DeepLab-v3 at
/// 513x513, from the action to the 120x40 frame, as the explorer does it.
enum ModelInteractionFigures {
    /// The chosen cell moves right and back in turn, so every press analyses a new cell: the
    /// path counts through the whole graph (local and through the image pooling), then the frame.
    static func deepLabMove(name: String, repetitions: Int) -> BenchFigure {
        BenchFigure(name: name, summary: "explore --model key to frame: H J K L on DeepLab-v3 at 513x513, 120x40",
                    flops: nil, repetitions: repetitions) {
            let scratch = try ModelFigures.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let model = scratch.appendingPathComponent("deeplabv3.onnx")
            try SyntheticNetwork.deepLabV3(inputSize: 513).serializedData().write(to: model)
            let graph = try ModelFile.read(path: model.path)
            var state = ExplorerState(model: try ModelExploration(
                file: "deeplabv3.onnx", model: ResolvedModel(graph: graph, inputSize: Pair(513, 513))))
            let start = state.model?.cell ?? Pair(0, 0)
            var rightwards = true
            var frame: CellBuffer?
            return PreparedWork(
                run: {
                    update(&state, .moveStackCell(rightwards ? .right : .left))
                    rightwards.toggle()
                    frame = render(state, size: Size(width: 120, height: 40), colors: true)
                },
                check: {
                    guard let cell = state.model?.cell else { return "the model is gone" }
                    let expected = rightwards ? start : Pair(start.height, start.width + 1)
                    guard cell == expected else { return "the cell is \(cell), not \(expected)" }
                    guard let frame, frame.text.contains("cell (\(cell.height), \(cell.width)) of 65x65") else {
                        return "the frame does not show the chosen cell"
                    }
                    return nil
                })
        }
    }
}
