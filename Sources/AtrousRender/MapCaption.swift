import AtrousCore

/// The part of a panel title that says which slice of a multi-channel or batched map is shown:
/// ` · ch 2/3 · image 1/4` (long) or ` c2/3 n1/4` (short); empty for a single map.
struct MapCaption {
    let long: String
    let short: String

    init(shape: [Int], channel: Int, batch: Int) {
        var long = "", short = ""
        if let map = try? FeatureMapShape(shape: shape) {
            if map.channels > 1 {
                long += " · ch \(channel + 1)/\(map.channels)"
                short += " c\(channel + 1)/\(map.channels)"
            }
            if map.batch > 1 {
                long += " · image \(batch + 1)/\(map.batch)"
                short += " n\(batch + 1)/\(map.batch)"
            }
        }
        self.long = long
        self.short = short
    }
}
