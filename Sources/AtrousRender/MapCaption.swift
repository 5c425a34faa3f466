import AtrousCore

/// The part of a panel title that says which slice of a multi-channel or batched map is shown:
/// ` · ch 1 of 0–2 · image 0 of 0–3` (long) or ` ch 1 n0` (short), counted from 0 as `y[i,j,c]`
/// and `:channel N` count; empty for a single map.
struct MapCaption {
    let long: String
    let short: String

    init(shape: [Int], channel: Int, batch: Int) {
        var long = "", short = ""
        if let map = try? FeatureMapShape(shape: shape) {
            if map.channels > 1 {
                long += " · ch \(channel) of 0–\(map.channels - 1)"
                short += " ch \(channel)"
            }
            if map.batch > 1 {
                long += " · image \(batch) of 0–\(map.batch - 1)"
                short += " n\(batch)"
            }
        }
        self.long = long
        self.short = short
    }
}
