import AtrousTestSupport
import Foundation
import Testing

extension ExplorerInTerminal {
@Suite("atrous in a terminal: the status line against atrous shape")
struct StatusLineShapeTests {
    /// The layer the status line shows, read from its long form.
    struct Layer: CustomStringConvertible {
        let rate, kernel, stride, padding: String
        /// Top, bottom, left, right; nil when the status line says the layer is impossible.
        let pads: [Int]?
        let outputSize: [Int]?

        init?(status: String) {
            let possible = /rate (\S+)  kernel (\S+)  stride (\S+)  pad (\w+) t(\d+) b(\d+) l(\d+) r(\d+)  fill \w+  \S+ → (\d+)x(\d+)/
            let impossible = /rate (\S+)  kernel (\S+)  stride (\S+)  pad (\w+)  fill \w+  \S+ → no output  impossible/
            if let match = status.firstMatch(of: possible) {
                (rate, kernel, stride, padding) = (String(match.1), String(match.2), String(match.3), String(match.4))
                pads = [match.5, match.6, match.7, match.8].compactMap { Int($0) }
                outputSize = [match.9, match.10].compactMap { Int($0) }
            } else if let match = status.firstMatch(of: impossible) {
                (rate, kernel, stride, padding) = (String(match.1), String(match.2), String(match.3), String(match.4))
                pads = nil
                outputSize = nil
            } else {
                return nil
            }
        }

        var description: String { "rate \(rate) kernel \(kernel) stride \(stride) padding \(padding)" }
    }

    /// What `atrous shape --json` prints, as far as the status line shows it.
    struct Shape: Decodable {
        struct Pads: Decodable { let top, bottom, left, right: Int }
        let pads: Pads
        let outputSize: [Int]
    }

    /// `atrous shape` for the layer on a 9x9 input: the geometry, or nil when it refuses.
    func shape(of layer: Layer) throws -> Shape? {
        let result = try AtrousBinary.run(["shape", "--json", "--input-size", "9x9", "--kernel-size", layer.kernel,
                                           "--rate", layer.rate, "--stride", layer.stride, "--padding", layer.padding])
        guard result.status == 0 else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Shape.self, from: Data(result.standardOutput))
    }

    @Test("after each layer key the pads and output shape equal atrous shape's")
    func layerKeys() throws {
        // Wide enough for the status line's long form.
        let session = try ExplorerInTmux(width: 120, height: 40)
        var status = session.statusLine(of: try session.waitForScreen())
        // Rate, kernel size (even: SAME pads unevenly), stride, full, back to same, valid
        // (impossible at this size), rate and stride down, kernel size up.
        for key in ["r", "z", "s", "a", "A", "A", "R", "S", "z"] {
            try session.press(key)
            let previous = status
            let screen = try session.waitForSettledScreen("the status after \(key)") {
                session.statusLine(of: $0) != previous
            }
            status = session.statusLine(of: screen)
            let layer = try #require(Layer(status: status), "cannot read the status line \(status.debugDescription)")
            let shape = try shape(of: layer)
            if let pads = layer.pads, let outputSize = layer.outputSize {
                let expected = try #require(shape, "atrous shape refuses \(layer), which the explorer computes")
                #expect(pads == [expected.pads.top, expected.pads.bottom, expected.pads.left, expected.pads.right],
                        "after \(key): \(layer)")
                #expect(outputSize == expected.outputSize, "after \(key): \(layer)")
            } else {
                #expect(shape == nil, "the explorer finds \(layer) impossible, atrous shape does not")
                #expect(screen.contains("Output: none"), "after \(key)")
            }
        }
    }
}
}
