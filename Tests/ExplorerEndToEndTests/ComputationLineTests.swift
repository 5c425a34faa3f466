import AtrousCore
import AtrousIO
import AtrousTestSupport
import Foundation
import Testing

extension ExplorerInTerminal {
@Suite("atrous in a terminal: the computation line against atrous compute")
struct ComputationLineTests {
    /// Whole numbers in the input and kernel, so every sum prints exactly.
    static let input = Tensor<Double>(shape: [9, 9]) { Double(($0[0] * 7 + $0[1] * 3) % 10 - 4) }
    static let kernel = Tensor<Double>(shape: [3, 3], scalars: [1, -2, 0, 3, 1, -1, 2, 0, 1])

    @Test("the sum's value equals atrous compute's output at that cell, padded corners included")
    func sumEqualsCompute() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (x, k, y) = (directory.path("x.npy"), directory.path("k.npy"), directory.path("y.npy"))
        try ArrayFile.write(Self.input, to: x, overwrite: false)
        try ArrayFile.write(Self.kernel, to: k, overwrite: false)
        let layer = ["--input", x, "--kernel", k, "--rate", "2", "--padding", "same", "--fill", "reflect"]
        let computed = try AtrousBinary.run(["compute"] + layer + ["--output", y])
        #expect(computed.status == 0, "\(computed.standardError)")
        let output = try ArrayFile.read(path: y).converted(to: Double.self)

        let session = try ExplorerInTmux(["explore"] + layer, width: 120, height: 40)
        try session.waitForScreen()
        for (row, column) in [(0, 0), (2, 3), (8, 8), (4, 6), (8, 0)] {
            try session.press(":goto \(row),\(column)<Enter>")
            let head = "y[\(row),\(column)] = "
            let screen = try session.waitForSettledScreen(head) { session.computationLine(of: $0).hasPrefix(head) }
            let line = session.computationLine(of: screen)
            let value = try #require(line.components(separatedBy: " = ").last.flatMap(Double.init), "\(line)")
            #expect(value == output[row, column], "\(line)")
        }
    }
}
}
