import AtrousCore
import Testing

@Suite("Path counts layer by layer")
struct PathCountsByLayerTests {
    /// Stage `l` counts the paths from the output of layer `l` to the chosen cell: exactly what
    /// the stack of the layers above it counts on an input of that output's size.
    @Test(arguments: ReceptiveFieldPropertyTests.randomStacks(count: 40, seed: 17))
    func everyStageIsTheStackAboveIt(stack: LayerStack) throws {
        for axis in Axis.allCases {
            let output = stack.outputSize[axis] - 1
            let stages = try stack.pathCountsByLayer(along: axis, toOutput: output)
            #expect(stages.count == stack.layers.count + 1)
            #expect(stages[0] == (try stack.pathCounts(along: axis, toOutput: output)))
            #expect(stages.last == (0...output).map { $0 == output ? 1 : 0 })
            for l in 1..<stack.layers.count {
                let above = try LayerStack(inputSize: stack.layers[l - 1].outputSize, specs: Array(stack.specs[l...]))
                #expect(stages[l] == (try above.pathCounts(along: axis, toOutput: output)), "stage \(l) along \(axis)")
            }
        }
    }
}
