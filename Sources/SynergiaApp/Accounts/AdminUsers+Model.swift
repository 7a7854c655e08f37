import SynergiaCore
import Vapor

/// Administrators list accounts and create new ones.
enum AdminUsers {}

extension AdminUsers {
    struct Model: Content, Sendable {
        var users: [AccountDTO]
        /// Code and short name, for the form.
        var conventions: [Convention]
        /// An account was just created.
        var created: Bool

        struct Convention: Content, Sendable { var code: String; var shortName: String }
    }
}
