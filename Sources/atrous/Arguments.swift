import ArgumentParser
import AtrousCore

// The core's own parsers decide what a flag accepts, so the command line, `--layer` and the
// explorer's `:` commands can never disagree.

extension Pair: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
}

extension Padding: ExpressibleByArgument {
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] { ["valid", "same", "full", "causal", "T,B,L,R"] }
}

extension Fill: ExpressibleByArgument {}

extension ConvolutionAlgorithm: ExpressibleByArgument {}

/// A size written `HxW`, as `--input-size` shows it, even when square.
func sizeText(_ pair: Pair) -> String { "\(pair.height)x\(pair.width)" }
