/// The `-` convention: standard input where a file is read, standard output where one is written.
public enum StandardStream {
    /// The path that names a standard stream.
    public static let path = "-"
    /// How messages name the streams.
    static let inputName = "standard input"
    static let outputName = "standard output"
}
