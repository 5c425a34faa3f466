/// The ranges the explorer keeps its parameters in, so no key or command can ask for a
/// kernel or input too large to draw or to recompute at every key press.
public enum ExplorerLimits {
    /// Kernel height and width.
    public static let kernelSize = 1...11
    /// Dilation rate per axis.
    public static let rate = 1...16
    /// Stride per axis.
    public static let stride = 1...8
    /// Height and width of a built-in input pattern.
    public static let patternSize = 1...128
    /// Cells of explicit padding per side (negative counts pass through to the core's check).
    public static let explicitPadding = -64...64
    /// Undo entries kept; the oldest is dropped beyond this.
    public static let undoDepth = 100
}
