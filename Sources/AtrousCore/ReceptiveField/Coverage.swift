/// How much of a receptive field the paths reach: the cells of the field's region that lie
/// inside the input, and how many of them no path reaches (the holes of gridding).
public struct Coverage: Sendable, Hashable, Codable {
    /// The region clipped to the input, or nil when it lies wholly in padding.
    public let bounds: CellBounds?
    /// Cells inside `bounds`.
    public let cells: Int
    /// Cells inside `bounds` with at least one path.
    public let reached: Int

    /// Cells inside `bounds` that no path reaches.
    public var holes: Int { cells - reached }
    /// Whether every cell of the region is reached.
    public var isComplete: Bool { holes == 0 }

    /// Counts the reached cells of `map` inside `region` clipped to the map.
    /// - Complexity: O(cells of the clipped region).
    public init(map: PathCountMap, region: CellRegion) {
        self.init(size: map.size, region: region) { map.nonzeroCount(in: $0) }
    }

    /// Counts the cells of `region` clipped to a map of `size`, and those `reachedCount` finds
    /// reached inside the clipped bounds.
    public init(size: Pair, region: CellRegion, reachedCount: (CellBounds) -> Int) {
        let bounds = CellBounds(clipping: region, toSize: size)
        self.bounds = bounds
        cells = bounds?.cellCount ?? 0
        reached = bounds.map(reachedCount) ?? 0
    }
}
