import AtrousCore
import AtrousIO

/// The `--json` form of `atrous rf`, written by AtrousIO's ``JSONWriter``: sizes as
/// [height, width], regions as [start, end] per axis, bounds as [top, bottom, left, right].
/// A value that does not exist (the bounds of a region wholly in padding, a path total past
/// 2^64) is left out, as its member's name then says nothing true.
extension RFResult {
    func jsonText() -> String {
        let value: JSONValue = switch self {
        case let .stack(analysis): stackJSON(analysis)
        case let .model(analysis, file): modelJSON(analysis, file: file)
        case let .parallel(analysis):
            .object([
                ("branches", .array(analysis.branches.map(stackJSON))),
                ("at", pair(analysis.branches[0].position)),
                ("summed", .object([("region", regionJSON(analysis.region)),
                                    ("coverage", coverageJSON(analysis.coverage)),
                                    ("path_counts", pathCountsJSON(analysis.pathCounts))])),
            ])
        }
        return String(JSONWriter().text(value).dropLast())
    }
}

func pair(_ value: Pair) -> JSONValue { .integers([value.height, value.width]) }

func bounds(_ box: CellBounds?) -> JSONValue? {
    box.map { .integers([$0.rows.lowerBound, $0.rows.upperBound, $0.columns.lowerBound, $0.columns.upperBound]) }
}

/// An object without the members whose value does not exist.
func object(_ members: [(String, JSONValue?)]) -> JSONValue {
    .object(members.compactMap { member in member.1.map { (member.0, $0) } })
}

private func stackJSON(_ analysis: ReceptiveFieldAnalysis) -> JSONValue {
    let field = analysis.field
    return .object([
        ("input_size", pair(analysis.stack.inputSize)),
        ("output_size", pair(analysis.stack.outputSize)),
        ("layers", .array(analysis.stack.layers.indices.map { layerJSON(analysis, index: $0) })),
        ("receptive_field", pair(field.size)),
        ("jump", pair(field.jump)),
        ("effective_padding", .object([("before", pair(field.padBefore)), ("after", pair(field.padAfter))])),
        ("at", pair(analysis.position)),
        ("region", regionJSON(analysis.region)),
        ("coverage", coverageJSON(analysis.coverage)),
        ("path_counts", pathCountsJSON(analysis.pathCounts)),
        ("hdc", .object([("rows", ruleJSON(analysis.rowRule)), ("columns", ruleJSON(analysis.columnRule)),
                         ("grids", .bool(analysis.ruleGrids))])),
    ])
}

private func layerJSON(_ analysis: ReceptiveFieldAnalysis, index: Int) -> JSONValue {
    let layer = analysis.stack.layers[index]
    let (row, column) = (analysis.field.rows.steps[index], analysis.field.columns.steps[index])
    return .object([
        ("k", pair(layer.spec.kernelSize)),
        ("r", pair(layer.spec.rate)),
        ("s", pair(layer.spec.stride)),
        ("p", .string(layer.spec.padding.description)),
        ("pads", .integers([layer.pads.top, layer.pads.bottom, layer.pads.left, layer.pads.right])),
        ("output_size", pair(layer.outputSize)),
        ("receptive_field", .integers([row.size, column.size])),
        ("jump", .integers([row.jump, column.jump])),
        ("effective_padding", .object([("before", .integers([row.padBefore, column.padBefore])),
                                       ("after", .integers([row.padAfter, column.padAfter]))])),
    ])
}

func regionJSON(_ region: CellRegion) -> JSONValue {
    .object([
        ("rows", .integers([region.rows.start, region.rows.end])),
        ("columns", .integers([region.columns.start, region.columns.end])),
        ("centre", .array([.number(region.rows.centre), .number(region.columns.centre)])),
    ])
}

func coverageJSON(_ coverage: Coverage) -> JSONValue {
    object([
        ("bounds", bounds(coverage.bounds)),
        ("cells", .number(coverage.cells)),
        ("reached", .number(coverage.reached)),
        ("holes", .number(coverage.holes)),
    ])
}

private func pathCountsJSON(_ map: PathCountMap) -> JSONValue {
    object([
        ("nonzero_bbox", bounds(map.nonzeroBounds)),
        ("nonzero_cells", .number(map.nonzeroCount)),
        ("total_paths", (try? map.total()).map { JSONValue.number($0) }),
        ("maximum", .number(map.maximum)),
    ])
}

private func ruleJSON(_ rule: HybridDilatedConvolution) -> JSONValue {
    .object([
        ("rates", .integers(rule.rates)),
        ("groups", .array(rule.groups.map { group in
            .object([
                ("rates", .integers(group.rates)),
                ("kernel_size", .number(group.kernelSize)),
                ("maximum_distances", .integers(group.maximumDistances)),
                ("common_factor", .number(group.commonFactor)),
                ("grids", .bool(group.grids)),
            ])
        })),
        ("grids", .bool(rule.grids)),
    ])
}
