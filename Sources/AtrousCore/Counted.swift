/// A count with its noun, singular for exactly one: `1 cell`, `2 cells`, `0 cells`.
/// Every message that states a count builds it here, so none says "1 channels".
public func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
