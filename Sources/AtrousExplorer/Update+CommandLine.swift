/// The `:` command line.
extension ExplorerState {
    /// Applies an edit; backspace on an empty line closes it, as in vi.
    mutating func editCommandLine(_ edit: CommandLineEdit) {
        guard var line = mode.commandLine else { return }
        if edit == .deleteBackward && line.text.isEmpty {
            mode = .normal
            return
        }
        line.apply(edit)
        mode = .commandLine(line)
    }

    /// Closes the line and runs its command; a line that cannot be read leaves one error sentence.
    mutating func submitCommandLine() -> [ExplorerEffect] {
        guard let line = mode.commandLine else { return [] }
        mode = .normal
        do {
            guard let action = try ExplorerCommand.parse(line.text) else { return [] }
            return update(&self, action)
        } catch {
            message = .error(error.description)
            return []
        }
    }
}
