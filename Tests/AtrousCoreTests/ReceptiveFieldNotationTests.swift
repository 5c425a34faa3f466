import AtrousCore
import Testing

/// The `k=3,r=2,s=1,p=same` notation of a layer.
@Suite("Layer notation")
struct ReceptiveFieldNotationTests {
    static let readable: [(String, LayerSpec)] = [
        ("k=3", LayerSpec(kernelSize: Pair(square: 3), padding: .same)),
        ("k=3x5,r=2x1,s=1x2,p=valid", LayerSpec(kernelSize: Pair(3, 5), rate: Pair(2, 1), stride: Pair(1, 2), padding: .valid)),
        ("k=1x2, r=1x8, p=causal", LayerSpec(kernelSize: Pair(1, 2), rate: Pair(1, 8), padding: .causal)),
        ("p=full,k=2", LayerSpec(kernelSize: Pair(square: 2), padding: .full)),
        ("k=3,r=2,p=1,0,2,3", LayerSpec(kernelSize: Pair(square: 3), rate: Pair(square: 2),
                                        padding: .explicit(top: 1, bottom: 0, left: 2, right: 3))),
    ]

    @Test("reads layers", arguments: readable)
    func reads(_ text: String, _ spec: LayerSpec) throws {
        #expect(try LayerSpec(notation: text) == spec)
        // The notation a layer prints reads back as the same layer.
        #expect(try LayerSpec(notation: spec.notation) == spec)
    }

    static let unreadable: [(String, String)] = [
        ("3", "The layer '3' must be key=value pairs such as k=3,r=2,s=1,p=same."),
        ("k=3,q=2", "The layer 'k=3,q=2' has an unknown key 'q'; use k, r, s and p."),
        ("k=3,k=5", "The layer 'k=3,k=5' gives 'k' more than once."),
        ("r=2", "The layer 'r=2' needs a kernel size such as k=3 or k=3x5."),
        ("k=3y4", "The layer 'k=3y4' has kernel size '3y4' where 3 or 3x5 was expected."),
        ("k=3,r=0", "The layer 'k=3,r=0' has rate '0' outside 1...1000000."),
        ("k=3,s=2000000", "The layer 'k=3,s=2000000' has stride '2000000' outside 1...1000000."),
        ("k=3,p=sometimes", "The layer 'k=3,p=sometimes' has padding 'sometimes'; use same, valid, causal, full or T,B,L,R."),
    ]

    @Test("refuses malformed layers in one sentence", arguments: unreadable)
    func refuses(_ text: String, _ message: String) {
        let error = #expect(throws: LayerNotationError.self) { try LayerSpec(notation: text) }
        #expect(error?.description == message)
    }
}
