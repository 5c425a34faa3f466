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
            <S-Tab> <BS> <Del> <F1>, a control key as <C-r>, and <lt> for <. <Wait 500ms> or <Wait 2s> \
            lets time pass (playback steps meanwhile). --format cast writes every frame as an asciicast \
            recording and --format svg --animate as one animated picture, keys --key-delay apart. Examples:
              atrous render --keys 'rrjj' --size 100x30
              atrous render --input ramp:12x12 --keys ':rate 3<Enter>' --format svg
              atrous render --keys 'r<Wait 1s>r' --format svg --animate --output r.svg
            """)

    @Option(parsing: .unconditional, help: "The terminal's columns and rows, WIDTHxHEIGHT.")
    var size = TerminalSize(width: 80, height: 24)

    @Option(help: "text (characters only), ansi (with colour codes), svg (a picture) or cast (an asciicast recording).")
    var format = RenderFormat.text

    @Option(parsing: .unconditional, help: "The keys to press, in order (see above).")
    var keys = ""

    @Flag(help: "With --format svg: one animated picture of every frame instead of the last.")
    var animate = false

    @Option(help: "For cast and --animate: the time from one key to the next, and that the last frame stays (e.g. 300ms, 1s).")
    var keyDelay = "300ms"

    @OptionGroup var explorer: ExplorerOptions

    @Option(help: "Where to write the frame: a file, or - for standard output.")
    var output = StandardStream.path

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    @Flag(help: "Draw ansi, svg and cast without colours; NO_COLOR also turns them off for ansi and cast.")
    var noColor = false

    func run() throws {
        let steps: [KeyStep]
        do {
            steps = try KeyNotation.steps(self.keys)
        } catch {
            throw ExplorerOptionError(flag: "--keys", value: "'\(self.keys)'", reason: error.description)
        }
        if let problem = format.problem(animate: animate, output: output) { throw RenderUsageError(description: problem) }
        guard let keyDelay = KeyNotation.milliseconds(keyDelay), keyDelay > 0 else {
            throw ExplorerOptionError(flag: "--key-delay", value: keyDelay,
                                      reason: "Write a time from 1ms to an hour, such as 300ms or 1.5s.")
        }
        try OutputFile.ensureWritable(path: output, overwrite: force)
        let performer = EffectPerformer(readsStandardInput: true, screenSize: size.size, colors: usesColors)
        let driver = ExplorerDriver(state: try explorer.initialState(performer: performer), performer: performer)
        var timeline = KeyTimeline(driver: driver, size: size.size, colors: usesColors, keyDelay: keyDelay,
                                   records: format == .cast || animate)
        timeline.run(steps)
        let text: String
        if let recording = timeline.recording {
            text = RecordingFile.text(recording, format: format == .cast ? .cast : .svg)
        } else {
            let frame = AtrousRender.render(timeline.driver.state, size: size.size, colors: usesColors)
            text = switch format {
            case .text: frame.text + "\n"
            case .ansi: frame.ansi + "\n"
            case .svg, .cast: frame.svg()
            }
        }
        try OutputFile.write(Array(text.utf8), to: output, overwrite: force)
    }

    /// Text has no colours; ANSI honours NO_COLOR as terminal output should; SVG only the flag.
    private var usesColors: Bool {
        switch format {
        case .text: false
        case .ansi, .cast: !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        case .svg: !noColor
        }
    }
}

/// What `atrous render` writes.
enum RenderFormat: String, ExpressibleByArgument, CaseIterable {
    case text, ansi, svg, cast

    /// The extension of the files this format writes.
    var fileExtension: String {
        switch self {
        case .text: "txt"
        case .ansi: "ans"
        case .svg: "svg"
        case .cast: "cast"
        }
    }

    /// Why this format cannot be written as asked, in one sentence, or nil: `--animate` is for
    /// SVG, and a file named for another format would be read as that format.
    func problem(animate: Bool, output: String) -> String? {
        if animate, self != .svg {
            return "--animate makes an animated SVG and needs --format svg"
                + (self == .cast ? "; --format cast is a recording already." : ".")
        }
        let name = output.split(separator: "/").last.map(String.init) ?? output
        guard output != StandardStream.path, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let named = name[name.index(after: dot)...].lowercased()
        guard let other = Self.allCases.first(where: { $0.fileExtension == named }), other != self else { return nil }
        return "Cannot write --format \(rawValue) to \(output), whose extension is for --format \(other.rawValue); "
            + "name it .\(fileExtension) or pass --format \(other.rawValue)."
    }
}

/// A flag combination `atrous render` cannot write; the description is one sentence.
struct RenderUsageError: Error, CustomStringConvertible {
    let description: String
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

