import AtrousCore
import AtrousExplorer

/// The receptive-field view of a layer stack: the layer list with each layer's output, field
/// and jump, the selected layer marked; the chosen output cell's region, centre and the
/// Distill numbers per axis; coverage and the Hybrid Dilated Convolution verdict with its M
/// values; and the cell's path counts drawn on the input, holes plainly visible (a tree of
/// paths for a one-row input, as WaveNet is drawn).
///
/// The panel fits any rectangle. From ``sideBySideWidth`` columns (the whole body of an 80x24
/// screen) the text sits right of the picture, which gets the room it needs first; narrower
/// (the third column of a 120-column screen) the text sits above the picture, which keeps up
/// to three fifths of the rows.
public struct ReceptiveFieldPanel: Widget, Sendable {
    public var layers: [LayerSpec]
    public var selectedLayer: Int
    /// The analysis of the chosen cell, or nil when the stack is impossible.
    public var analysis: ReceptiveFieldAnalysis?
    /// For a one-row input, the path counts of every stage (``ReceptiveFieldView/layerPathCounts``).
    public var layerPathCounts: [[UInt64]]?
    /// Why the stack is impossible, one sentence, or nil.
    public var problem: String?
    /// Whether the chosen cell is the explorer's current cell (moved by h j k l) rather than
    /// the view's own (moved by H J K L).
    public var followsCurrentCell: Bool
    public var palette: Palette

    public init(layers: [LayerSpec], selectedLayer: Int, analysis: ReceptiveFieldAnalysis?,
                layerPathCounts: [[UInt64]]? = nil, problem: String? = nil, followsCurrentCell: Bool = true,
                palette: Palette) {
        self.layers = layers
        self.selectedLayer = selectedLayer
        self.analysis = analysis
        self.layerPathCounts = layerPathCounts
        self.problem = problem
        self.followsCurrentCell = followsCurrentCell
        self.palette = palette
    }

    /// The width from which the text sits beside the picture.
    public static let sideBySideWidth = 70
    /// The narrowest and widest text column beside the picture.
    static let textWidths = 36...52

    public func render(into buffer: inout CellBuffer, area: Rect) {
        Self.arrange(picture: picture, text: textLines, into: &buffer, area: area)
    }

    /// Draws `text` beside or above `picture` in `area`, as the panel's description says; the
    /// model's receptive-field panel is laid out the same way.
    static func arrange(picture: Picture?, text textLines: (_ width: Int, _ height: Int) -> [PanelLine],
                        textWidths: ClosedRange<Int> = Self.textWidths, into buffer: inout CellBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        if area.width >= Self.sideBySideWidth {
            let needed = picture?.width ?? 0
            let textWidth = min(max(area.width - 1 - needed, textWidths.lowerBound), textWidths.upperBound)
            let (pictureArea, rest) = area.splitLeft(area.width - textWidth - 1)
            let textArea = rest.splitLeft(1).1
            buffer.write(textLines(textArea.width, textArea.height), in: textArea)
            if let picture {
                buffer.render(picture.widget, in: pictureArea.splitTop(min(picture.height, area.height)).0)
            }
        } else {
            let pictureHeight = picture?.height ?? 0
            let kept = min(pictureHeight, max(12, area.height * 3 / 5))
            let text = textLines(area.width, max(area.height - kept, 1))
            buffer.write(text, in: area)
            // One blank row between the text and the picture when there is room for it.
            let gap = area.height - text.count > pictureHeight ? 1 : 0
            let below = area.splitTop(text.count + gap).1
            if let picture { buffer.render(picture.widget, in: below.splitTop(pictureHeight).0) }
        }
    }

    var isOneDimensional: Bool { layerPathCounts != nil }

    // MARK: - Picture

    /// The path counts as a picture, and the room it needs to show whole.
    struct Picture {
        let widget: any Widget & Sendable
        let height: Int
        /// The columns it needs to show whole at its preferred cell width; given less, it
        /// narrows its cells or crops.
        let width: Int
    }

    var picture: Picture? {
        guard let analysis else { return nil }
        if let layerPathCounts {
            let tree = PathTreeView(analysis: analysis, stages: layerPathCounts, palette: palette)
            return Picture(widget: tree, height: layerPathCounts.count + 2, width: tree.naturalWidth)
        }
        let map = PathCountMapView(analysis: analysis, palette: palette)
        return Picture(widget: map, height: map.naturalHeight, width: map.naturalWidth)
    }
}

// MARK: - From the explorer's state

extension ReceptiveFieldPanel {
    /// The panel for the stack and view of `state`.
    public init(state: ExplorerState, palette: Palette) {
        self.init(layers: state.layers, selectedLayer: state.selectedLayer, analysis: state.stack.analysis,
                  layerPathCounts: state.stack.layerPathCounts, problem: state.stack.problem,
                  followsCurrentCell: state.stack.followsPosition, palette: palette)
    }
}

/// The receptive-field view of `state` while it is shown, for ``ExplorerScreen``'s `extra`;
/// nil while it is hidden. The screen gives it a third column from 120 columns, and the
/// whole panel area below that.
public func receptiveFieldWidget(for state: ExplorerState, palette: Palette) -> (any Widget & Sendable)? {
    state.stack.isShown ? ReceptiveFieldPanel(state: state, palette: palette) : nil
}
