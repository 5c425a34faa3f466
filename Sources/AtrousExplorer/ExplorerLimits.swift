/// The ranges the explorer keeps its parameters in, so no key or command can ask for a
/// kernel or input too large to draw or to recompute at every key press.
public enum ExplorerLimits {
    /// Kernel height and width.
    public static let kernelSize = 1...11
    /// Dilation rate per axis; up to WaveNet's largest rate, 512.
    public static let rate = 1...512
    /// Stride per axis.
    public static let stride = 1...8
    /// Height and width of a built-in input pattern; a row as long as WaveNet's field, 1024.
    public static let patternSize = 1...1024
    /// Cells of a built-in input pattern: a 128x128 square, or a 1x1024 row.
    public static let patternCells = 128 * 128
    /// Output cells a change of the layer may create beyond the input's own count: full
    /// padding at a large rate would otherwise grow the output past what one key press can
    /// recompute.
    public static let outputCells = 1 << 18
    /// Cells of explicit padding per side; a negative count, which would crop the input, is refused
    /// as the core refuses it.
    public static let explicitPadding = 0...64
    /// Layers in the receptive-field view's stack.
    public static let stackDepth = 32
    /// Undo entries kept; the oldest is dropped beyond this.
    public static let undoDepth = 100
}
