import Foundation
import Vapor

/// The signed-in person's API tokens, and the one just made (shown once).
enum APITokens {}

extension APITokens {
    struct Model: Content, Sendable {
        var tokens: [Token]
        /// The token just made: shown on this page only, never stored.
        var created: String?

        struct Token: Content, Sendable { var id: UUID; var name: String; var createdAt: Date?; var lastUsedAt: Date? }
    }
}
