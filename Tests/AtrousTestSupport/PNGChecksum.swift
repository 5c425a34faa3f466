/// The CRC-32 that closes every PNG chunk (ISO 3309, as zlib computes it), for tests that
/// craft or mutate PNG files.
public enum PNGChecksum {
    public static func crc32(_ data: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }
}
