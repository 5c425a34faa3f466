import AtrousCore
import AtrousExplorer

/// The receptive-field view of a model (`atrous explore --model`): the layer table of the
/// nodes on the analysed node's paths, grouped by block, the chosen cell's region, field,
/// jump, coverage, merges and global dependency, and its local path counts drawn on the input
/// with the holes as `·`. Laid out as the stack's panel is (``ReceptiveFieldPanel``), with a
/// wider text column, as the table is the model's to read.
public struct ModelFieldPanel: Widget, Sendable {
    public var model: ModelExploration
    public var palette: Palette

    public init(model: ModelExploration, palette: Palette) {
        self.model = model
        self.palette = palette
    }

    /// The narrowest and widest text column beside the picture.
    static let textWidths = 40...72

    public func render(into buffer: inout CellBuffer, area: Rect) {
        ReceptiveFieldPanel.arrange(picture: picture(width: area.width), text: textLines, textWidths: Self.textWidths,
                                    into: &buffer, area: area)
    }

    /// The picture, asking for the room of one-column cells when two-column cells would not
    /// leave the text its narrowest column in `width`: the map draws them so anyway, and the
    /// columns it would leave blank go to the table.
    func picture(width: Int) -> ReceptiveFieldPanel.Picture {
        let (map, picture) = self.picture
        guard width - 1 - picture.width < Self.textWidths.lowerBound else { return picture }
        return ReceptiveFieldPanel.Picture(widget: map, height: picture.height, width: map.narrowWidth)
    }

    /// The local paths (the convolutions' and pools'), whose zeros are the holes; paths through
    /// a global operation reach every cell and are said in the text instead.
    var picture: (map: PathCountMapView, picture: ReceptiveFieldPanel.Picture) {
        let analysis = model.analysis
        let counts = analysis.localPathCounts
        let size = counts.size
        let map = PathCountMapView(
            counts: PathCountMapView.Counts(
                position: analysis.position, region: analysis.region, inputSize: analysis.model.inputSize,
                maximum: counts.maximum, maximumText: Self.countText(counts.maximum),
                count: { counts.counts[$0 * size.width + $1] },
                subject: analysis.globalDependencies.isEmpty ? "Paths into" : "Local paths into"),
            palette: palette)
        return (map, ReceptiveFieldPanel.Picture(widget: map, height: map.naturalHeight, width: map.naturalWidth))
    }

    /// A count as a whole number, or in three significant digits past 10^15, where float64
    /// counts are no longer whole.
    static func countText(_ value: Double) -> String {
        value < 1e15 ? "\(Int(value))" : String(format: "%.3g", value)
    }
}
