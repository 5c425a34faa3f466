import AtrousIO

/// What the explorer can write to a file: `:export`, `:save` and the export menu ask for one.
public enum ExportKind: Sendable, Hashable, CustomStringConvertible {
    /// The whole output, every channel, NHWC `(N, H_out, W_out, C_out)`; `.npy`, `.csv` or `.json`
    /// by the file's extension.
    case output
    /// The input, NHWC `(N, H, W, C)`; `.npy`, `.csv` or `.json`.
    case input
    /// The kernel, HWIO `(kh, kw, C_in, C_out)`; `.npy`, `.csv` or `.json`.
    case kernel
    /// The path counts of the receptive-field view's chosen output cell over its input, `(H, W)`;
    /// `.npy`, `.csv` or `.json`.
    case counts
    /// The session (see ``ExplorerSession``), to reopen later.
    case session
    /// The screen as it is drawn, as plain text, ANSI-coloured text or an SVG picture.
    case screen(ScreenFormat)
    /// A Python snippet reproducing the layer with a framework, its arrays written beside it.
    case snippet(SnippetFramework)

    /// The file the export menu writes to, in the current directory.
    public var defaultPath: String {
        switch self {
        case .output: "atrous-output.npy"
        case .input: "atrous-input.npy"
        case .kernel: "atrous-kernel.npy"
        case .counts: "atrous-counts.npy"
        case .session: "session" + SessionFormat.suffix
        case let .screen(format): "atrous-screen." + format.fileExtension
        case let .snippet(framework): "atrous_\(framework.rawValue).py"
        }
    }

    /// The kind a file name asks for, by its extension: `.atrous.json` and `.session` are
    /// sessions, `.npy`, `.csv` and other `.json` files the output, `.txt`, `.ans` and `.svg` the
    /// screen, `.py` a NumPy snippet. Nil for any other name.
    public init?(path: String) {
        if SessionFormat.isSessionPath(path) {
            self = .session
            return
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let fileExtension = name[name.index(after: dot)...].lowercased()
        if ArrayFormat(rawValue: fileExtension) != nil {
            self = .output
        } else if let format = ScreenFormat.allCases.first(where: { $0.fileExtension == fileExtension }) {
            self = .screen(format)
        } else if fileExtension == "py" {
            self = .snippet(.numpy)
        } else {
            return nil
        }
    }

    /// The words `:export` takes before a file name, each with the kind it names.
    static let wordTable: [(words: [String], kind: ExportKind)] = [
        (["output", "out"], .output), (["input", "in"], .input), (["kernel"], .kernel), (["counts"], .counts),
        (["session"], .session), (["text", "txt"], .screen(.text)), (["ansi", "ans"], .screen(.ansi)),
        (["svg"], .screen(.svg)), (["pytorch", "torch"], .snippet(.pytorch)),
        (["tensorflow", "tf"], .snippet(.tensorflow)), (["jax"], .snippet(.jax)), (["numpy", "np"], .snippet(.numpy)),
    ]

    /// The first word of each kind, as `:help` and messages list them.
    public static var commandWords: [String] { wordTable.map { $0.words[0] } }

    /// The word `:export` takes for this kind, e.g. `pytorch`.
    public var commandWord: String {
        Self.wordTable.first { $0.kind == self }?.words[0] ?? "output"
    }

    /// The kind a word of `:export` names (`pytorch`, `tf`, `counts`...), in any case.
    public init?(commandWord word: String) {
        guard let entry = Self.wordTable.first(where: { $0.words.contains(word.lowercased()) }) else { return nil }
        self = entry.kind
    }

    /// What is written, as messages name it: `the output`, `the PyTorch snippet`.
    public var description: String {
        switch self {
        case .output: "the output"
        case .input: "the input"
        case .kernel: "the kernel"
        case .counts: "the path counts"
        case .session: "the session"
        case let .screen(format): "the screen as \(format.displayName)"
        case let .snippet(framework): "the \(framework.displayName) snippet"
        }
    }
}

/// How a screen capture is written.
public enum ScreenFormat: String, Sendable, Hashable, CaseIterable {
    /// The characters only, one line per row.
    case text
    /// The characters with ANSI colour codes, as `cat` shows them in a terminal.
    case ansi
    /// A standalone SVG picture in the screen's colours, for slides.
    case svg

    /// The extension that asks for this format.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .ansi: "ans"
        case .svg: "svg"
        }
    }

    /// The format's name in messages.
    public var displayName: String {
        switch self {
        case .text: "text"
        case .ansi: "ANSI text"
        case .svg: "SVG"
        }
    }
}
