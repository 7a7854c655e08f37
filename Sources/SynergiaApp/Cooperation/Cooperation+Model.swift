import SynergiaCore
import Vapor

/// The cooperation registry: organizations, the Liaison Group over time, and the memoranda,
/// joint initiatives and studies, each linked to the decision paragraphs that call for them.
/// The page renders it; `GET /api/v1/cooperation` encodes it (unknown facts are `null`).
enum Cooperation {}

extension Cooperation {
    struct Model: Content, Sendable {
        var organizations: [Organization]
        var liaisonGroup: LiaisonGroup
        var initiatives: [Initiative]
        /// Convention code → short name.
        var conventionNames: [String: String]

        struct Organization: Content, Sendable { var code: String; var name: String; var kind: String; var website: String? }
        struct LiaisonGroup: Content, Sendable {
            var name: String; var established: String?
            var members: [Member]
            struct Member: Content, Sendable { var convention: String; var joined: String?; var note: String? }
        }
        struct Initiative: Content, Sendable {
            var id: String; var kind: String; var title: String; var parties: [String]
            var start: String?; var end: String?; var status: String?; var scope: String
            var decisionParagraphs: [String]
            /// The paragraphs, each with the slug of its decision when that decision is imported.
            var decisionLinks: [DecisionLink]
        }
        struct DecisionLink: Content, Sendable { var symbol: String; var paragraph: String; var slug: String? }
    }
}
