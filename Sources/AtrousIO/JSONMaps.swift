import AtrousCore

/// Writes a tensor as JSON: its shape, dtype, and one object per (batch, channel) map.
///
/// ```json
/// {"shape": [2, 3], "dtype": "float32", "maps": [
///   {"batch": 0, "channel": 0, "values": [
///     [1.0, 2.0, 3.0],
///     [4.0, 5.0, 6.0]]}
/// ]}
/// ```
public enum JSONMaps {
    /// The JSON text as UTF-8 bytes. Numbers print as Swift's shortest round-trip description.
    /// - Throws: ``IOError/nonFiniteJSON(path:value:index:)`` for an infinity or NaN, which JSON
    ///   cannot hold, and ``IOError/unsupportedRank(format:shape:)`` above rank 4.
    public static func encode<Scalar: ConvolutionScalar>(_ tensor: Tensor<Scalar>) throws(IOError) -> [UInt8] {
        let layout = try MapLayout(shape: tensor.shape, format: "JSON")
        var text = "{\"shape\": [" + tensor.shape.map(String.init).joined(separator: ", ")
            + "], \"dtype\": \"\(Scalar.dtypeName)\", \"maps\": ["
        for (number, map) in layout.maps.enumerated() {
            text += number == 0 ? "\n" : ",\n"
            text += "  {\"batch\": \(map.batch), \"channel\": \(map.channel), \"values\": ["
            for row in 0..<layout.height {
                text += row == 0 ? "\n    [" : ",\n    ["
                for column in 0..<layout.width {
                    let value = tensor.scalars[layout.offset(batch: map.batch, channel: map.channel,
                                                             row: row, column: column)]
                    guard value.isFinite else {
                        throw .nonFiniteJSON(path: nil, value: "\(value)", index: layout.index(
                            batch: map.batch, channel: map.channel, row: row, column: column))
                    }
                    text += column == 0 ? "\(value)" : ", \(value)"
                }
                text += "]"
            }
            text += "]}"
        }
        text += "\n]}\n"
        return Array(text.utf8)
    }
}
