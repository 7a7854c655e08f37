import Vapor

extension Route {
    /// Marks a form route that accepts a body larger than the default (an upload), so the form
    /// token can be read from it before the route runs (``CSRFMiddleware``).
    @discardableResult
    func allowsLargeBody(_ size: ByteCount) -> Route {
        userInfo["synergia.max-body"] = size.value
        return self
    }

    /// The body size this route accepts, when it is not the default.
    var largeBodyLimit: Int? { userInfo["synergia.max-body"] as? Int }
}
