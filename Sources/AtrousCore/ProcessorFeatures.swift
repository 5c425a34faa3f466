/// The processor features this build of the core was compiled to use.
///
/// On x86-64 the vector loops are compiled for x86-64-v3 (AVX2 and FMA) unless the package
/// was built with `ATROUS_PORTABLE=1`; such a binary traps on an older processor at the first
/// convolution. The command line checks first, so the user gets a sentence instead.
public enum ProcessorFeatures {
    /// The `/proc/cpuinfo` flag names the compiled code needs, empty when it runs anywhere.
    public static var required: [String] {
        #if ATROUS_FMA_VECTORS && arch(x86_64)
        ["avx2", "fma"]
        #else
        []
        #endif
    }

    /// The required features missing from a `flags` line of `/proc/cpuinfo`.
    public static func missing(fromFlags flags: String) -> [String] {
        let present = Set(flags.split(separator: " ").map(String.init))
        return required.filter { !present.contains($0) }
    }
}
