import Vapor

/// A request refused by a rule (a nomination after the deadline, a meeting that is full):
/// nothing changed, and `catalogKey` says why in the person's language.
public struct Refusal: Error, Equatable, AbortError {
    public let catalogKey: String
    public init(_ catalogKey: String) { self.catalogKey = catalogKey }
    public var status: HTTPResponseStatus { catalogKey == "error.forbidden" ? .forbidden : .unprocessableEntity }
    public var reason: String { catalogKey }
}
