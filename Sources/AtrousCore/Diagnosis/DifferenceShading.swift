/// A difference map (``Diagnosis/differenceMap(actual:computed:)``) as text: one character per
/// cell from ` ` (no difference) to `@` (the largest), and the cells that differ most.
public enum DifferenceShading {
    /// From no difference to the largest; any difference at all shows at least `.`.
    public static let shades = Array(" .:-=+*#%@")

    /// The first `maxRows` rows of `map`, each its first `maxColumns` cells as shades.
    public static func rows(_ map: Tensor<Double>, maxRows: Int, maxColumns: Int) -> [String] {
        let largest = map.scalars.max() ?? 0
        return (0..<min(map.shape[0], maxRows)).map { row in
            String((0..<min(map.shape[1], maxColumns)).map { column in
                let value = map[row, column]
                guard value > 0, largest > 0 else { return shades[0] }
                let step = Int((value / largest * Double(shades.count - 1)).rounded())
                return shades[max(1, min(shades.count - 1, step))]
            })
        }
    }

    /// Up to `count` cells with a difference, largest first (row-major among equals).
    public static func largestCells(_ map: Tensor<Double>, count: Int) -> [(row: Int, column: Int, value: Double)] {
        let columns = map.shape[1]
        return map.scalars.indices.sorted { (map.scalars[$0], -$0) > (map.scalars[$1], -$1) }
            .prefix(count).filter { map.scalars[$0] > 0 }
            .map { ($0 / columns, $0 % columns, map.scalars[$0]) }
    }
}
