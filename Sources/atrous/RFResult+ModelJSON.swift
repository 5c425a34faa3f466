import AtrousCore
import AtrousIO

/// The `--json` form of `atrous rf --model`: the keys of `rf --json` for a stack
/// (`input_size`, `output_size`, `layers`, `receptive_field`, `jump`, `effective_padding`,
/// `at`, `region`, `coverage`, `path_counts`), plus the model, the node, the merges and the
/// global dependencies. Numbers that are fractions (after upsampling) are written as decimals.
func modelJSON(_ analysis: ModelFieldAnalysis, file: String) -> JSONValue {
    let report = ModelFieldReport(analysis: analysis)
    let node = analysis.model.graph.nodes[analysis.node]
    let field = analysis.field
    return .object([
        ("model", .string(file)),
        ("node", .string(node.name)),
        ("operator", .string(node.operatorName)),
        ("input_size", pair(analysis.model.inputSize)),
        ("output_size", pair(analysis.outputSize)),
        ("layers", .array(report.rows.map(rowJSON))),
        ("receptive_field", fractions(field.rows.size, field.columns.size)),
        ("jump", fractions(field.rows.jump, field.columns.jump)),
        ("effective_padding", .object([
            ("before", fractions(field.rows.padBefore, field.columns.padBefore)),
            ("after", fractions(report.padAfter(field.rows, axis: .height), report.padAfter(field.columns, axis: .width))),
        ])),
        ("at", pair(analysis.position)),
        ("region", regionJSON(analysis.region)),
        ("coverage", coverageJSON(analysis.coverage)),
        ("path_counts", object([
            ("nonzero_bbox", analysis.pathCounts.nonzeroBounds.map { .integers([$0.rows.lowerBound, $0.rows.upperBound,
                                                                                 $0.columns.lowerBound, $0.columns.upperBound]) }),
            ("nonzero_cells", .number(analysis.pathCounts.nonzeroCount)),
            ("total_paths", .number(analysis.pathCounts.total)),
            ("maximum", .number(analysis.pathCounts.maximum)),
            ("exact", .bool(analysis.pathCounts.isExact)),
        ])),
        ("merges", .array(report.merges.map { merge in
            .object([
                ("node", .string(merge.name)),
                ("operator", .string(merge.operatorName)),
                ("aligned", .bool(merge.alignment.isAligned)),
                ("centres", .array(zip(merge.alignment.rows, merge.alignment.columns).map { fractions($0.centre, $1.centre) })),
                ("jumps", .array(zip(merge.alignment.rows, merge.alignment.columns).map { fractions($0.jump, $1.jump) })),
            ])
        })),
        ("global_dependency", .array(report.globalNodes.map {
            .object([("node", .string($0.name)), ("operator", .string($0.operatorName))])
        })),
    ])
}

private func rowJSON(_ row: ModelFieldReport.Row) -> JSONValue {
    var members: [(String, JSONValue?)] = [("node", .string(row.name)), ("operator", .string(row.operatorName)),
                                           ("op", .string(row.operation.shortName))]
    if let window = row.window {
        members += [
            ("k", .integers([window.rows.kernelSize, window.columns.kernelSize])),
            ("r", .integers([window.rows.rate, window.columns.rate])),
            ("s", .integers([window.rows.stride, window.columns.stride])),
            ("pads", .integers([window.rows.padBefore, window.rows.padAfter, window.columns.padBefore, window.columns.padAfter])),
        ]
    } else if let shift = row.shift {
        members.append(("pads", .integers([shift.before.height, shift.after.height, shift.before.width, shift.after.width])))
    }
    members.append(("output_size", row.outputSize.map(pair)))
    if let field = row.field {
        members += [
            ("receptive_field", fractions(field.rows.size, field.columns.size)),
            ("jump", fractions(field.rows.jump, field.columns.jump)),
            ("effective_padding", .object([("before", fractions(field.rows.padBefore, field.columns.padBefore))])),
        ]
    } else {
        members.append(("global", .bool(true)))
    }
    return object(members)
}

/// `[rows, columns]`, each an integer or a decimal.
private func fractions(_ rows: Fraction, _ columns: Fraction) -> JSONValue {
    .array([rows, columns].map { $0.isInteger ? .number($0.numerator) : .number($0.doubleValue) })
}
