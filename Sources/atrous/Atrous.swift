import ArgumentParser

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
        ],
        defaultSubcommand: ExploreCommand.self)
}
