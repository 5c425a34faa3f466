/// A map of exact path counts over a grid of cells, row-major.
public struct PathCountMap: Sendable, Hashable {
    /// The largest map built, in cells, so a mistyped size fails clearly instead of exhausting memory.
    public static let cellLimit = 1 << 26

    /// The largest integer a float64 holds exactly, with every integer below it.
    public static let largestExactDouble: UInt64 = 1 << 53

    public let size: Pair
    /// The counts in row-major order, `size.height · size.width` of them.
    public let counts: [UInt64]
    /// The largest count, 0 for an empty map; read once when the map is made, since a view
    /// draws it at every frame.
    public let maximum: UInt64
    /// The sum of every count, or nil when it exceeds `UInt64`; read once, as ``maximum``.
    private let sum: UInt64?

    /// Wraps existing counts.
    /// - Throws: ``ReceptiveFieldError/countMismatch(size:count:)`` when `counts` does not fill `size`.
    public init(size: Pair, counts: [UInt64]) throws {
        guard size.height >= 0, size.width >= 0, counts.count == size.height * size.width else {
            throw ReceptiveFieldError.countMismatch(size: size, count: counts.count)
        }
        self.size = size
        self.counts = counts
        maximum = counts.max() ?? 0
        sum = Self.sum(counts)
    }

    /// The outer product `rows[i] · columns[j]` of two per-axis count vectors.
    ///
    /// - Complexity: O(rows · columns).
    /// - Throws: ``ReceptiveFieldError/pathCountOverflow(axis:)`` when a product exceeds `UInt64`,
    ///   ``ReceptiveFieldError/mapTooLarge(size:limit:)`` above ``cellLimit`` cells.
    public init(rows: [UInt64], columns: [UInt64]) throws {
        let size = Pair(rows.count, columns.count)
        let (cells, tooMany) = rows.count.multipliedReportingOverflow(by: columns.count)
        guard !tooMany, cells <= Self.cellLimit else {
            throw ReceptiveFieldError.mapTooLarge(size: size, limit: Self.cellLimit)
        }
        // The largest product bounds every other, so one check covers the whole map.
        guard !(rows.max() ?? 0).multipliedReportingOverflow(by: columns.max() ?? 0).overflow else {
            throw ReceptiveFieldError.pathCountOverflow(axis: nil)
        }
        let width = columns.count
        let counts = [UInt64](unsafeUninitializedCapacity: cells) { buffer, initialized in
            for (i, rowCount) in rows.enumerated() {
                for (j, columnCount) in columns.enumerated() {
                    buffer[i * width + j] = rowCount &* columnCount
                }
            }
            initialized = cells
        }
        self.size = size
        self.counts = counts
        // A product's largest cell and its sum follow from its factors'.
        maximum = cells == 0 ? 0 : (rows.max() ?? 0) &* (columns.max() ?? 0)
        let (rowSum, columnSum) = (Self.sum(rows), Self.sum(columns))
        if rowSum == 0 || columnSum == 0 {
            sum = 0
        } else if let rowSum, let columnSum {
            let (product, overflow) = rowSum.multipliedReportingOverflow(by: columnSum)
            sum = overflow ? nil : product
        } else {
            sum = nil
        }
    }

    /// The count at (`row`, `column`).
    /// - Precondition: the position lies inside the map.
    public subscript(row: Int, column: Int) -> UInt64 { counts[row * size.width + column] }

    /// How many cells have at least one path.
    public var nonzeroCount: Int { counts.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// The sum of every count: the number of paths in all.
    /// - Throws: ``ReceptiveFieldError/pathCountOverflow(axis:)`` when it exceeds `UInt64`.
    public func total() throws -> UInt64 {
        guard let sum else { throw ReceptiveFieldError.pathCountOverflow(axis: nil) }
        return sum
    }

    /// The sum of `counts`, or nil when it exceeds `UInt64`.
    private static func sum(_ counts: [UInt64]) -> UInt64? {
        var sum: UInt64 = 0
        for count in counts {
            let (next, overflow) = sum.addingReportingOverflow(count)
            guard !overflow else { return nil }
            sum = next
        }
        return sum
    }

    /// The rows and columns spanned by the non-zero cells, or nil when every count is 0.
    public var nonzeroBounds: CellBounds? {
        var rows: ClosedRange<Int>?
        var columns: ClosedRange<Int>?
        for i in 0..<size.height {
            let row = counts[(i * size.width)..<((i + 1) * size.width)]
            guard let first = row.firstIndex(where: { $0 != 0 }),
                  let last = row.lastIndex(where: { $0 != 0 }) else { continue }
            let (low, high) = (first - i * size.width, last - i * size.width)
            rows = (rows?.lowerBound ?? i)...i
            columns = columns.map { min($0.lowerBound, low)...max($0.upperBound, high) } ?? low...high
        }
        guard let rows, let columns else { return nil }
        return CellBounds(rows: rows, columns: columns)
    }

    /// How many cells inside `bounds` have at least one path.
    /// - Precondition: `bounds` lies inside the map.
    public func nonzeroCount(in bounds: CellBounds) -> Int {
        var reached = 0
        for i in bounds.rows {
            for j in bounds.columns where counts[i * size.width + j] != 0 { reached += 1 }
        }
        return reached
    }

    /// The cell-by-cell sum of two maps of one size.
    /// - Throws: ``ReceptiveFieldError`` when the sizes differ or a sum overflows.
    public func adding(_ other: PathCountMap) throws -> PathCountMap {
        guard size == other.size else { throw ReceptiveFieldError.mapSizeMismatch(size, other.size) }
        var sums = counts
        for index in sums.indices {
            let (sum, overflow) = sums[index].addingReportingOverflow(other.counts[index])
            guard !overflow else { throw ReceptiveFieldError.pathCountOverflow(axis: nil) }
            sums[index] = sum
        }
        return try PathCountMap(size: size, counts: sums)
    }

    /// The counts as float64, each exact.
    /// - Throws: ``ReceptiveFieldError/pathCountNotExact(maximum:)`` when a count exceeds 2^53.
    public func exactDoubles() throws -> [Double] {
        let maximum = maximum
        guard maximum <= Self.largestExactDouble else { throw ReceptiveFieldError.pathCountNotExact(maximum: maximum) }
        return counts.map { Double($0) }
    }
}

/// A rectangle of cells given by its inclusive row and column ranges.
public struct CellBounds: Sendable, Hashable, Codable {
    public let rows: ClosedRange<Int>
    public let columns: ClosedRange<Int>

    public init(rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
        self.rows = rows
        self.columns = columns
    }

    /// The number of cells inside.
    public var cellCount: Int { rows.count * columns.count }

    /// The part of `region` inside an input of `inputSize`, or nil when it lies in padding.
    public init?(clipping region: CellRegion, toSize inputSize: Pair) {
        guard let rows = region.rows.clipped(toSize: inputSize.height),
              let columns = region.columns.clipped(toSize: inputSize.width) else { return nil }
        self.init(rows: rows, columns: columns)
    }
}
