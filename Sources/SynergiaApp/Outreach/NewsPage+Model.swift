import SynergiaCore
import Vapor

/// One stream of news and events across conventions, with the feeds and, for secretariats, a form to post.
enum NewsPage {}

extension NewsPage {
    struct Model: Content, Sendable {
        /// The newest 200 items.
        var items: [NewsItemDTO]
        /// Conventions the reader may post for: code and short name.
        var postable: [Convention]

        struct Convention: Content, Sendable { var code: String; var shortName: String }
    }
}
