import AtrousCore

/// Writes a tensor as CSV: each map's rows as comma-separated numbers.
///
/// A rank-2 tensor writes H rows of W values, which `numpy.loadtxt(f, delimiter=",")` reads
/// back. Ranks 3 and 4 write one block per (batch, channel) map, each headed by a
/// `# batch b, channel c` comment line, with a blank line between blocks.
public enum CSVMaps {
    /// The CSV text as UTF-8 bytes. Numbers print as Swift's shortest round-trip description.
    /// - Throws: ``IOError/unsupportedRank(format:shape:)`` above rank 4.
    public static func encode<Scalar: ConvolutionScalar>(_ tensor: Tensor<Scalar>) throws(IOError) -> [UInt8] {
        let layout = try MapLayout(shape: tensor.shape, format: "CSV")
        var text = ""
        for (number, map) in layout.maps.enumerated() {
            if layout.isLabelled {
                if number > 0 { text += "\n" }
                text += "# batch \(map.batch), channel \(map.channel)\n"
            }
            for row in 0..<layout.height {
                text += (0..<layout.width).map { column in
                    "\(tensor.scalars[layout.offset(batch: map.batch, channel: map.channel, row: row, column: column)])"
                }.joined(separator: ",")
                text += "\n"
            }
        }
        return Array(text.utf8)
    }
}
