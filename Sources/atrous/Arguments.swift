import ArgumentParser
import AtrousCore

// Flag values parse through the core's own parsers, so flags and the explorer agree.

extension Pair: ExpressibleByArgument {
    /// `3`, `3,5` or `3x5` (height first).
    public init?(argument: String) { self.init(parsing: argument) }
}

extension Padding: ExpressibleByArgument {
    /// `valid`, `same`, `full`, `causal` or `T,B,L,R`.
    public init?(argument: String) { self.init(parsing: argument) }
}

extension Fill: ExpressibleByArgument {}
