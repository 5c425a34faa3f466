import CProcessorCheck

/// The start-up check that turns a processor without what the core was compiled for into one
/// sentence, instead of an illegal instruction in the vector loops.
///
/// This file and the C check it calls are compiled for the baseline processor; they must run
/// before any code of the core does.
enum ProcessorCheck {
    /// The sentence to end with on this processor, or nil when it runs this build.
    static func refusal() -> String? {
        guard atrous_core_requires_x86_64_v3() != 0 else { return nil }
        let missing = missingFeatures(atrous_read_cpu_words())
        guard !missing.isEmpty else { return nil }
        return "This build of atrous needs an x86-64-v3 processor (AVX2, FMA and the rest: Haswell, Zen or "
            + "later), and this one lacks \(missing.joined(separator: ", ")); rebuild it with ATROUS_PORTABLE=1 set."
    }

    /// The names of the x86-64-v3 features `words` lack, in a fixed order.
    static func missingFeatures(_ words: atrous_cpu_words) -> [String] {
        var names = [UnsafePointer<CChar>?](repeating: nil, count: 32)
        let count = atrous_missing_x86_64_v3(words, &names, names.count)
        return names.prefix(min(count, names.count)).compactMap { $0.map { String(cString: $0) } }
    }
}
