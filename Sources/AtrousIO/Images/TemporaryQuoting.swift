/// A file name as messages show it: quoted when it holds a space or is empty.
func quoted(_ text: String) -> String {
    text.isEmpty || text.contains(" ") ? "'\(text)'" : text
}
