import Foundation
import SynergiaCore
import Vapor

/// The reporting page: every cycle with the reader's Party's report in it, the published
/// reports, and the templates the reader may open a cycle for.
enum ReportingOverview {}

extension ReportingOverview {
    struct Model: Content, Sendable {
        var cycles: [Cycle]
        var published: [Published]
        /// Templates the reader's secretariat may open a cycle for.
        var openable: [Template]

        struct Cycle: Content, Sendable {
            var cycle: CycleDTO
            /// The latest version of the reader's Party's report in this cycle that the reader may read.
            var myReport: ReportRef?
            /// Whether the reader may start the Party's report (the cycle is open and there is none yet).
            var canStart: Bool
        }
        struct ReportRef: Content, Sendable { var id: UUID; var status: ReportStatus; var version: Int }
        struct Published: Content, Sendable { var id: UUID; var party: String; var cycleTitle: String; var version: Int }
        struct Template: Content, Sendable { var id: String; var convention: String; var title: String; var version: Int }
    }
}
