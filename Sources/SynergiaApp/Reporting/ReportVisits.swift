import Fluent
import Foundation
import SQLKit

/// When each signed-in reader last opened each section of a report (never public): what others
/// changed after it is "changed since your last visit" on the report's pages (issue 17). A visit
/// is written only when it changes what is marked (the first one to a section, or one to a
/// section with marks), and each moves the workspace generation on, so the reader's kept pages
/// never show marks a visit has cleared.
public final class ReportVisitModel: Model, @unchecked Sendable {
    public static let schema = "report_visits"
    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Parent(key: "report_id") public var report: ReportModel
    @Field(key: "section_id") public var sectionID: String
    @Field(key: "seen_at") public var seenAt: Date
    public init() {}
}

struct CreateReportVisits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportVisitModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("report_id", .uuid, .required, .references(ReportModel.schema, "id", onDelete: .cascade))
            .field("section_id", .string, .required)
            .field("seen_at", .datetime, .required)
            .unique(on: "user_id", "report_id", "section_id")
            .create()
        // A visit changes what the reader's kept pages mark: it moves the workspace generation on.
        try await CreatePrivateGenerations.addTrigger(on: ReportVisitModel.schema, events: ["INSERT", "UPDATE", "DELETE"], generation: "workspace",
                                                      on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportVisitModel.schema).delete()
    }
}

enum ReportVisits {
    /// How long after an answer's last save by someone else it is marked as being edited.
    static let editingWindow: TimeInterval = 5 * 60
    /// A visit counts as seeing what was saved this long before it: a save takes its time before
    /// it commits, so one committed while the page was read may carry an earlier time (it is
    /// then marked once more rather than never).
    static let commitMargin: TimeInterval = 2

    /// Section → when `user` last opened it, for every section of `report` they opened.
    static func seen(by user: UUID, report: UUID, on db: any Database) async throws -> [String: Date] {
        let visits = try await ReportVisitModel.query(on: db).filter(\.$userID == user).filter(\.$report.$id == report).all()
        return Dictionary(visits.map { ($0.sectionID, $0.seenAt) }, uniquingKeysWith: max)
    }

    /// `user` saw `section` of `report` as it was at `time` (read before the page's answers, so a
    /// save made while the page was read is still new at the next visit), less ``commitMargin``.
    /// A later visit already recorded is kept: the time never goes back.
    static func record(_ user: UUID, report: UUID, section: String, at time: Date, on db: any Database) async throws {
        try await db.write { tx in
            try await tx.sql.insert(into: ReportVisitModel.schema)
                .columns("id", "user_id", "report_id", "section_id", "seen_at")
                .values(SQLBind(UUID()), SQLBind(user), SQLBind(report), SQLBind(section), SQLBind(time.addingTimeInterval(-commitMargin)))
                .onConflict(with: ["user_id", "report_id", "section_id"]) { conflict in
                    conflict.set("seen_at", to: SQLFunction(tx.db.isPostgres ? "greatest" : "max",
                                                            args: SQLColumn("seen_at", table: ReportVisitModel.schema), SQLExcludedColumn("seen_at")))
                }
                .run()
        }
    }
}
