import ArgumentParser
import AtrousCore

// The core's own parsers decide what a flag accepts, so the command line, `--layer` and the
// explorer's `:` commands can never disagree.

extension Pair: ExpressibleByArgument {
    /// `3`, `3,5` or `3x5` (height first).
    public init?(argument: String) { self.init(parsing: argument) }
}

extension Padding: ExpressibleByArgument {
    /// `valid`, `same`, `full`, `causal` or `T,B,L,R`.
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] { ["valid", "same", "full", "causal", "T,B,L,R"] }
}

extension Fill: ExpressibleByArgument {}

/// A size written `HxW`, as `--input-size` shows it, even when square.
func sizeText(_ pair: Pair) -> String { "\(pair.height)x\(pair.width)" }
