import ArgumentParser
import AtrousCore
import Foundation

@main
struct Atrous: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explore dilated (atrous) convolution and receptive fields.",
        subcommands: [
            ExploreCommand.self,
            RenderCommand.self,
            ComputeCommand.self,
            ShapeCommand.self,
            RFCommand.self,
            ExportCodeCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: ExploreCommand.self)

    static func main() {
        refuseUnsupportedProcessor()
        main(nil)
    }

    /// Ends with one sentence, instead of a trap in the vector loops, on a processor that
    /// lacks what the core was compiled for.
    private static func refuseUnsupportedProcessor() {
        guard !ProcessorFeatures.required.isEmpty,
              let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return }
        let missing = ProcessorFeatures.missing(fromFlags: String(flags))
        guard !missing.isEmpty else { return }
        FileHandle.standardError.write(Data(("Error: This build of atrous needs a processor with "
            + missing.joined(separator: " and ") + "; rebuild it with ATROUS_PORTABLE=1 set.\n").utf8))
        Foundation.exit(EXIT_FAILURE)
    }
}
