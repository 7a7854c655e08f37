import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A Party's national targets: the list and each target (pages and JSON twins), the editor, and
/// the writes (forms, and the API with a token). Every write goes through ``NationalTargetService``.
struct NationalTargetRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("parties", ":code", "national-targets") { req in
            let model = try await Self.list(req)
            return Response.html(NationalTargetList.View.render(req.page, model,
                                                                canEdit: AuthorizationPolicy.permits(req.actor, .editNationalTargets(party: model.party))))
        }
        routes.get("api", "v1", "parties", ":code", "national-targets") { req in try await Self.list(req) }
        routes.get("parties", ":code", "national-targets", "new", use: Self.new)
        routes.on(.POST, "parties", ":code", "national-targets", body: .collect(maxSize: "64kb"), use: Self.create)
        routes.get("parties", ":code", "national-targets", ":target") { req in
            let model = try await Self.page(req)
            let target = model.target
            let mayPublish = AuthorizationPolicy.permits(req.actor, .publishNationalTargets(party: target.party))
            let canEdit = target.status == .published ? mayPublish : AuthorizationPolicy.permits(req.actor, .editNationalTargets(party: target.party))
            return Response.html(NationalTargetPage.View.render(req.page, model, canEdit: canEdit, canPublish: mayPublish && target.status == .draft))
        }
        routes.get("api", "v1", "parties", ":code", "national-targets", ":target") { req in try await Self.page(req) }
        routes.get("parties", ":code", "national-targets", ":target", "edit", use: Self.edit)
        routes.on(.POST, "parties", ":code", "national-targets", ":target", body: .collect(maxSize: "64kb"), use: Self.update)
        routes.on(.POST, "parties", ":code", "national-targets", ":target", "publish", body: .collect(maxSize: "4kb"), use: Self.publish)

        routes.on(.POST, "parties", ":code", "national-targets", ":target", "documents", body: .collect(maxSize: AttachmentRoutes.bodyLimit),
                  use: Self.attachDocument).allowsLargeBody(AttachmentRoutes.bodyLimit)
        routes.get("parties", ":code", "national-targets", ":target", "documents", ":document", use: Self.document)

        let api = routes.grouped("api", "v1", "parties", ":code", "national-targets")
        api.on(.POST, body: .collect(maxSize: "64kb"), use: Self.apiCreate)
        api.on(.PUT, ":target", body: .collect(maxSize: "64kb"), use: Self.apiUpdate)
        api.on(.POST, ":target", "publish", body: .collect(maxSize: "4kb"), use: Self.apiPublish)
        api.on(.POST, ":target", "documents", body: .collect(maxSize: AttachmentRoutes.bodyLimit), use: Self.apiAttachDocument)
    }

    static func partyCode(_ req: Request) async throws -> String {
        try await NationalTargetReaders.party(try req.textParameter("code"), on: req.db).alpha2
    }

    static func list(_ req: Request) async throws -> NationalTargetList.Model {
        let party = try await partyCode(req)
        return try await NationalTargetList.query(party: party, drafts: NationalTargetService.mayReadDrafts(req.actor, party: party), on: req.db)
    }

    static func page(_ req: Request) async throws -> NationalTargetPage.Model {
        try await NationalTargetPage.query(party: try req.textParameter("code"), code: try req.textParameter("target"), actor: req.actor,
                                           registry: req.application.synergia.indicators, templates: req.application.synergia.templates,
                                           on: req.db)
    }

    static func lookups(_ req: Request, party: String) async throws -> NationalTargetService.Lookups {
        try await NationalTargetService.lookups(party: party, registry: req.application.synergia.indicators, on: req.db)
    }

    // MARK: The editor

    @Sendable static func new(req: Request) async throws -> Response {
        let party = try await partyCode(req)
        _ = try req.requireUser(for: .editNationalTargets(party: party))
        return try await editor(req, party: party, code: nil, form: NationalTargetForm(), version: 0)
    }

    @Sendable static func edit(req: Request) async throws -> Response {
        let party = try await partyCode(req)
        let user = try req.requireUser(for: .editNationalTargets(party: party))
        guard let row = try await NationalTargetService.find(party: party, code: try req.textParameter("target"), drafts: true, on: req.db) else {
            throw Abort(.notFound)
        }
        try Authorize.require(user.actor, row.status == .published ? .publishNationalTargets(party: party) : .editNationalTargets(party: party))
        return try await editor(req, party: party, code: row.code, form: NationalTargetEditor.form(row.content), version: row.version)
    }

    static func editor(_ req: Request, party: String, code: String?, form: NationalTargetForm, version: Int,
                       error: String? = nil, theirs: NationalTargetModel? = nil, status: HTTPStatus = .ok) async throws -> Response {
        var model = try await NationalTargetEditor.query(party: party, code: code, form: form, version: version, page: req.page,
                                                         registry: req.application.synergia.indicators, on: req.db)
        model.error = error
        model.theirs = theirs.map { NationalTargetDTO($0) }
        return Response.html(NationalTargetEditor.View.render(req.page, model), status: status)
    }

    // MARK: Writes from the forms

    @Sendable static func create(req: Request) async throws -> Response {
        let party = try await partyCode(req)
        let user = try req.requireUser(for: .editNationalTargets(party: party))
        let sent = try req.content.decode(NationalTargetEditor.Sent.self)
        do {
            let content = try await lookups(req, party: party).parse(sent.form, language: req.language)
            let row = try await NationalTargetService.create(code: sent.code, content, party: party, by: user, on: req.db)
            return req.redirect(to: SiteURL.nationalTarget(party: party, code: row.code).path)
        } catch let refusal as Refusal {
            return try await editor(req, party: party, code: nil, form: sent.form, version: 0, error: refusal.catalogKey, status: .unprocessableEntity)
        }
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let party = try await partyCode(req)
        let user = try req.requireUser(for: .editNationalTargets(party: party))
        let code = try req.textParameter("target")
        let sent = try req.content.decode(NationalTargetEditor.Sent.self)
        guard let version = sent.version else { throw Refusal("error.national-target.version") }
        do {
            let content = try await lookups(req, party: party).parse(sent.form, language: req.language)
            switch try await NationalTargetService.update(party: party, code: code, content, baseVersion: version, by: user, on: req.db) {
            case .saved(let row):
                return req.redirect(to: SiteURL.nationalTarget(party: party, code: row.code).path)
            case .conflict(_, let theirs):
                // The editor again with what was sent, based now on their version: saving it again replaces theirs, knowingly.
                return try await editor(req, party: party, code: code, form: sent.form, version: theirs.version, theirs: theirs, status: .conflict)
            }
        } catch let refusal as Refusal {
            return try await editor(req, party: party, code: code, form: sent.form, version: version, error: refusal.catalogKey,
                                    status: .unprocessableEntity)
        }
    }

    struct VersionBody: Content { var version: Int? }

    @Sendable static func publish(req: Request) async throws -> Response {
        let party = try await partyCode(req)
        let user = try req.requireUser(for: .publishNationalTargets(party: party))
        let code = try req.textParameter("target")
        guard let version = try req.content.decode(VersionBody.self).version else { throw Refusal("error.national-target.version") }
        if case .conflict = try await NationalTargetService.publish(party: party, code: code, baseVersion: version, by: user, on: req.db) {
            throw Abort(.conflict, reason: "error.national-target.changed")
        }
        return req.redirect(to: SiteURL.nationalTarget(party: party, code: code).path)
    }

    // MARK: Writes through the API

    struct Conflict: Content {
        var conflict = true
        var theirs: NationalTargetDTO
    }

    @Sendable static func apiCreate(req: Request) async throws -> Response {
        let party = try await partyCode(req)
        let user = try req.requireAPIUser(for: .editNationalTargets(party: party))
        let body = try req.content.decode(NationalTargetBody.self)
        let content = try await lookups(req, party: party).parse(try body.form(), language: WriteAPI.namedLanguage(req))
        let row = try await NationalTargetService.create(code: body.code, content, party: party, by: user, on: req.db)
        let response = try await NationalTargetDTO(row).encodeResponse(status: .created, for: req)
        response.headers.replaceOrAdd(name: .location, value: SiteURL.api(.nationalTarget(party: party, code: row.code)).path)
        return response
    }

    @Sendable static func apiUpdate(req: Request) async throws -> Response {
        let party = try await partyCode(req)
        let user = try req.requireAPIUser(for: .editNationalTargets(party: party))
        let body = try req.content.decode(NationalTargetBody.self)
        guard let version = body.version else { throw Refusal("error.national-target.version") }
        let content = try await lookups(req, party: party).parse(try body.form(), language: WriteAPI.namedLanguage(req))
        switch try await NationalTargetService.update(party: party, code: try req.textParameter("target"), content, baseVersion: version,
                                                      by: user, on: req.db) {
        case .saved(let row): return try await NationalTargetDTO(row).encodeResponse(for: req)
        case .conflict(_, let theirs): return try await Conflict(theirs: NationalTargetDTO(theirs)).encodeResponse(status: .conflict, for: req)
        }
    }

    @Sendable static func apiPublish(req: Request) async throws -> Response {
        let party = try await partyCode(req)
        let user = try req.requireAPIUser(for: .publishNationalTargets(party: party))
        guard let version = try req.content.decode(VersionBody.self).version else { throw Refusal("error.national-target.version") }
        switch try await NationalTargetService.publish(party: party, code: try req.textParameter("target"), baseVersion: version, by: user,
                                                       on: req.db) {
        case .saved(let row): return try await NationalTargetDTO(row).encodeResponse(for: req)
        case .conflict(_, let theirs): return try await Conflict(theirs: NationalTargetDTO(theirs)).encodeResponse(status: .conflict, for: req)
        }
    }

    // MARK: Documents

    struct DocumentUpload: Content {
        var file: File?
        var version: Int?
    }

    /// `user`: the account acting (the session's or the token's), asked only once the Party is known, so
    /// that who may not change the Party's targets is refused before the body is read.
    static func attach(_ req: Request, user: (Action) throws -> UserModel) async throws -> (String, NationalTargetService.Saved) {
        let party = try await partyCode(req)
        let user = try user(.editNationalTargets(party: party))
        let upload = try req.content.decode(DocumentUpload.self)
        let (data, checked) = try FileDownload.checked(upload.file)
        guard let version = upload.version else { throw Refusal("error.national-target.version") }
        return (party, try await NationalTargetDocuments.attach(data, checked, party: party, code: try req.textParameter("target"),
                                                                baseVersion: version, by: user, on: req.db))
    }

    @Sendable static func attachDocument(req: Request) async throws -> Response {
        let (party, saved) = try await attach(req, user: req.requireUser(for:))
        guard case .saved(let row) = saved else { throw Abort(.conflict, reason: "error.national-target.changed") }
        return req.redirect(to: SiteURL.nationalTarget(party: party, code: row.code).path + "#documents")
    }

    @Sendable static func apiAttachDocument(req: Request) async throws -> Response {
        switch try await attach(req, user: req.requireAPIUser(for:)).1 {
        case .saved(let row): return try await NationalTargetDTO(row).encodeResponse(status: .created, for: req)
        case .conflict(_, let theirs): return try await Conflict(theirs: NationalTargetDTO(theirs)).encodeResponse(status: .conflict, for: req)
        }
    }

    /// A document, to whoever may see its target (a draft's only to the Party's users).
    @Sendable static func document(req: Request) async throws -> Response {
        let party = try await partyCode(req)
        let drafts = NationalTargetService.mayReadDrafts(req.actor, party: party)
        guard let target = try await NationalTargetService.find(party: party, code: try req.textParameter("target"), drafts: drafts, on: req.db),
              let id = UUID(uuidString: try req.textParameter("document")),
              let row = try await NationalTargetDocumentModel.query(on: req.db).filter(\.$id == id).filter(\.$targetID == target.requireID()).first()
        else { throw Abort(.notFound) }
        return FileDownload.response(row.content, mediaType: row.mediaType, filename: row.filename, sha256: row.sha256,
                                     shared: target.status == .published)
    }
}
