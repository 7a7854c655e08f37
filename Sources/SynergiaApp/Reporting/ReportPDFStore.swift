import Fluent
import Foundation
import SQLKit

/// PDFs made of reports, kept so each is made once: by report, language and the SHA-256 of the
/// printable HTML it was made from (a changed draft makes a new one).
enum ReportPDFStore {
    static let table = "report_pdfs"

    static func find(key: String, on db: any Database) async throws -> Data? {
        struct Row: Decodable { var pdf: Data }
        return try await db.sql.select().column("pdf").from(table).where("cache_key", .equal, key).first(decoding: Row.self)?.pdf
    }

    static func save(key: String, report: UUID, language: String, pdf: Data, on db: any Database) async throws {
        try await db.write { tx in
            try await tx.sql.insert(into: table).columns("id", "cache_key", "report_id", "language", "pdf", "created_at")
                .values(SQLBind(UUID()), SQLBind(key), SQLBind(report), SQLBind(language), SQLBind(pdf), SQLBind(Date()))
                .ignoringConflicts(with: ["cache_key"]).run()
        }
    }
}

struct CreateReportPDFs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportPDFStore.table)
            .id()
            .field("cache_key", .string, .required)
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id"))
            .field("language", .string, .required)
            .field("pdf", .data, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "cache_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportPDFStore.table).delete()
    }
}
