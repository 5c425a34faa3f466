import AtrousCore

/// The smallest and largest finite values of some data, and whether any value is not finite:
/// what a panel needs of its whole map to choose its number format and heat scale. The state
/// keeps it for the maps on screen (``MapSummary``), so a frame does not scan them again.
///
/// Contiguous data is scanned eight doubles or sixteen floats at a time, so a 512x512 map costs tens of
/// microseconds rather than the better part of a millisecond, and a map of millions of values
/// in chunks on every worker.
public struct FiniteRange: Sendable, Equatable {
    /// The smallest finite value, or +infinity when there is none.
    public var smallest = Double.infinity
    /// The largest finite value, or -infinity when there is none.
    public var largest = -Double.infinity
    /// Whether some value is infinite or NaN.
    public var hasNonFinite = false

    /// Whether there is at least one finite value.
    public var isEmpty: Bool { smallest > largest }

    /// The range of `values`.
    ///
    /// - Complexity: O(n), one pass.
    public init<Values: Sequence<Double>>(of values: Values) {
        if let range = values.withContiguousStorageIfAvailable({ Self.scanned($0, Self.init(contiguous:)) }) {
            self = range
            return
        }
        for value in values { include(value) }
    }

    /// The range of float32 `values`, read as they are (each widens exactly to a double).
    ///
    /// - Complexity: O(n), one pass, sixteen values at a time, shared between the workers.
    public init(of values: [Float]) {
        self = values.withUnsafeBufferPointer { Self.scanned($0, Self.init(contiguousFloats:)) }
    }

    /// Values from which a scan is shared between the workers: below it, starting a thread
    /// costs more than it saves (a 512x512 map takes tens of microseconds).
    static var valuesPerWorker: Int { 1 << 20 }

    /// `scan` of `values`, in chunks on ``Workers/active`` threads when there are many values,
    /// the chunks' ranges then merged: smallest and largest do not depend on the order.
    ///
    /// An 8192x8192 output is 256 MB of float32, which `perf` showed one thread reading for
    /// about 20 ms of every parameter key.
    private static func scanned<Scalar>(_ values: UnsafeBufferPointer<Scalar>,
                                        _ scan: @escaping @Sendable (UnsafeBufferPointer<Scalar>) -> FiniteRange)
        -> FiniteRange {
        let workers = min(Workers.active, values.count / valuesPerWorker)
        guard workers > 1 else { return scan(values) }
        let chunks = ChunkedScan(values: values, count: workers * 8, scan: scan)
        Workers.forEachChunk(of: chunks.count, workers: workers) { indices in
            for index in indices { chunks.scan(index) }
        }
        return chunks.merged()
    }

    /// Whichever is smaller and larger of the two ranges, and whether either saw a non-finite value.
    func merged(with other: FiniteRange) -> FiniteRange {
        var range = self
        range.smallest = min(smallest, other.smallest)
        range.largest = max(largest, other.largest)
        range.hasNonFinite = hasNonFinite || other.hasNonFinite
        return range
    }

    // The two scans below differ only in their types. Written generically (even inlined into
    // concrete callers) the loop ran twenty-five times slower, so each type has its own.

    private init(contiguous values: UnsafeBufferPointer<Double>) {
        typealias Lanes = SIMD8<Double>
        var low = Lanes(repeating: .infinity), high = Lanes(repeating: -.infinity)
        var nonFinite = SIMDMask<Lanes.MaskStorage>(repeating: false)
        var index = 0
        if let base = values.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index &+ Lanes.scalarCount <= values.count {
                let chunk = raw.loadUnaligned(fromByteOffset: index &* MemoryLayout<Double>.stride, as: Lanes.self)
                // x - x is 0 for finite x and NaN for infinities and NaN.
                let isOff = .!((chunk - chunk) .== 0)
                nonFinite .|= isOff
                // Masks rather than pointwiseMin, which goes lane by lane to honour NaN.
                let forLow = chunk.replacing(with: .infinity, where: isOff)
                let forHigh = chunk.replacing(with: -.infinity, where: isOff)
                low.replace(with: forLow, where: forLow .< low)
                high.replace(with: forHigh, where: forHigh .> high)
                index &+= Lanes.scalarCount
            }
        }
        smallest = low.min()
        largest = high.max()
        hasNonFinite = any(nonFinite)
        while index < values.count {
            include(values[index])
            index &+= 1
        }
    }

    private init(contiguousFloats values: UnsafeBufferPointer<Float>) {
        typealias Lanes = SIMD16<Float>
        var low = Lanes(repeating: .infinity), high = Lanes(repeating: -.infinity)
        var nonFinite = SIMDMask<Lanes.MaskStorage>(repeating: false)
        var index = 0
        if let base = values.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index &+ Lanes.scalarCount <= values.count {
                let chunk = raw.loadUnaligned(fromByteOffset: index &* MemoryLayout<Float>.stride, as: Lanes.self)
                let isOff = .!((chunk - chunk) .== 0)
                nonFinite .|= isOff
                let forLow = chunk.replacing(with: .infinity, where: isOff)
                let forHigh = chunk.replacing(with: -.infinity, where: isOff)
                low.replace(with: forLow, where: forLow .< low)
                high.replace(with: forHigh, where: forHigh .> high)
                index &+= Lanes.scalarCount
            }
        }
        smallest = Double(low.min())
        largest = Double(high.max())
        hasNonFinite = any(nonFinite)
        while index < values.count {
            include(Double(values[index]))
            index &+= 1
        }
    }

    private mutating func include(_ value: Double) {
        if value.isFinite {
            smallest = min(smallest, value)
            largest = max(largest, value)
        } else {
            hasNonFinite = true
        }
    }
}

/// Values split into chunks whose ranges the workers compute, each into its own slot.
private final class ChunkedScan<Scalar>: @unchecked Sendable {
    let values: UnsafeBufferPointer<Scalar>
    let count: Int
    let scan: @Sendable (UnsafeBufferPointer<Scalar>) -> FiniteRange
    /// One range per chunk, each written by the one worker that scans that chunk.
    private let ranges: UnsafeMutableBufferPointer<FiniteRange>

    init(values: UnsafeBufferPointer<Scalar>, count: Int, scan: @escaping @Sendable (UnsafeBufferPointer<Scalar>) -> FiniteRange) {
        self.values = values
        self.count = count
        self.scan = scan
        ranges = .allocate(capacity: count)
        ranges.initialize(repeating: FiniteRange(of: [Double]()))
    }

    deinit { ranges.deallocate() }

    /// Scans chunk `index` into its slot.
    func scan(_ index: Int) {
        let start = values.count * index / count, end = values.count * (index + 1) / count
        let range = scan(UnsafeBufferPointer(rebasing: values[start..<end]))
        ranges[index] = range
    }

    /// Every chunk's range merged.
    func merged() -> FiniteRange {
        ranges.dropFirst().reduce(ranges[0]) { $0.merged(with: $1) }
    }
}
