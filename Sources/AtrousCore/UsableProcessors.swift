#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How many processors this process may really use: the online ones, fewer when its affinity
/// mask (`taskset`, a container's cpuset) leaves out some, and fewer when a control group's CPU
/// quota (a container's `--cpus`) allows less time than they have. More workers than that only
/// take turns on the same processors.
enum UsableProcessors {
    /// The count, at least 1.
    static func count() -> Int {
        var count = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #if os(Linux)
        if let allowed = affinityCount() { count = min(count, allowed) }
        if let quota = cgroupQuota() { count = min(count, quota) }
        #endif
        return max(1, count)
    }

    #if os(Linux)
    /// The processors in this process's affinity mask (the `Cpus_allowed` line of
    /// `/proc/self/status`), or nil when it cannot be read.
    static func affinityCount() -> Int? {
        guard let status = smallFile("/proc/self/status", limit: 16_384) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed:") }
        return line.flatMap { processors(cpusAllowed: String($0.dropFirst("Cpus_allowed:".count))) }
    }

    /// The processors' worth of time the control group's quota allows, or nil without a quota:
    /// cgroup v2's `cpu.max`, else cgroup v1's `cpu.cfs_quota_us` and `cpu.cfs_period_us`.
    static func cgroupQuota() -> Int? {
        if let text = smallFile("/sys/fs/cgroup/cpu.max") { return processors(cpuMax: text) }
        guard let quota = smallFile("/sys/fs/cgroup/cpu/cpu.cfs_quota_us").flatMap({ Int($0) }),
              let period = smallFile("/sys/fs/cgroup/cpu/cpu.cfs_period_us").flatMap({ Int($0) })
        else { return nil }
        return processors(quota: quota, period: period)
    }

    /// A short file's text without surrounding blanks, or nil when it cannot be read.
    private static func smallFile(_ path: String, limit: Int = 128) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: limit)
        var count = 0
        while count < limit {
            let got = read(fd, &buffer[count], limit - count)
            guard got > 0 else { break }
            count += got
        }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self)
        return String(text.drop { $0 == " " || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\n" }.reversed())
    }
    #endif

    /// An affinity mask as `/proc` writes it (hexadecimal words joined by commas, `ff,0000000f`)
    /// as the number of processors in it, or nil when it is not such a mask or is empty.
    static func processors(cpusAllowed text: String) -> Int? {
        var count = 0
        for character in text where character != "," && character != " " && character != "\t" {
            guard let digit = character.hexDigitValue else { return nil }
            count += digit.nonzeroBitCount
        }
        return count > 0 ? count : nil
    }

    /// cgroup v2's `cpu.max` ("QUOTA PERIOD", or "max PERIOD" for none) as whole processors.
    static func processors(cpuMax text: String) -> Int? {
        let fields = text.split(separator: " ")
        guard fields.count == 2, let quota = Int(fields[0]), let period = Int(fields[1]) else { return nil }
        return processors(quota: quota, period: period)
    }

    /// A quota of `quota` microseconds per `period` as whole processors, rounded up (1.5
    /// processors' time keeps 2 busy part of the time); nil for no quota (-1).
    static func processors(quota: Int, period: Int) -> Int? {
        guard quota > 0, period > 0 else { return nil }
        return max(1, (quota + period - 1) / period)
    }
}
