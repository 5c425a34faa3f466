/// The blocks of a model's layer table, told by the nodes' names: consecutive nodes whose
/// names share a leading part up to a separator form a block named by that part, and each row
/// then shows the rest of its name. The separator is `/` in names that have one (PyTorch's
/// ONNX export writes `/layer1/layer1.0/conv1/Conv`), else `.` (`layer1.0.conv1`). A node
/// that shares no such part with its neighbour stands alone, named in full.
public enum ModelBlocks {
    /// One row's block and the part of its name that follows the block's.
    public struct Entry: Sendable, Hashable {
        /// The block's name, without leading and trailing separators; nil outside a block.
        public let block: String?
        /// Whether the row is the block's first, where the table names the block.
        public let startsBlock: Bool
        /// The node's name after its block's part (the whole name outside a block).
        public let shortName: String
    }

    static let separators: Set<Character> = ["/", "."]

    /// The separator of a pair of names: `/` when either has one, else `.`.
    static func separator(_ a: String, _ b: String) -> Character { a.contains("/") || b.contains("/") ? "/" : "." }

    /// The entries of `names`, in order: each run takes the longest separator-ended prefix its
    /// first two names share, and holds every following name with that prefix.
    public static func entries(names: [String]) -> [Entry] {
        var entries: [Entry] = []
        var index = 0
        while index < names.count {
            let prefix = index + 1 < names.count ? sharedPrefix(names[index], names[index + 1]) : ""
            let block = prefix.filter { !separators.contains($0) }.isEmpty ? nil : trimmed(prefix)
            guard let block else {
                entries.append(Entry(block: nil, startsBlock: false, shortName: names[index]))
                index += 1
                continue
            }
            var end = index
            while end < names.count, names[end].hasPrefix(prefix), names[end].count > prefix.count {
                entries.append(Entry(block: block, startsBlock: end == index, shortName: String(names[end].dropFirst(prefix.count))))
                end += 1
            }
            index = end
        }
        return entries
    }

    /// The longest prefix of both names that ends at a separator (with the separator), or "".
    static func sharedPrefix(_ a: String, _ b: String) -> String {
        let separator = separator(a, b)
        var prefix = ""
        var last = ""
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            prefix.append(x)
            if x == separator { last = prefix }
        }
        // A prefix that is a whole name leaves that row nothing to show.
        return last.count < min(a.count, b.count) ? last : ""
    }

    private static func trimmed(_ text: String) -> String {
        String(text.drop { separators.contains($0) }.reversed().drop { separators.contains($0) }.reversed())
    }
}
