import Fluent
import Foundation
import SynergiaCore
import Vapor

/// `/news/{id}/languages`, `/meetings/{code}/languages`, `/indicators/{code}/languages` (a national
/// indicator's) and `/parties/{party}/national-targets/{code}/languages`: a record's translations, and the form that replaces them (``ContentTranslationStore``).
struct TranslationRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        for kind in TranslatedKind.allCases {
            let path: [PathComponent] = switch kind {
            case .news: ["news", ":id", "languages"]
            case .meeting: ["meetings", ":code", "languages"]
            case .nationalIndicator: ["indicators", ":code", "languages"]
            case .nationalTarget: ["parties", ":code", "national-targets", ":target", "languages"]
            }
            routes.get(path) { req -> Response in
                let model = try await TranslationsPage.query(kind, subject: try Self.subject(req, kind), actor: req.actor, on: req.db)
                return Response.html(TranslationsPage.View.render(req.page, model))
            }
            // Two or three fields in five languages, a meeting's description up to 64 kB each.
            routes.on(.POST, path, body: .collect(maxSize: "1mb")) { req -> Response in
                try await Self.save(req, kind, subject: try Self.subject(req, kind))
            }.allowsLargeBody("1mb")
        }
    }

    /// The record the address names: an id, a code, or a Party's and a target's codes.
    static func subject(_ req: Request, _ kind: TranslatedKind) throws -> String {
        switch kind {
        case .news: try req.textParameter("id")
        case .meeting, .nationalIndicator: try req.textParameter("code")
        case .nationalTarget: NationalTargetSubject(party: try req.textParameter("code").uppercased(), code: try req.textParameter("target")).subject
        }
    }

    /// Replaces the record's translations in one write: the record locked and re-read, who may
    /// change it checked, and the translations compared with those the form was written over.
    static func save(_ req: Request, _ kind: TranslatedKind, subject: String) async throws -> Response {
        let user = try req.requireUser()
        let form = try req.content.decode([String: String].self)
        let record = try await TranslationsPage.Record.find(kind, subject, on: req.db)
        if let party = record.draftOf, !NationalTargetService.mayReadDrafts(user.actor, party: party) { throw Abort(.notFound) }
        let typed = TranslationsPage.translations(from: form, kind: kind, original: record.language)
        if typed.values.contains(where: { $0.values.contains { $0.count > 65_536 } }) {
            return try await shownAgain(req, kind, subject, .refused("error.translation.too-long", typed: typed, shown: form["shown"] ?? ""), status: .unprocessableEntity)
        }
        let outcome = try await req.db.write { tx in
            try await record.lock(in: tx)
            let current = try await TranslationsPage.Record.find(kind, subject, on: tx.db)
            try Authorize.require(user.actor, current.editing)
            return try await ContentTranslationStore.replace(kind, subject: current.id, with: typed, over: form["shown"] ?? "", by: user, in: tx)
        }
        if case .conflict = outcome {
            return try await shownAgain(req, kind, subject, .conflict(typed: typed), status: .conflict)
        }
        return req.redirect(to: record.page)
    }

    static func shownAgain(_ req: Request, _ kind: TranslatedKind, _ subject: String, _ feedback: TranslationsPage.Feedback,
                           status: HTTPResponseStatus) async throws -> Response {
        let model = try await TranslationsPage.query(kind, subject: subject, actor: req.actor, on: req.db)
        return Response.html(TranslationsPage.View.render(req.page, model, feedback: feedback), status: status)
    }
}
