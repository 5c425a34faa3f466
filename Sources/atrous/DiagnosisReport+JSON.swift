import AtrousCore
import AtrousIO

/// The `--json` form of `atrous diagnose`: `matches` (or `closest`, with difference maps),
/// each with the keys the README lists.
extension DiagnosisReport {
    func jsonText() -> String {
        let document = JSONValue.object([
            ("tolerance", .number(tolerance)),
            ("computed", .number(computedCount)),
            ("matches", .array(matches.map { $0.json(withMap: false) })),
            ("closest", .array(closest.map { $0.json(withMap: true) })),
        ])
        return JSONWriter().text(document)
    }
}

private extension DiagnosisFinding {
    func json(withMap: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("rate", .array([.number(rate.height), .number(rate.width)])),
            ("stride", .array([.number(stride.height), .number(stride.width)])),
            ("pads", .array(pads.map { .number($0) })),
            ("padding", .string(padding.rawValue)),
            ("fill", .string(fill.rawValue)),
            ("kernel", .string(kernel.rawValue)),
            ("input_layout", .string(inputLayout.rawValue)),
            ("twice", .bool(twice)),
            ("bias", .string(bias.rawValue)),
            ("max_abs_error", .number(maxAbsError)),
            ("tensorflow_standard", .bool(isTensorFlowStandard)),
            ("call", .string(frameworkCall)),
            ("sentence", .string(sentence)),
        ]
        if withMap {
            let columns = differenceMap.shape[1]
            members.append(("difference_map", .array(Swift.stride(from: 0, to: differenceMap.count, by: columns).map { start in
                .array(differenceMap.scalars[start..<(start + columns)].map { .number($0) })
            })))
        }
        return .object(members)
    }
}
