import Foundation

/// The machine a report was measured on, so that numbers from different machines are not mixed up.
public struct MachineInfo: Sendable, Hashable {
    /// Processors online.
    public var cores: Int
    /// The operating system: its name and release, e.g. `Linux 6.8.0 (Ubuntu 24.04.1 LTS)`.
    public var os: String
    /// The processor model, or `unknown`.
    public var cpu: String
    /// The instruction set the binary was built for, e.g. `x86_64`.
    public var architecture: String

    public init(cores: Int, os: String, cpu: String, architecture: String) {
        self.cores = cores
        self.os = os
        self.cpu = cpu
        self.architecture = architecture
    }

    /// The machine this process runs on.
    public static var current: MachineInfo {
        MachineInfo(cores: ProcessInfo.processInfo.activeProcessorCount, os: operatingSystem,
                    cpu: processorModel ?? "unknown", architecture: architecture)
    }

    private static var architecture: String {
        #if arch(x86_64)
        "x86_64"
        #elseif arch(arm64)
        "arm64"
        #else
        "other"
        #endif
    }

    private static var operatingSystem: String {
        #if os(Linux)
        let kernel = (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let release = value(of: "PRETTY_NAME", inFile: "/etc/os-release", separator: "=")
        return "Linux" + (kernel.map { " \($0)" } ?? "") + (release.map { " (\($0))" } ?? "")
        #else
        return ProcessInfo.processInfo.operatingSystemVersionString
        #endif
    }

    private static var processorModel: String? {
        #if os(Linux)
        value(of: "model name", inFile: "/proc/cpuinfo", separator: ":")
        #else
        nil
        #endif
    }

    /// The value of the first `key<separator>value` line of a text file, unquoted.
    private static func value(of key: String, inFile path: String, separator: Character) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: separator, maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key else { continue }
            return parts[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\""))
        }
        return nil
    }
}
