import Foundation
@testable import SynergiaApp
import SynergiaCore
import Testing

/// The crosswalk list rendered from a model value, without a database or a request.
@Suite("Crosswalks view")
struct CrosswalksViewTests {
    static let catalogs = try! Catalogs.load()
    static let page = PageContext(language: .english, catalog: catalogs[.english], path: "/crosswalks")

    static func link(sourceURL: String?, quote: String? = nil, title: String = "CBD/COP/DEC/15/4") -> TargetLinkDTO {
        .init(id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, from: "SP2011/11", to: "KMGBF/3", relation: .contributesTo,
              sourceTitle: title, sourceURL: sourceURL, quote: quote, createdBy: "secretariat")
    }

    @Test("each link names both targets, links them to their frameworks and shows the source")
    func rows() {
        let html = Crosswalks.View.render(Self.page, .init(links: [Self.link(sourceURL: "https://www.cbd.int/decisions/cop/15/4")],
                                                            target: nil, frameworks: ["KMGBF", "SP2011"], canEdit: false))
        #expect(html.contains(#"href="/frameworks/SP2011#target-11""#))
        #expect(html.contains(#"href="/frameworks/KMGBF#target-3""#))
        #expect(html.contains(#"<a href="https://www.cbd.int/decisions/cop/15/4">CBD/COP/DEC/15/4</a>"#))
        #expect(!html.contains("crosswalks/00000000-0000-0000-0000-000000000001/delete"))
    }

    @Test("a source address that is not http(s) is not made a link; hostile text is escaped")
    func hostileSource() {
        let html = Crosswalks.View.render(Self.page, .init(links: [Self.link(sourceURL: "javascript:alert(1)", quote: "<img src=x onerror=alert(1)>",
                                                                             title: #""><b>x</b>"#)],
                                                            target: nil, frameworks: [], canEdit: false))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>x</b>"))
    }

    @Test("a secretariat that may edit gets a remove button per link and the form to add one")
    func editing() {
        let html = Crosswalks.View.render(Self.page, .init(links: [Self.link(sourceURL: nil)], target: "KMGBF/3",
                                                            frameworks: ["KMGBF", "SP2011"], canEdit: true))
        #expect(html.contains(#"action="/crosswalks/00000000-0000-0000-0000-000000000001/delete""#))
        #expect(html.contains(#"<form method="post" action="/crosswalks""#))
        #expect(html.contains(#"href="/crosswalks""#))
    }

    @Test("no links: the page says so instead of an empty table")
    func empty() {
        let html = Crosswalks.View.render(Self.page, .init(links: [], target: nil, frameworks: [], canEdit: false))
        #expect(html.contains(Self.catalogs[.english]["crosswalks.none"]))
        #expect(!html.contains("<table"))
    }
}
