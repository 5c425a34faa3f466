import ArgumentParser
import AtrousExplorer
import AtrousExport
import AtrousIO
import AtrousRender
import Foundation

/// `atrous render`: the explorer's screen after some keys, printed without a terminal.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print the screen the explorer would show after some keys, with no terminal.",
        discussion: """
            The keys run through the explorer's own key map, files load as in the explorer, and q \
            ends the keys. Write keys as they are typed, with names in angle brackets for the others: \
            <Up> <Down> <Left> <Right> <Home> <End> <PageUp> <PageDown> <Enter> <Esc> <Space> <Tab> \
            <S-Tab> <BS> <Del> <F1>, a control key as <C-r>, and <lt> for <. Examples:
              atrous render --keys 'rrjj' --size 100x30
              atrous render --input ramp:12x12 --keys ':rate 3<Enter>' --format svg
            """)

    @Option(parsing: .unconditional, help: "The terminal's columns and rows, WIDTHxHEIGHT.")
    var size = TerminalSize(width: 80, height: 24)

    @Option(help: "text (characters only), ansi (with colour codes) or svg (a picture).")
    var format = RenderFormat.text

    @Option(parsing: .unconditional, help: "The keys to press, in order (see above).")
    var keys = ""

    @OptionGroup var explorer: ExplorerOptions

    @Option(help: "Where to write the frame: a file, or - for standard output.")
    var output = StandardStream.path

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Flag(help: "Draw ansi and svg without colours; NO_COLOR also turns them off for ansi.")
    var noColor = false

    func run() throws {
        let keys: [Key]
        do {
            keys = try KeyNotation.parse(self.keys)
        } catch {
            throw ExplorerOptionError(flag: "--keys", value: "'\(self.keys)'", reason: error.description)
        }
        try OutputFile.ensureWritable(path: output, overwrite: force)
        let performer = EffectPerformer(readsStandardInput: true, screenSize: size.size, colors: usesColors)
        var driver = ExplorerDriver(state: try explorer.initialState(performer: performer), performer: performer)
        for key in keys where !driver.hasQuit { driver.press(key) }
        let frame = AtrousRender.render(driver.state, size: size.size, colors: usesColors)
        let text = switch format {
        case .text: frame.text + "\n"
        case .ansi: frame.ansi + "\n"
        case .svg: frame.svg()
        }
        try OutputFile.write(Array(text.utf8), to: output, overwrite: force)
    }

    /// Text has no colours; ANSI honours NO_COLOR as terminal output should; SVG only the flag.
    private var usesColors: Bool {
        switch format {
        case .text: false
        case .ansi: !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        case .svg: !noColor
        }
    }
}

/// What `atrous render` writes.
enum RenderFormat: String, ExpressibleByArgument, CaseIterable {
    case text, ansi, svg
}

/// A terminal size written `WIDTHxHEIGHT`, columns first as terminals name their size.
struct TerminalSize: ExpressibleByArgument {
    let size: Size

    init(width: Int, height: Int) { size = Size(width: width, height: height) }

    /// The largest side accepted: enough for any screen, small enough to render at once.
    static let limit = 1...1000

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              Self.limit.contains(width), Self.limit.contains(height) else { return nil }
        self.init(width: width, height: height)
    }

    var defaultValueDescription: String { size.description }
}
