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
    /// - Parameters:
    ///   - showsExtras: whether the receptive-field view takes a region of its own.
    ///   - comparisonRows: the rows a full-width comparison asks for (the pinned A against B),
    ///     or 0 for none; the receptive-field view, when on, comes first.
    ///   - needs: the room each panel asks for; rows and columns one panel does not need go
    ///     to the one that would otherwise be cut.
    public init(size: Size, showsExtras: Bool = false, comparisonRows: Int = 0, needs: PanelNeeds = .none) {
        let minimum = Self.minimumSize
        guard size.width >= minimum.width, size.height >= minimum.height else {
            self = .tooSmall(size: size, minimum: minimum)
            return
        }
        self = .explorer(ExplorerLayout(size: size, showsExtras: showsExtras, comparisonRows: comparisonRows, needs: needs))
    }
}

/// What the panels ask of the layout: the size that shows all of each, and how many lines
/// the whole computation takes at the screen's width.
public struct PanelNeeds: Sendable, Hashable {
    public var input: Size
    public var kernel: Size
    public var output: Size
    public var computationLines: Int

    public init(input: Size, kernel: Size, output: Size, computationLines: Int) {
        self.input = input
        self.kernel = kernel
        self.output = output
        self.computationLines = max(1, computationLines)
    }

    /// No panel asks for anything: the fixed split.
    public static let none = PanelNeeds(input: Size(width: 0, height: 0), kernel: Size(width: 0, height: 0),
                                        output: Size(width: 0, height: 0), computationLines: 1)
}

/// The regions of an explorer screen that is large enough. Unused regions are empty.
public struct ExplorerLayout: Sendable, Hashable {
    public let input: Rect
    public let kernel: Rect
    public let output: Rect
    /// The receptive-field view, empty unless extras are on: a third column from 120 columns,
    /// else the whole panel area (the input, kernel and output regions are then empty).
    /// With a comparison instead: a full-width band below the panels when it fits whole and
    /// they keep ``panelRowsBesideComparison`` rows, else the whole panel area.
    public let extra: Rect
    public let computation: Rect
    /// The legend line, between the panels and the sum, when a row is free; else empty.
    public let legend: Rect
    public let status: Rect
    public let message: Rect
    public let footer: Rect
    /// The widest a grid value may be: 5 characters, 6 on a roomy screen.
    public let valueWidth: Int
    /// Whether the output shows its heat map beside or below its values.
    public let showsOutputHeat: Bool

    /// Columns between panel columns: two, so a value at one panel's right edge never reads
    /// as one number with the next panel's row index (`0.545 1`).
    static let gap = 2

    init(input: Rect, kernel: Rect, output: Rect, extra: Rect, computation: Rect, legend: Rect, status: Rect,
         message: Rect, footer: Rect, valueWidth: Int, showsOutputHeat: Bool) {
        self.input = input
        self.kernel = kernel
        self.output = output
        self.extra = extra
        self.computation = computation
        self.legend = legend
        self.status = status
        self.message = message
        self.footer = footer
        self.valueWidth = valueWidth
        self.showsOutputHeat = showsOutputHeat
    }

    /// The narrowest and shortest a panel is made, whatever the others ask.
    static let minimumPanel = Size(width: 29, height: 5)

    /// The panel rows the smallest screen has (see ``ScreenLayout/minimumSize``): a comparison
    /// band below the panels must leave them this many, else it takes the whole panel area.
    static let panelRowsBesideComparison = 12

    init(size: Size, showsExtras: Bool, comparisonRows: Int = 0, needs: PanelNeeds = .none) {
        let screen = Rect(size: size)
        let (rest, footer) = screen.splitBottom(1)
        let (rest2, message) = rest.splitBottom(1)
        let (rest3, status) = rest2.splitBottom(1)
        self.footer = footer
        self.message = message
        self.status = status

        let roomy = size.width >= ScreenLayout.roomySize.width && size.height >= ScreenLayout.roomySize.height
        valueWidth = roomy ? 6 : 5
        showsOutputHeat = roomy

        let wideExtras = showsExtras && size.width >= ScreenLayout.roomySize.width
        // Rows no panel needs let the whole computation show, one line of it always.
        let panelRows = rest3.height - 1
        let panelNeed = max(needs.input.height, needs.kernel.height + needs.output.height)
        let comparing = !showsExtras && comparisonRows > 0
        let spare = showsExtras || comparing || needs == .none ? 0 : max(0, panelRows - panelNeed)
        let computationRows = min(needs.computationLines, 1 + spare)
        let (rest4, computation) = rest3.splitBottom(computationRows)
        // A row still free after the sum holds the legend.
        var (panels, legend) = rest4.splitBottom(spare - (computationRows - 1) >= 1 ? 1 : 0)
        self.computation = computation
        self.legend = legend
        // The comparison's band, just above the computation line, when it fits whole beside
        // panels of their least height; a band that scrolled would hide what the whole panel
        // area shows.
        let banded = comparing && panels.height - comparisonRows >= Self.panelRowsBesideComparison
        var band = Rect(x: panels.x, y: panels.maxY, width: panels.width, height: 0)
        if banded { (panels, band) = panels.splitBottom(comparisonRows) }

        let inputWidth = wideExtras ? panels.width * 2 / 5 : Self.inputWidth(panels.width, needs: needs)
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
        var (kernel, output) = right.splitTop(Self.kernelHeight(panels.height, needs: needs))
        if banded { extra = band }
        if (showsExtras && !wideExtras) || (comparing && !banded) {
            // Below 120 columns a third column would be too narrow to show a field, and a
            // share of a column too short: the receptive-field view takes the whole panel area
            // while it is on, and the layer's panels return when it is off. So does a
            // comparison that leaves the panels too few rows.
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

extension ExplorerLayout {
    /// The input column's width: half the panel area, moved towards whichever side needs more
    /// when the other can give columns without being cut.
    static func inputWidth(_ width: Int, needs: PanelNeeds) -> Int {
        let half = (width - gap) / 2
        guard needs != .none else { return half }
        let left = max(needs.input.width, minimumPanel.width)
        let right = max(needs.kernel.width, needs.output.width, minimumPanel.width)
        if left + gap + right <= width { return min(max(half, left), width - gap - right) }
        if left > half && right < width - gap - half { return width - gap - right }
        if right > width - gap - half && left < half { return left }
        return half
    }

    /// The kernel panel's height: what it asks for, leaving the output what it asks for (or a
    /// third of the column); without needs, two fifths of the column, 7 to 12 rows.
    static func kernelHeight(_ height: Int, needs: PanelNeeds) -> Int {
        guard needs != .none else { return min(max(7, height * 2 / 5), 12) }
        let outputRoom = max(minimumPanel.height, min(needs.output.height, height / 3))
        return max(7, min(needs.kernel.height, height - outputRoom))
    }
}
