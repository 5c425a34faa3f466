import AtrousExplorer
import AtrousExport
import AtrousTerminal
import Foundation

/// Runs the explorer in the terminal from `state` until the user quits: `atrous explore`,
/// `atrous learn` and `atrous lesson` all end here.
func runExplorer(from state: ExplorerState, noColor: Bool) throws {
    let environment: (String) -> String? = { name in
        name == "NO_COLOR" && noColor ? "1" : TerminalSession.processEnvironment(name)
    }
    // What the loop reported on its way out, kept where a stop signal's exit still finds it.
    var reportsAtStop: [ExplorerMessage] = []
    let reports = try withTerminal(environment: environment, lastWords: { reportsAtStop.map(\.text) }) { screen in
        var app = ExplorerApp(screen: screen, colors: screen.colorSupport != .monochrome,
                              driver: ExplorerDriver(state: state))
        defer { reportsAtStop = app.driver.reportsAtQuit }
        try app.run()
        return app.driver.reportsAtQuit
    }
    // What was done on the way out, such as a recording written on quitting, said where it
    // can still be read (a message's text is escaped already).
    for report in reports {
        FileHandle.standardError.write(Data("atrous: \(report.text)\n".utf8))
    }
}
