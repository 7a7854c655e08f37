import SynergiaCore
import Vapor

/// The one way to ask ``AuthorizationPolicy`` and refuse: 401 for the public (so pages can offer
/// sign-in), 403 for a signed-in account the policy refuses. Services call it with the actor
/// they were given, inside the transaction of the write it guards.
public enum Authorize {
    public static func require(_ actor: Actor, _ action: Action) throws {
        guard AuthorizationPolicy.permits(actor, action) else {
            throw Abort(actor.isSignedIn ? .forbidden : .unauthorized)
        }
    }
}

extension Request {
    /// Who is asking, as the authorization policy sees it: the account of the API token that
    /// authorized this request, else the signed-in account, else the public.
    public var actor: Actor { account?.actor ?? .publicVisitor }

    /// The account acting in this request: the API token's, else the session's.
    var account: UserModel? { apiTokenUser ?? auth.get(UserModel.self) }

    /// Throws unless ``AuthorizationPolicy`` permits this request's actor the action.
    public func authorize(_ action: Action) throws {
        try Authorize.require(actor, action)
    }

    /// The signed-in account, having checked the policy for `action`.
    public func requireUser(for action: Action = .manageOwnAccount) throws -> UserModel {
        try authorize(action)
        guard let user = auth.get(UserModel.self) else { throw Abort(.unauthorized) }
        return user
    }
}
