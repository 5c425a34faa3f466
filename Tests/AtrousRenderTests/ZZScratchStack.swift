import AtrousCore
import AtrousExplorer
import Testing
@testable import AtrousRender

struct ZZScratchStack {
    @Test func show() throws {
        for (input, notes) in [(Pair(1, 16), ["k=1x2,r=1x1,p=causal", "k=1x2,r=1x2,p=causal", "k=1x2,r=1x4,p=causal"]),
                               (Pair(1, 20), ["k=1x3,p=valid", "k=1x3,s=1x2,p=valid", "k=1x3,r=1x2,p=same"]),
                               (Pair(1, 40), ["k=1x3,r=1x2", "k=1x3,r=1x2", "k=1x3,r=1x2"])] {
            var state = ExplorerState()
            update(&state, .setInputPattern(.impulse, size: input))
            update(&state, .setLayers(try notes.map { try LayerSpec(notation: $0) }))
            update(&state, .last)
            for _ in 0..<3 { update(&state, .moveStackCell(.right)) }
            for size in [Size(width: 80, height: 16), Size(width: 35, height: 30)] {
                let buffer = CellBuffer.rendering(ReceptiveFieldPanel(state: state, palette: .monochrome), size: size)
                print("=== \(size)\n" + buffer.lines.map { "|" + $0 + "|" }.joined(separator: "\n"))
            }
        }
    }
}
