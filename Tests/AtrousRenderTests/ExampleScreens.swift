import AtrousCore
@testable import AtrousRender
import AtrousExplorer

/// Whole screens over one example, shared by the serialiser and snapshot tests: a 3x3 kernel
/// at rate 2 with SAME padding and reflect fill on a 7x7 input, at output cell (0,1).
enum ExampleScreens {
    static let input = Tensor<Double>(shape: [7, 7]) { Double(($0[0] * 7 + $0[1]) % 5) - 1.5 }
    static let kernel = Tensor<Double>(shape: [3, 3]) { Double($0[0] - $0[1]) * 0.5 }

    static let hints = [
        KeyHint("q", "quit"), KeyHint("?", "help"), KeyHint("hjkl", "move"), KeyHint("r/R", "rate"),
        KeyHint("k/K", "kernel"), KeyHint("s/S", "stride"), KeyHint("p", "padding"), KeyHint("f", "fill"),
        KeyHint("space", "play"),
    ]

    static let help = [
        HelpEntry(key: "q", description: "quit", group: "General"),
        HelpEntry(key: "?", description: "show or hide this help", group: "General"),
        HelpEntry(key: "h j k l", description: "move the current cell", group: "Move"),
        HelpEntry(key: "n / N", description: "next / previous cell", group: "Move"),
        HelpEntry(key: "r / R", description: "rate up / down", group: "Layer"),
        HelpEntry(key: "p", description: "next padding mode", group: "Layer"),
    ]

    static func screen(colors: Bool, help: Bool = false) -> ExplorerScreen {
        do {
            let convolution = try Convolution(kernel: kernel, bias: [0.25], rate: Pair(square: 2), padding: .same,
                                              fill: .reflect)
            return ExplorerScreen(
                input: .double(input), kernel: kernel, layer: convolution.spec,
                geometry: try convolution.geometry(for: FeatureMapShape(shape: input.shape)), output: .double(try convolution(input)),
                breakdown: try convolution.taps(of: input, row: 0, column: 1),
                selectedInput: GridPosition(row: 3, column: 3), reached: [GridPosition(row: 1, column: 1)],
                selectedWeight: GridPosition(row: 1, column: 2),
                message: .note("Keras Conv2D refuses strides > 1 with dilation_rate > 1."),
                hints: hints, help: help ? Self.help : nil, palette: Palette(colors: colors))
        } catch {
            fatalError("the example configuration is valid: \(error)")
        }
    }

    static func frame(size: Size, colors: Bool = false, help: Bool = false) -> CellBuffer {
        CellBuffer.rendering(screen(colors: colors, help: help), size: size)
    }
}
