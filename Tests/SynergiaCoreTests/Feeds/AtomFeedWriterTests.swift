import Foundation
import SynergiaCore
import Testing

@Suite("Atom feed writer and validator (RFC 4287)")
struct AtomFeedWriterTests {
    let updated = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18T11:06:40Z

    var entries: [AtomEntry] {
        [
            AtomEntry(
                id: "tag:synergia.example,2026:meeting/cop-17-zh", title: "生物多样性公约缔约方大会第十七届会议",
                updated: updated, published: updated.addingTimeInterval(-86_400), link: "https://synergia.example/zh/meetings/cop-17",
                summary: "关于协同增效的决定 XII/6 & 后续行动", authorName: "秘书处", categories: ["CBD", "COP"], language: "zh"
            ),
            AtomEntry(
                id: "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427", title: "مؤتمر الأطراف في اتفاقية التنوع البيولوجي",
                updated: updated, link: "https://synergia.example/ar/meetings/cop-17?a=1&b=2",
                summary: "التآزر بين الاتفاقيات <المتعلقة> بالتنوع البيولوجي", categories: ["CMS"], language: "ar"
            ),
        ]
    }

    func feed(author: String? = "Synergia", entries: [AtomEntry]? = nil) -> String {
        AtomFeedWriter.feed(
            id: "tag:synergia.example,2026:meetings", title: "Meetings \"& events\"",
            selfLink: "https://synergia.example/meetings.atom", alternateLink: "https://synergia.example/meetings",
            updated: updated, authorName: author, entries: entries ?? self.entries
        )
    }

    @Test("a feed with Chinese and Arabic entries validates with zero problems")
    func validFeed() {
        let xml = feed()
        #expect(AtomFeedWriter.validate(xml) == [])
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(xml.contains("<updated>2026-11-18T11:06:40Z</updated>"))
        #expect(xml.contains("<published>2026-11-17T11:06:40Z</published>"))
        #expect(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://synergia.example/meetings.atom\"/>"))
        #expect(xml.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://synergia.example/meetings\"/>"))
        #expect(xml.contains("<entry xml:lang=\"zh\">") && xml.contains("<entry xml:lang=\"ar\">"))
        #expect(xml.contains("<category term=\"CBD\"/>"))
        #expect(xml.contains("<summary type=\"text\">关于协同增效的决定 XII/6 &amp; 后续行动</summary>"))
        #expect(xml.contains("href=\"https://synergia.example/ar/meetings/cop-17?a=1&amp;b=2\""))
        #expect(xml.contains("<title type=\"text\">Meetings &quot;&amp; events&quot;</title>"))
        #expect(xml.contains("<author><name>秘书处</name></author>"))
        #expect(xml.contains("<generator>"))
    }

    @Test("entries with their own authors need no feed author")
    func entryAuthors() {
        var withAuthors = entries
        withAuthors[1].authorName = "الأمانة"
        #expect(AtomFeedWriter.validate(feed(author: nil, entries: withAuthors)) == [])
    }

    @Test("XML escaping of & < > \" ' and invalid characters")
    func escaping() {
        #expect(AtomFeedWriter.escape(#"a&b<c>d"e'f"#) == "a&amp;b&lt;c&gt;d&quot;e&apos;f")
        #expect(AtomFeedWriter.escape("x\u{0}\u{1B}y\u{FFFE}z\n") == "xyz\n")
        // Hostile text stays text: the feed still parses and validates.
        var hostile = entries
        hostile[0].title = "</title><id>urn:x</id>]]><!-- \u{0}"
        #expect(AtomFeedWriter.validate(feed(entries: hostile)) == [])
    }

    @Test("a missing entry id is reported")
    func missingEntryId() {
        let xml = feed().replacingOccurrences(of: "<id>urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427</id>", with: "")
        let problems = AtomFeedWriter.validate(xml)
        #expect(problems == ["entry 2 has 0 atom:id elements, not exactly one"])
    }

    @Test("a bad date is reported")
    func badDate() {
        let xml = feed().replacingOccurrences(of: "<published>2026-11-17T11:06:40Z</published>", with: "<published>2026-11-17 11:06</published>")
        let problems = AtomFeedWriter.validate(xml)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("entry 1 published") == true)
        #expect(problems.first?.contains("RFC 3339") == true)
    }

    @Test("no author on the feed nor on an entry is reported")
    func noAuthor() {
        let problems = AtomFeedWriter.validate(feed(author: nil))
        #expect(problems == ["entry 2 has no author and the feed has none"])
    }

    @Test("other structural problems: duplicate title, relative id, no self link, wrong root, not XML")
    func otherProblems() {
        let duplicated = feed().replacingOccurrences(of: "<generator>", with: "<title>again</title><generator>")
        #expect(AtomFeedWriter.validate(duplicated) == ["feed has 2 atom:title elements, not exactly one"])
        let relative = feed().replacingOccurrences(of: "tag:synergia.example,2026:meetings</id>", with: "/meetings</id>")
        #expect(AtomFeedWriter.validate(relative) == ["feed id \"/meetings\" is not an absolute IRI"])
        let noSelf = feed().replacingOccurrences(of: "rel=\"self\"", with: "rel=\"related\"")
        #expect(AtomFeedWriter.validate(noSelf) == ["feed has no link rel=\"self\""])
        #expect(AtomFeedWriter.validate("<rss version=\"2.0\"/>").first?.contains("not atom:feed") == true)
        #expect(AtomFeedWriter.validate("<feed xmlns=\"urn:other\"/>").first?.contains("not atom:feed") == true)
        #expect(AtomFeedWriter.validate("").first?.contains("not well-formed") == true)
        #expect(AtomFeedWriter.validate("<feed><id>").first?.contains("not well-formed") == true)
        let emptyFeed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"
        #expect(AtomFeedWriter.validate(emptyFeed).count == 4, "id, title, updated and self link missing")
    }

    @Test("elements of other namespaces and of atom:source do not count")
    func foreignElements() {
        let xml = feed().replacingOccurrences(
            of: "<generator>",
            with: "<x:id xmlns:x=\"urn:ext\">not-an-iri</x:id><generator>"
        ).replacingOccurrences(
            of: "<category term=\"CMS\"/>",
            with: "<category term=\"CMS\"/><source><id>tag:other,2020:x</id><updated>bad</updated></source>"
        )
        #expect(AtomFeedWriter.validate(xml) == [])
    }

    @Test("RFC 3339 date-times")
    func rfc3339() {
        for good in ["2026-11-18T11:06:40Z", "2026-11-18T11:06:40.123Z", "2026-11-18T11:06:40+02:00", "2028-02-29T00:00:00-05:30", "2026-12-31T23:59:60Z"] {
            #expect(AtomFeedValidator.isRFC3339DateTime(good), "\(good)")
        }
        for bad in ["", "2026-11-18", "2026-11-18t11:06:40z", "2026-11-18T11:06:40", "2026-13-01T00:00:00Z", "2027-02-29T00:00:00Z",
                    "2026-11-18T24:00:00Z", "2026-11-18T11:06:40.Z", "2026-11-18T11:06:40+0200", "2026-11-18T11:06:40Zjunk", "２０２６-11-18T11:06:40Z"] {
            #expect(!AtomFeedValidator.isRFC3339DateTime(bad), "\(bad)")
        }
    }

    @Test("absolute IRIs")
    func iris() {
        for good in ["tag:synergia.example,2026:x", "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427", "https://例え.jp/会議"] {
            #expect(AtomFeedValidator.isAbsoluteIRI(good), "\(good)")
        }
        for bad in ["", "/relative", "no-colon", ":nothing", "1tag:x", "tag:", "tag:with space"] {
            #expect(!AtomFeedValidator.isAbsoluteIRI(bad), "\(bad)")
        }
    }
}
