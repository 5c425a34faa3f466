/// Where each part of the explorer goes on a terminal of a given size: a pure function of the
/// size (and whether the extra view is on), so every frame and every test agree.
public enum ScreenLayout: Sendable, Hashable {
    /// The terminal is below ``minimumSize``: draw only ``TooSmallMessage``.
    case tooSmall(size: Size, minimum: Size)
    case explorer(ExplorerLayout)

    /// The smallest terminal the explorer draws on.
    ///
    /// 16 rows are four one-line bars (computation, status, message, footer) and 12 rows of
    /// panels: a kernel panel of 7 (title, indices, a 5-row footprint of a 3×3 kernel at rate 2)
    /// over an output panel of 5, beside an input panel that shows a padded 3×3 window with its
    /// title and indices. 60 columns are two panel columns of about 30: row indices and five
    /// cells of five characters, enough for a 3×3 kernel's weights beside its footprint.
    public static let minimumSize = Size(width: 60, height: 16)

    /// The width and height from which cells get wider and the output shows its heat map too.
    public static let roomySize = Size(width: 120, height: 36)

    /// Lays out a terminal of `size`.
    /// - Parameter showsExtras: whether the receptive-field view takes a region of its own.
    public init(size: Size, showsExtras: Bool = false) {
        let minimum = Self.minimumSize
        guard size.width >= minimum.width, size.height >= minimum.height else {
            self = .tooSmall(size: size, minimum: minimum)
            return
        }
        self = .explorer(ExplorerLayout(size: size, showsExtras: showsExtras))
    }
}

/// The regions of an explorer screen that is large enough. Unused regions are empty.
public struct ExplorerLayout: Sendable, Hashable {
    public let input: Rect
    public let kernel: Rect
    public let output: Rect
    /// The receptive-field view, empty unless extras are on: a third column from 120 columns,
    /// else the whole panel area (the input, kernel and output regions are then empty).
    public let extra: Rect
    public let computation: Rect
    public let status: Rect
    public let message: Rect
    public let footer: Rect
    /// The widest a grid value may be: 5 characters, 6 on a roomy screen.
    public let valueWidth: Int
    /// Whether the output shows its heat map beside or below its values.
    public let showsOutputHeat: Bool

    /// Columns between panel columns.
    static let gap = 1

    init(input: Rect, kernel: Rect, output: Rect, extra: Rect, computation: Rect, status: Rect, message: Rect,
         footer: Rect, valueWidth: Int, showsOutputHeat: Bool) {
        self.input = input
        self.kernel = kernel
        self.output = output
        self.extra = extra
        self.computation = computation
        self.status = status
        self.message = message
        self.footer = footer
        self.valueWidth = valueWidth
        self.showsOutputHeat = showsOutputHeat
    }

    init(size: Size, showsExtras: Bool) {
        let screen = Rect(size: size)
        let (rest, footer) = screen.splitBottom(1)
        let (rest2, message) = rest.splitBottom(1)
        let (rest3, status) = rest2.splitBottom(1)
        let (panels, computation) = rest3.splitBottom(1)
        self.footer = footer
        self.message = message
        self.status = status
        self.computation = computation

        let roomy = size.width >= ScreenLayout.roomySize.width && size.height >= ScreenLayout.roomySize.height
        valueWidth = roomy ? 6 : 5
        showsOutputHeat = roomy

        let wideExtras = showsExtras && size.width >= ScreenLayout.roomySize.width
        let inputWidth = wideExtras ? panels.width * 2 / 5 : (panels.width - Self.gap) / 2
        let columns = panels.splitLeft(inputWidth)
        var input = columns.0
        var right = columns.1.splitLeft(Self.gap).1
        var extra = Rect(x: right.x, y: right.y, width: 0, height: 0)
        if wideExtras {
            let middleWidth = (right.width - Self.gap) / 2
            let (middle, third) = right.splitLeft(middleWidth)
            right = middle
            extra = third.splitLeft(Self.gap).1
        }
        let kernelHeight = min(max(7, panels.height * 2 / 5), 12)
        var (kernel, output) = right.splitTop(kernelHeight)
        if showsExtras && !wideExtras {
            // Below 120 columns a third column would be too narrow to show a field, and a
            // share of a column too short: the receptive-field view takes the whole panel area
            // while it is on, and the layer's panels return when it is off.
            extra = panels
            let none = Rect(x: panels.x, y: panels.y, width: 0, height: 0)
            (input, kernel, output) = (none, none, none)
        }
        self.input = input
        self.kernel = kernel
        self.output = output
        self.extra = extra
    }
}
