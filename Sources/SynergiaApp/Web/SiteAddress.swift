import Foundation
import Vapor

/// The site's public address (`SYNERGIA_PUBLIC_URL`), for the absolute links feeds and mail
/// need: never taken from the request's `Host` header, which a client chooses.
struct SiteAddress: Sendable {
    var base: String

    init(_ url: URL) {
        var base = url.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    func absolute(_ url: SiteURL) -> String { base + url.path }
}

extension Request {
    var siteAddress: SiteAddress { SiteAddress(application.synergia.settings.publicURL) }
}
