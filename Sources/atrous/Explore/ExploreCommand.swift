import ArgumentParser
import AtrousExport
import AtrousRender

/// `atrous explore`, and `atrous` alone: the interactive explorer in the terminal.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Explore a dilated convolution interactively in the terminal.",
        discussion: """
            Starts on a 9x9 impulse under a 3x3 box kernel at rate 2 with same padding; the flags \
            replace any of it. Press ? for every key and : for commands; q quits. Examples:
              atrous --input checkerboard:16x16 --rate 3
              atrous explore --input photo.png --kernel sobel-x --fill reflect
              atrous explore --model dilated.onnx --node /4/Conv
            Without an interactive terminal, atrous render prints the same screen.
            """)

    @OptionGroup var explorer: ExplorerOptions

    @Flag(help: "Draw without colours, as the NO_COLOR environment variable also asks.")
    var noColor = false

    func run() throws {
        // Flags and files are checked before the terminal changes, so errors print plainly.
        let state = try explorer.initialState(performer: EffectPerformer())
        try runExplorer(from: state, noColor: noColor)
    }
}
