import ArgumentParser
import AtrousIO
import Foundation

@main
struct Atrous: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explore dilated (atrous) convolution and receptive fields.",
        subcommands: [
            ExploreCommand.self,
            LearnCommand.self,
            LessonCommand.self,
            RenderCommand.self,
            ComputeCommand.self,
            ShapeCommand.self,
            RFCommand.self,
            ExportCodeCommand.self,
            DiagnoseCommand.self,
            BenchCommand.self,
        ],
        defaultSubcommand: ExploreCommand.self)

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // Help and version requests print as the parser prints them; every failure is one
            // line on standard error, without the usage text the parser would add after it.
            guard exitCode(for: error) != .success else { exit(withError: error) }
            // A command that has already said what failed (`lesson --check`) only sets the status.
            if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
            FileHandle.standardError.write(Data("Error: \(MessageText.escaped(message(for: error)))\n".utf8))
            Foundation.exit(exitCode(for: error).rawValue)
        }
    }
}
