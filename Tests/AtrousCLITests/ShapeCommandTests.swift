import AtrousTestSupport
import Foundation
import Testing

@Suite("atrous shape, through the binary")
struct ShapeCommandTests {
    @Test("the readable report names the effective kernel, pads and output")
    func readable() throws {
        let result = try AtrousBinary.run(["shape", "--input-size", "100x100", "--kernel-size", "3", "--rate", "2",
                                           "--padding", "same"])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.output == """
            input      100x100
            kernel     3x3 at rate 2, effective 5x5
            stride     1
            padding    same: top 2, bottom 2, left 2, right 2
            fill       zeros
            output     100x100
              rows:
                k_eff = 2*(3-1)+1 = 5
                out = ceil(100/1) = 100; total pad = max((100-1)*1 + 5 - 100, 0) = 4 -> 2 top, 2 bottom
              columns:
                k_eff = 2*(3-1)+1 = 5
                out = ceil(100/1) = 100; total pad = max((100-1)*1 + 5 - 100, 0) = 4 -> 2 left, 2 right

            """)
    }

    @Test("the output size is explained with its numbers, per axis and per padding rule", arguments: [
        (["--input-size", "48", "--kernel-size", "5", "--stride", "2", "--padding", "same"],
         "out = ceil(48/2) = 24; total pad = max((24-1)*2 + 5 - 48, 0) = 3 -> 1 top, 2 bottom (the odd cell bottom)"),
        (["--input-size", "9x20", "--kernel-size", "3", "--rate", "2,3"],
         "no padding; out = floor((20 + 0 + 0 - 7)/1) + 1 = 14"),
        (["--input-size", "9", "--kernel-size", "3", "--rate", "2", "--stride", "2", "--padding", "full"],
         "pad = k_eff-1 = 4 left and right; out = floor((9 + 4 + 4 - 5)/2) + 1 = 7"),
        (["--input-size", "1x20", "--kernel-size", "1x3", "--rate", "1,2", "--padding", "causal"],
         "pad = k_eff-1 = 4 left only; out = floor((20 + 4 + 0 - 5)/1) + 1 = 20"),
        (["--input-size", "10", "--kernel-size", "3", "--padding", "1,2,0,3"],
         "pads 0 left, 3 right as given; out = floor((10 + 0 + 3 - 3)/1) + 1 = 11"),
    ])
    func derivation(arguments: [String], line: String) throws {
        let result = try AtrousBinary.run(["shape"] + arguments)
        try #require(result.status == 0, "stderr: \(result.standardError)")
        #expect(result.output.contains(line), "\(result.output)")
        let json = try AtrousBinary.run(["shape", "--json"] + arguments)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput)) as? [String: Any])
        let derivation = try #require(object["derivation"] as? [String: [String]])
        #expect(((derivation["rows"] ?? []) + (derivation["columns"] ?? [])).contains(line))
    }

    @Test("JSON carries the numbers and the framework notes that apply")
    func json() throws {
        let result = try AtrousBinary.run(["shape", "--input-size", "18x10", "--kernel-size", "3", "--rate", "2",
                                           "--stride", "2", "--padding", "same", "--json"])
        try #require(result.status == 0, "stderr: \(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput)) as? [String: Any])
        #expect(object["output_size"] as? [Int] == [9, 5])
        #expect(object["effective_kernel"] as? [Int] == [5, 5])
        let pads = try #require(object["pads"] as? [String: Int])
        #expect(pads == ["top": 1, "bottom": 2, "left": 1, "right": 2])
        let notes = try #require(object["notes"] as? [String])
        #expect(notes.contains("Keras Conv2D refuses strides > 1 with dilation_rate > 1; tf.nn.conv2d accepts it."))
    }

    @Test("impossible geometry ends with one sentence", arguments: [
        ["shape", "--input-size", "5", "--kernel-size", "3", "--rate", "3"],
        ["shape", "--input-size", "5", "--rate", "0"],
        ["shape", "--input-size", "5x5", "--kernel-size", "3", "--padding", "causal"],
        ["shape", "--input-size", "2", "--rate", "2", "--padding", "same", "--fill", "reflect"],
        // Negative numbers are values: refused by the geometry, not taken for options.
        ["shape", "--input-size", "8", "--padding", "-1,-1,0,0"],
        ["shape", "--input-size", "8", "--rate", "-2"],
        ["shape", "--input-size", "-8"],
    ])
    func errors(_ arguments: [String]) throws {
        let result = try AtrousBinary.run(arguments)
        #expect(result.status != 0)
        #expect(Sentence.isSingle(result.standardError), "stderr: \(result.standardError)")
    }
}
