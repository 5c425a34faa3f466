import ArgumentParser
import AtrousCore

/// The rate, stride, padding and fill flags of every command that sets up one layer:
/// `compute`, `export-code`, `explore` and `render`. A flag left out is nil, so each command
/// keeps its own default (1, 1, valid, zeros for a computation; the built-in example's for
/// the explorer).
struct LayerFlags: ParsableArguments {
    @Option(parsing: .unconditional, help: "The dilation rate: R for both axes, or R,C (also RxC) for height and width.")
    var rate: Pair?

    @Option(parsing: .unconditional, help: "The stride: S for both axes, or S,T (also SxT) for height and width.")
    var stride: Pair?

    @Option(parsing: .unconditional, help: "The padding: valid, same, full, causal, or explicit cells T,B,L,R, each 0 or more.")
    var padding: Padding?

    @Option(help: "What the padded cells hold.")
    var fill: Fill?

    /// What `compute` and `export-code` use for a flag left out.
    static let computationDefaults = "Left out, the rate and stride are 1, the padding valid and the fill zeros."
}
