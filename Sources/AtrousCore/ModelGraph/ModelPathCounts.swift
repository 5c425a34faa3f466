/// The path counts of one output cell of a model back to its input: a one-hot map at the cell,
/// carried back through every node with all-ones weights and zero padding. A window counts
/// each of its cells inside the map once (a pooling window as well, as if it summed); branches
/// that meet at an add or concat sum their counts. This equals the gradient of the cell with
/// respect to the input when every weight is one, activations and normalisations are the
/// identity, pooling sums, and one channel runs through each branch.
///
/// The counts are held as float64: they grow by the kernel's size at every layer, past any
/// integer in deep networks. They are exact while every count stays at or below 2^53, which
/// ``isExact`` tells; zeros (the holes) are exact always, as a sum of positive counts never
/// rounds to zero.
public struct ModelPathCounts: Sendable {
    public let size: Pair
    /// The counts over the input, row-major.
    public let counts: [Double]
    /// Whether every count, at every node on the way, stayed at or below 2^53.
    public let isExact: Bool

    /// Carries the one-hot map of `position` at node `node` back to the input.
    /// - Parameter throughGlobal: whether paths through global operations count (every cell of
    ///   such an operation's input on one path each, as a global sum would); without them the
    ///   counts are the local paths of the convolutions and pools alone.
    /// - Precondition: `node` is resolved and `position` lies in its output.
    /// - Complexity: O(cells · taps per axis) over the nodes before `node`.
    public init(model: ResolvedModel, node: Int, position: Pair, throughGlobal: Bool) {
        var maps: [[Double]?] = Array(repeating: nil, count: model.graph.nodes.count)
        let inputSize = model.inputSize
        var input = [Double](repeating: 0, count: inputSize.height * inputSize.width)
        guard let top = model.outputSize(of: node) else { preconditionFailure("the node must be resolved") }
        var seed = [Double](repeating: 0, count: top.height * top.width)
        seed[position.height * top.width + position.width] = 1
        maps[node] = seed
        var largest = 1.0
        for index in stride(from: node, through: 0, by: -1) {
            guard let above = maps[index], case let .resolved(size, edges, _) = model.states[index] else { continue }
            maps[index] = nil
            for (source, edge) in zip(model.graph.nodes[index].inputs, edges) {
                let belowSize = source.flatMap { model.outputSize(of: $0) } ?? inputSize
                // Taken out of its place while it grows, so that it is not copied.
                var below: [Double]
                if let source {
                    below = maps[source] ?? [Double](repeating: 0, count: belowSize.height * belowSize.width)
                    maps[source] = nil
                } else {
                    below = input
                    input = []
                }
                defer { if let source { maps[source] = below } else { input = below } }
                switch edge {
                case let .local(rows, columns):
                    Self.backward(above, size: size, rows: rows, columns: columns, into: &below, belowSize: belowSize)
                case .global:
                    guard throughGlobal else { continue }
                    let total = above.reduce(0, +)
                    for i in below.indices { below[i] += total }
                }
                largest = max(largest, below.max() ?? 0)
            }
        }
        self.size = inputSize
        self.counts = input
        isExact = largest <= Double(PathCountMap.largestExactDouble)
    }

    /// Carries `above` back through one local edge: along the width of each row into a
    /// temporary map, then along the height of each column, so a `k×k` window costs `2k`
    /// per cell rather than `k²`.
    private static func backward(_ above: [Double], size: Pair, rows: AxisStep, columns: AxisStep,
                                 into below: inout [Double], belowSize: Pair) {
        var middle = [Double](repeating: 0, count: size.height * belowSize.width)
        above.withUnsafeBufferPointer { a in
            middle.withUnsafeMutableBufferPointer { m in
                for row in 0..<size.height {
                    columns.backward(UnsafeBufferPointer(rebasing: a[(row * size.width)..<((row + 1) * size.width)]),
                                     into: UnsafeMutableBufferPointer(rebasing: m[(row * belowSize.width)..<((row + 1) * belowSize.width)]))
                }
            }
        }
        middle.withUnsafeBufferPointer { m in
            below.withUnsafeMutableBufferPointer { b in
                for column in 0..<belowSize.width {
                    rows.backward(UnsafeBufferPointer(rebasing: m[column...]),
                                  into: UnsafeMutableBufferPointer(rebasing: b[column...]),
                                  aboveStride: belowSize.width, belowStride: belowSize.width)
                }
            }
        }
    }

    /// How many cells have at least one path.
    public var nonzeroCount: Int { counts.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// The largest count.
    public var maximum: Double { counts.max() ?? 0 }

    /// The sum of every count.
    public var total: Double { counts.reduce(0, +) }

    /// How many cells inside `bounds` have at least one path.
    public func nonzeroCount(in bounds: CellBounds) -> Int {
        var reached = 0
        for i in bounds.rows {
            for j in bounds.columns where counts[i * size.width + j] != 0 { reached += 1 }
        }
        return reached
    }

    /// The rows and columns spanned by the non-zero cells, or nil when every count is 0.
    public var nonzeroBounds: CellBounds? {
        var rows: ClosedRange<Int>?, columns: ClosedRange<Int>?
        for i in 0..<size.height {
            for j in 0..<size.width where counts[i * size.width + j] != 0 {
                rows = rows.map { min($0.lowerBound, i)...max($0.upperBound, i) } ?? i...i
                columns = columns.map { min($0.lowerBound, j)...max($0.upperBound, j) } ?? j...j
            }
        }
        guard let rows, let columns else { return nil }
        return CellBounds(rows: rows, columns: columns)
    }
}
