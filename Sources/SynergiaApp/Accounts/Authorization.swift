import SynergiaCore
import Vapor

extension Request {
    /// Who is asking, as the authorization policy sees it.
    public var actor: Actor { auth.get(UserModel.self)?.actor ?? .publicVisitor }

    /// Throws unless ``AuthorizationPolicy`` permits this request's actor the action:
    /// 401 for the public (so pages can offer sign-in), 403 for a signed-in account.
    public func authorize(_ action: Action) throws {
        guard AuthorizationPolicy.permits(actor, action) else {
            throw Abort(actor.isSignedIn ? .forbidden : .unauthorized)
        }
    }

    /// The signed-in account, having checked the policy for `action`.
    public func requireUser(for action: Action = .manageOwnAccount) throws -> UserModel {
        try authorize(action)
        guard let user = auth.get(UserModel.self) else { throw Abort(.unauthorized) }
        return user
    }

    /// The client address used for rate limiting (the peer, or the first forwarded address).
    var clientAddress: String {
        headers.forwarded.first?.for ?? headers.first(name: "X-Forwarded-For")?.split(separator: ",").first.map(String.init)
            ?? remoteAddress?.ipAddress ?? "unknown"
    }
}
