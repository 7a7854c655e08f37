import Fluent
import Foundation
import SynergiaCore
import Vapor

/// Attaching a file to a report's answer (a form with a file, and the API with a token), and
/// reading one back.
struct AttachmentRoutes: RouteCollection {
    /// A file's limit, and room for the form around it.
    static let bodyLimit: ByteCount = "11mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "reports", ":report", "answers", ":question", "attachment", body: .collect(maxSize: Self.bodyLimit), use: Self.attach)
            .allowsLargeBody(Self.bodyLimit)
        routes.on(.POST, "api", "v1", "reports", ":report", "answers", ":question", "attachment", body: .collect(maxSize: Self.bodyLimit),
                  use: Self.apiAttach)
        routes.get("reports", ":report", "attachments", ":attachment", use: Self.download)
    }

    struct Upload: Content {
        var file: File?
        var baseVersion: Int?
    }

    static func upload(_ req: Request, by user: UserModel) async throws -> (ReportAccess.Loaded, String, AttachmentInfo) {
        let loaded = try await ReportAccess.load(req)
        let question = try req.textParameter("question")
        let form = try req.content.decode(Upload.self)
        guard let file = form.file else { throw Refusal("error.attachment.empty") }
        // As the answer forms: no version sent is a first answer's (a conflict if there is one).
        let baseVersion = form.baseVersion ?? 0
        do {
            let info = try await AttachmentService.attach(Data(buffer: file.data), filename: file.filename, question: question,
                                                          baseVersion: baseVersion, report: loaded.id, templates: req.application.synergia.templates,
                                                          by: user, on: req.db)
            return (loaded, question, info)
        } catch is AttachmentService.Conflict {
            throw Abort(.conflict, reason: "error.attachment.conflict")
        }
    }

    @Sendable static func attach(req: Request) async throws -> Response {
        let (loaded, question, _) = try await upload(req, by: try req.requireUser())
        guard let section = loaded.template.section(of: question) else { return req.redirect(to: SiteURL.reportQuestion(loaded.id, question: question).path) }
        return req.redirect(to: SiteURL.reportSection(loaded.id, section: section.id).path + "#q-\(SiteURL.fragment(question))")
    }

    @Sendable static func apiAttach(req: Request) async throws -> Response {
        let (_, _, info) = try await upload(req, by: try req.requireAPIUser())
        return try await info.encodeResponse(status: .created, for: req)
    }

    /// The file, to those who may read the report: the Party's users and its reviewers any file of
    /// the Party's report of that cycle; the public only a file the published version cites.
    @Sendable static func download(req: Request) async throws -> Response {
        let loaded = try await ReportAccess.readable(req)
        guard let id = UUID(uuidString: try req.textParameter("attachment")),
              let row = try await AttachmentModel.query(on: req.db).filter(\.$id == id).filter(\.$partyCode == loaded.report.partyCode)
                .filter(\.$cycleID == loaded.report.$cycle.id).first() else { throw Abort(.notFound) }
        let mayReadInternal = ReportAccess.mayReadInternal(loaded.report, convention: loaded.template.convention, by: req.actor)
        if !mayReadInternal {
            guard try Self.sealedReferences(loaded.report).contains(id) else { throw Abort(.notFound) }
        }
        return FileDownload.response(row.content, mediaType: row.mediaType, filename: row.filename, sha256: row.sha256, shared: !mayReadInternal)
    }

    /// The files the report's sealed content cites (none before it is submitted).
    static func sealedReferences(_ report: ReportModel) throws -> Set<UUID> {
        guard let content = report.submittedContent else { return [] }
        struct Sealed: Decodable { var answers: [String: AnswerValue] }
        let sealed = try JSONDecoder().decode(Sealed.self, from: Data(content.utf8))
        return Set(sealed.answers.values.compactMap { value in
            if case .link(.file(let reference)) = value { return UUID(uuidString: reference) }
            return nil
        })
    }
}

extension Data {
    /// The bytes of a hexadecimal string; nil when it is not one.
    init?(hex: String) {
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(bytes)
    }
}
