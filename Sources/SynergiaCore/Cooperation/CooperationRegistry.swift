/// The registry of cooperation among the conventions and with organizations: the
/// organizations, the Liaison Group and its membership over time, and the memoranda,
/// joint initiatives and studies, each linked to the decision paragraphs that call for it.
public struct CooperationRegistry: Codable, Sendable {
    public var version: Int
    public var source: String
    public var organizations: [Organization]
    public var liaisonGroup: LiaisonGroup
    public var initiatives: [Initiative]

    public struct Organization: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public var kind: String
        public var website: Known<String>
    }

    public struct LiaisonGroup: Codable, Sendable {
        public var name: String
        public var established: Known<String>
        public var members: [Member]
        public struct Member: Codable, Sendable, Equatable {
            public var convention: String
            /// The year it joined, or unknown.
            public var joined: Known<String>
            public var note: String?
        }
    }

    /// A memorandum of understanding, joint initiative, partnership, project or study.
    public struct Initiative: Codable, Sendable, Equatable {
        public var id: String
        public var kind: String
        public var title: String
        /// Organization or convention codes.
        public var parties: [String]
        public var start: Known<String>
        public var end: Known<String>
        public var status: Known<String>
        public var scope: String
        /// `XII/6 ¶19`: the decision and paragraph that call for it.
        public var decisionParagraphs: [String]

        /// The decision symbol and paragraph number of each reference.
        public var decisionLinks: [(symbol: String, paragraph: String)] {
            decisionParagraphs.compactMap { reference in
                let parts = reference.split(separator: " ")
                guard parts.count == 2 else { return nil }
                return (String(parts[0]), String(parts[1]).replacingOccurrences(of: "¶", with: ""))
            }
        }
    }

    public static func load() throws -> CooperationRegistry {
        try ReferenceData.decode(CooperationRegistry.self, file: "cooperation")
    }
}
