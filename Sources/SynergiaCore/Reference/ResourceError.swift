/// A data file shipped with Synergia could not be read. Names the file and why.
public struct ResourceError: Error, CustomStringConvertible, Sendable {
    public let file: String
    public let reason: String
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }
    public var description: String { "cannot read \(file): \(reason)" }
}
