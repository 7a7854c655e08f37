import Fluent
import Foundation
import SynergiaCore
import Vapor

/// `/parties/{code}/national-targets/package.json` (download), `…/package` (upload: the preview)
/// and `…/package/apply` (the confirmation): a Party's national targets offline
/// (``NationalTargetPackageService``).
struct NationalTargetPackageRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("parties", ":code", "national-targets", "package.json", use: Self.download)
        routes.on(.POST, "parties", ":code", "national-targets", "package", body: .collect(maxSize: "10mb"), use: Self.preview)
            .allowsLargeBody("10mb")
        routes.on(.POST, "parties", ":code", "national-targets", "package", "apply", body: .collect(maxSize: "10mb"), use: Self.apply)
            .allowsLargeBody("10mb")
    }

    /// The targets the reader may see (a Party's drafts only for its own users), each at its version.
    @Sendable static func download(req: Request) async throws -> Response {
        let party = try await NationalTargetRoutes.partyCode(req)
        let package = try await NationalTargetPackageService.export(party: party, drafts: NationalTargetService.mayReadDrafts(req.actor, party: party),
                                                                    on: req.db)
        var headers = HTTPHeaders()
        headers.contentType = .json
        // The Party's code is two letters checked against the reference data: safe in the header.
        headers.contentDisposition = .init(.attachment, filename: "\(party)-national-targets.json")
        return Response(status: .ok, headers: headers, body: .init(data: try package.jsonData()))
    }

    @Sendable static func preview(req: Request) async throws -> Response {
        let (user, party) = try await editor(req)
        let upload = try req.content.decode(PackageUpload.self)
        switch NationalTargetPackageService.read(file: upload.package?.data, text: upload.text, party: party,
                                                 lookups: try await NationalTargetRoutes.lookups(req, party: party)) {
        case .problems(let problems):
            return Response.html(NationalTargetPackageView.problems(req.page, party: party, problems), status: .unprocessableEntity)
        case .package(let package, let contents, let text):
            let rows = try await NationalTargetModel.query(on: req.db).filter(\.$partyCode == party).all()
            let changes = NationalTargetPackageService.changes(package, contents: contents, rows: rows, by: user)
            let refused = NationalTargetPackageService.refusals(changes)
            guard refused.isEmpty else {
                return Response.html(NationalTargetPackageView.problems(req.page, party: party, refused), status: .unprocessableEntity)
            }
            return Response.html(NationalTargetPackageView.preview(req.page, party: party, changes, text: text))
        }
    }

    @Sendable static func apply(req: Request) async throws -> Response {
        let (user, party) = try await editor(req)
        let upload = try req.content.decode(PackageUpload.self)
        switch NationalTargetPackageService.read(file: upload.package?.data, text: upload.text, party: party,
                                                 lookups: try await NationalTargetRoutes.lookups(req, party: party)) {
        case .problems(let problems):
            return Response.html(NationalTargetPackageView.problems(req.page, party: party, problems), status: .unprocessableEntity)
        case .package(let package, let contents, _):
            do {
                try await NationalTargetPackageService.apply(package, contents: contents, overwrite: Set(upload.overwrite ?? []), party: party,
                                                             by: user, on: req.db)
            } catch let refused as NationalTargetPackageService.Refused {
                return Response.html(NationalTargetPackageView.problems(req.page, party: party, refused.problems), status: .unprocessableEntity)
            }
            return req.redirect(to: SiteURL.nationalTargets(party: party).path)
        }
    }

    /// The signed-in user and the Party whose targets they may write (checked again in the write).
    static func editor(_ req: Request) async throws -> (UserModel, String) {
        let user = try req.requireUser()
        let party = try await NationalTargetRoutes.partyCode(req)
        try Authorize.require(user.actor, .editNationalTargets(party: party))
        return (user, party)
    }
}
