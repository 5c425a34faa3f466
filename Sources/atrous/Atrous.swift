import ArgumentParser

@main
struct Atrous: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explore dilated (atrous) convolution and receptive fields.",
        subcommands: [BenchCommand.self])
}
