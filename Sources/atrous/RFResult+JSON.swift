import AtrousCore
import Foundation

/// The `--json` form of `atrous rf`: sizes as [height, width], regions as [start, end] per axis.
extension RFResult {
    func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data: Data
        switch self {
        case let .stack(analysis): data = try encoder.encode(StackJSON(analysis))
        case let .parallel(analysis): data = try encoder.encode(ParallelJSON(analysis))
        }
        return String(decoding: data, as: UTF8.self)
    }
}

private func pair(_ value: Pair) -> [Int] { [value.height, value.width] }

private struct StackJSON: Encodable {
    let inputSize: [Int]
    let outputSize: [Int]
    let layers: [LayerJSON]
    let receptiveField: [Int]
    let jump: [Int]
    let effectivePadding: PaddingJSON
    let at: [Int]
    let region: RegionJSON
    let coverage: CoverageJSON
    let pathCounts: PathCountsJSON
    let hdc: RulesJSON

    init(_ analysis: ReceptiveFieldAnalysis) {
        let field = analysis.field
        inputSize = pair(analysis.stack.inputSize)
        outputSize = pair(analysis.stack.outputSize)
        layers = analysis.stack.layers.indices.map { LayerJSON(analysis, index: $0) }
        receptiveField = pair(field.size)
        jump = pair(field.jump)
        effectivePadding = PaddingJSON(before: pair(field.padBefore), after: pair(field.padAfter))
        at = pair(analysis.position)
        region = RegionJSON(analysis.region)
        coverage = CoverageJSON(analysis.coverage)
        pathCounts = PathCountsJSON(analysis.pathCounts)
        hdc = RulesJSON(rows: RuleJSON(analysis.rowRule), columns: RuleJSON(analysis.columnRule),
                        grids: analysis.ruleGrids)
    }
}

private struct ParallelJSON: Encodable {
    let branches: [StackJSON]
    let at: [Int]
    let summed: SummedJSON

    struct SummedJSON: Encodable {
        let region: RegionJSON
        let coverage: CoverageJSON
        let pathCounts: PathCountsJSON
    }

    init(_ analysis: ParallelBranchAnalysis) {
        branches = analysis.branches.map(StackJSON.init)
        at = pair(analysis.branches[0].position)
        summed = SummedJSON(region: RegionJSON(analysis.region), coverage: CoverageJSON(analysis.coverage),
                            pathCounts: PathCountsJSON(analysis.pathCounts))
    }
}

private struct LayerJSON: Encodable {
    let k: [Int], r: [Int], s: [Int]
    let p: String
    /// [top, bottom, left, right]
    let pads: [Int]
    let outputSize: [Int]
    let receptiveField: [Int]
    let jump: [Int]
    let effectivePadding: PaddingJSON

    init(_ analysis: ReceptiveFieldAnalysis, index: Int) {
        let layer = analysis.stack.layers[index]
        let (row, column) = (analysis.field.rows.steps[index], analysis.field.columns.steps[index])
        k = pair(layer.spec.kernelSize)
        r = pair(layer.spec.rate)
        s = pair(layer.spec.stride)
        p = layer.spec.padding.description
        pads = [layer.pads.top, layer.pads.bottom, layer.pads.left, layer.pads.right]
        outputSize = pair(layer.outputSize)
        receptiveField = [row.size, column.size]
        jump = [row.jump, column.jump]
        effectivePadding = PaddingJSON(before: [row.padBefore, column.padBefore], after: [row.padAfter, column.padAfter])
    }
}

private struct PaddingJSON: Encodable {
    let before: [Int]
    let after: [Int]
}

private struct RegionJSON: Encodable {
    let rows: [Int]
    let columns: [Int]
    let centre: [Double]

    init(_ region: CellRegion) {
        rows = [region.rows.start, region.rows.end]
        columns = [region.columns.start, region.columns.end]
        centre = [region.rows.centre, region.columns.centre]
    }
}

private struct CoverageJSON: Encodable {
    /// [top, bottom, left, right] of the region inside the input, or nil when it lies in padding.
    let bounds: [Int]?
    let cells: Int
    let reached: Int
    let holes: Int

    init(_ coverage: Coverage) {
        bounds = coverage.bounds.map { [$0.rows.lowerBound, $0.rows.upperBound, $0.columns.lowerBound, $0.columns.upperBound] }
        cells = coverage.cells
        reached = coverage.reached
        holes = coverage.holes
    }
}

private struct PathCountsJSON: Encodable {
    /// [top, bottom, left, right] of the reached cells, or nil when none is reached.
    let nonzeroBbox: [Int]?
    let nonzeroCells: Int
    /// Nil when the sum exceeds 2^64.
    let totalPaths: UInt64?
    let maximum: UInt64

    init(_ map: PathCountMap) {
        nonzeroBbox = map.nonzeroBounds.map { [$0.rows.lowerBound, $0.rows.upperBound, $0.columns.lowerBound, $0.columns.upperBound] }
        nonzeroCells = map.nonzeroCount
        totalPaths = try? map.total()
        maximum = map.maximum
    }
}

private struct RulesJSON: Encodable {
    let rows: RuleJSON
    let columns: RuleJSON
    let grids: Bool
}

private struct RuleJSON: Encodable {
    let rates: [Int]
    let groups: [GroupJSON]
    let grids: Bool

    struct GroupJSON: Encodable {
        let rates: [Int]
        let kernelSize: Int
        /// M_1 … M_n
        let maximumDistances: [Int]
        let commonFactor: Int
        let grids: Bool
    }

    init(_ rule: HybridDilatedConvolution) {
        rates = rule.rates
        groups = rule.groups.map {
            GroupJSON(rates: $0.rates, kernelSize: $0.kernelSize, maximumDistances: $0.maximumDistances,
                      commonFactor: $0.commonFactor, grids: $0.grids)
        }
        grids = rule.grids
    }
}
