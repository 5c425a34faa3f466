import AtrousCore

/// The current cell's sum as rows of the help overlay: one row per term (tap name, the input
/// cell it reads or the padding side, weight × value = product), then the total. What the
/// computation line counts as `… (+N more: :sum)` is all here.
enum SumTable {
    /// The overlay's title for the sum of `breakdown`.
    static func title(_ breakdown: TapBreakdown<Double>, showsChannel: Bool) -> String {
        let channel = showsChannel ? ",\(breakdown.outputChannel)" : ""
        return "Sum of y[\(breakdown.outputRow),\(breakdown.outputColumn)\(channel)]"
    }

    /// Every term, columns aligned, then the bias (when not zero) and the total.
    static func entries(_ breakdown: TapBreakdown<Double>, kernelWidth: Int) -> [HelpEntry] {
        let channels = (breakdown.taps.map(\.inputChannel).max() ?? 0) + 1
        let cells = breakdown.taps.map { tap -> String in
            let cell = channels > 1 ? "x[\(tap.row),\(tap.column),\(tap.inputChannel)]" : "x[\(tap.row),\(tap.column)]"
            guard case let .padding(sides, row, column) = tap.source else { return cell }
            let copied = row.flatMap { r in column.map { c in " = x[\(r),\(c)]" } } ?? ""
            return cell + " pad " + sides.map(\.rawValue).joined(separator: "-") + copied
        }
        let weights = breakdown.taps.map { ValueFormat.short($0.weight) }
        let values = breakdown.taps.map { ValueFormat.short($0.value) }
        let (cellWidth, weightWidth, valueWidth) = (cells.map(\.count).max() ?? 0, weights.map(\.count).max() ?? 0,
                                                    values.map(\.count).max() ?? 0)
        let group = "Term  input cell  weight × value = product"
        var entries = breakdown.taps.indices.map { i in
            let tap = breakdown.taps[i]
            let label = TapLabel.label(row: tap.kernelRow, column: tap.kernelColumn, kernelWidth: kernelWidth)
            let description = cells[i].rightPadded(to: cellWidth) + "  " + weights[i].leftPadded(to: weightWidth)
                + " × " + values[i].leftPadded(to: valueWidth) + " = " + ValueFormat.short(tap.product)
            return HelpEntry(key: label, description: description, group: group)
        }
        if breakdown.bias != 0 {
            entries.append(HelpEntry(key: "bias", description: ValueFormat.short(breakdown.bias), group: group))
        }
        let terms = breakdown.taps.count + (breakdown.bias != 0 ? 1 : 0)
        entries.append(HelpEntry(key: "total", description: "\(ValueFormat.short(breakdown.sum)) (\(terms) terms)",
                                 group: "Total"))
        return entries
    }
}
