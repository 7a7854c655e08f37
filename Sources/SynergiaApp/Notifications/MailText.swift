import Fluent
import Foundation
import SynergiaCore

/// What an e-mail says, in its recipient's language (issue 13): its subject and body are the
/// catalog's `mail.KIND.subject` and `mail.KIND.body` in that language, with the values filled in.
struct MailText: Sendable, Equatable {
    var subject: String
    var body: String

    init(_ kind: String, _ values: [String: String], in language: Language) {
        let catalog = Catalogs.shipped[language]
        subject = catalog["mail.\(kind).subject", values]
        body = catalog["mail.\(kind).body", values] + "\n"
    }

    /// The language e-mails reach `user` in: the one they last signed in with, else English.
    static func language(of user: UserModel) -> Language {
        user.language.flatMap(Language.init(rawValue:)) ?? .english
    }

    /// The language e-mails reach the address `email` in: its account's, else `otherwise`.
    static func language(of email: String, otherwise: Language, on db: any Database) async throws -> Language {
        guard let user = try await UserModel.query(on: db).filter(\.$email == email.lowercased()).first() else { return otherwise }
        return user.language.flatMap(Language.init(rawValue:)) ?? otherwise
    }

    /// A Party's name in `language` with its code, "Kenya (KE)"; the code alone when the reference data does not know it.
    static func party(_ code: String, in language: Language, on db: any Database) async throws -> String {
        guard let party = try await PartyModel.query(on: db).filter(\.$alpha2 == code).first() else { return code }
        return "\(LocalizedText(party.names).resolved(in: language).text) (\(code))"
    }
}
