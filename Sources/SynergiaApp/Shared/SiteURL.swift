import SynergiaCore
import Foundation

/// Every internal URL of Synergia, built in one place: each dynamic part is percent-encoded
/// for its position, so a code, an id or a question name can never break out of its path
/// segment, query value or fragment (and needs no further escaping in an HTML attribute
/// beyond the usual).
enum SiteURL: Sendable, Equatable {
    case home
    case signIn(next: String?)
    case account
    case apiTokens
    case apiTokenRevoke(UUID)
    case adminUsers(created: Bool = false)
    case reporting
    case reportingCycles
    case reportingCycleReports(UUID)
    case synergy
    case report(UUID)
    case reportPrint(UUID)
    case reportPDF(UUID)
    case reportPackage(UUID, format: String)
    case reportPackageUpload(UUID)
    case reportPackageApply(UUID)
    case reportAmend(UUID)
    case reportCompare(UUID, with: UUID)
    case reportTransition(UUID)
    case reportAssignments(UUID)
    case reportComments(UUID)
    case reportAnswer(UUID, question: String)
    /// Attach a file as the answer to a link question; a file attached to the report.
    case reportAttach(UUID, question: String)
    case reportAttachment(UUID, attachment: UUID)
    case reportAnswerLanguages(UUID, question: String)
    /// The translations of a news item, a meeting, a national indicator (its id or code) or a national target (`PARTY/CODE`).
    case translations(TranslatedKind, String)
    case reportDetach(UUID, question: String)
    /// A question on the report page.
    case reportQuestion(UUID, question: String)
    /// One section of a report, with the table of contents and the sections before and after.
    case reportSection(UUID, section: String)
    case reportSectionComments(UUID, section: String)
    /// What to look at before sending a report for review.
    case reportCheck(UUID)
    case indicators
    /// The indicator list showing the indicators of one kind.
    case indicatorsOfKind(IndicatorKind)
    /// A Party's dashboard showing the indicators of one kind.
    case partyProgressOfKind(String, IndicatorKind)
    case indicator(String, party: String? = nil)
    /// `format` is `csv` or `sdmx.csv`.
    case indicatorExport(String, format: String, party: String? = nil)
    /// The indicator's template (`.xlsx`), filled with the Party's published values.
    case indicatorTemplate(String, party: String? = nil)
    /// Where a focal point states that its Party has no data for the indicator, or that it is not relevant (POST).
    case indicatorStatement(String)
    case indicatorImport
    case nationalIndicators
    case nationalIndicator(String, party: String)
    /// The national indicators of one Party on `/indicators`.
    case nationalIndicatorsOf(party: String)
    case apiIndicatorData(String, party: String? = nil)
    case sdmxStructure
    /// `format` is `csv` (SDMX-CSV 2.0) or `xml` (SDMX-ML 2.1); nil `indicator` for all.
    case sdmxData(format: String, indicator: String? = nil, party: String? = nil)
    case progressTarget(framework: String, target: String, cycle: String? = nil)
    case partyProgress(String)
    case party(String)
    case convention(String)
    case framework(String)
    case frameworkTarget(String, target: String)
    case decision(String)
    case decisionParagraph(String, paragraph: String)
    /// A paragraph of one language version of a decision.
    case decisionParagraphIn(String, language: String, paragraph: String)
    /// An initiative (by its id) or a part of the cooperation page.
    case cooperationEntry(String)
    case search(SearchPage.Parameters)
    case apiSearch(SearchPage.Parameters)
    /// The Atom feed of a search's newest results.
    case searchFeed(SearchPage.Parameters)
    /// Where a signed-in reader saves a search (POST).
    case saveSearch
    /// A reader's saved searches, and their JSON twin.
    case savedSearches
    case apiSavedSearches
    case savedSearchDelete(UUID)
    case decisionItem(String, language: String, item: UUID)
    case meeting(String)
    /// A section of a meeting's page: `agenda`, `documents`.
    case meetingSection(String, String)
    /// A meeting's page with a notice (a catalog key) of what was just done.
    case meetingNotice(String, String, section: String? = nil)
    case meetingCalendar(String)
    case advisoryCall(UUID)
    /// A section of a call's page: `nominations`, `balance`, `observers`.
    case advisoryCallSection(UUID, String)
    case crosswalks
    case crosswalkDelete(UUID)
    case news
    case newsItem(UUID)
    case apiNewsItem(UUID)
    case feed(Feed.Name)
    case calendar
    case decisionVersion(String, language: String)
    /// A page of the decisions list (the first has no query).
    case decisionsPage(Int)
    case decisionCompare(String, left: String, right: String)
    case decisions
    case actionItems
    case actionItem(UUID)
    case signOut
    case signOutEverywhere
    case accountPassword
    case parties(convention: String? = nil)
    case advisoryGroup
    case meetings
    case progress(cycle: String? = nil)
    case progressOverviewCSV(cycle: String?)
    case progressTargetCSV(framework: String, target: String)
    case apiProgress(cycle: String?)
    case apiProgressTarget(framework: String, target: String)
    case apiPartyProgress(String)
    case openAPI
    /// A form action under a meeting's page: `register`, `invitations`, `agenda`, `documents`.
    case meetingAction(String, String)
    case meetingDocumentTransmit(String, document: UUID)
    /// A form action under a call's page: `nominations`, `observers`, `close`.
    case advisoryCallAction(UUID, String)
    case advisoryNominationSelect(UUID, nomination: UUID)
    case synergyParty(String)
    /// A Party's national targets; one of them; its forms' addresses (``NationalTargetAction``).
    case nationalTargets(party: String)
    case nationalTarget(party: String, code: String)
    case nationalTargetAction(party: String, code: String?, NationalTargetAction)
    case nationalTargetDocument(party: String, code: String, document: UUID)
    /// The JSON twin of a page (`<link rel="alternate" type="application/json">`).
    case api(APITwin)
    /// A file under `/static`, with the version that busts caches when it changes.
    case asset(String, version: String? = nil)

    /// The path (and query), relative to the site's root.
    var path: String {
        switch self {
        case .home: "/"
        case .signIn(let next): "/sign-in" + Self.query(["next": next])
        case .account: "/account"
        case .apiTokens: "/account/tokens"
        case .apiTokenRevoke(let id): "/account/tokens/\(id.uuidString)/revoke"
        case .adminUsers(let created): "/admin/users" + Self.query(["created": created ? "1" : nil])
        case .reporting: "/reporting"
        case .reportingCycles: "/reporting/cycles"
        case .reportingCycleReports(let id): "/reporting/cycles/\(id.uuidString)/reports"
        case .synergy: "/synergy"
        case .report(let id): "/reports/\(id.uuidString)"
        case .reportPrint(let id): "/reports/\(id.uuidString)/print"
        case .reportPDF(let id): "/reports/\(id.uuidString)/report.pdf"
        case .reportPackage(let id, let format): "/reports/\(id.uuidString)/package.\(Self.segment(format))"
        case .reportPackageUpload(let id): "/reports/\(id.uuidString)/package"
        case .reportPackageApply(let id): "/reports/\(id.uuidString)/package/apply"
        case .reportAmend(let id): "/reports/\(id.uuidString)/amend"
        case .reportCompare(let id, let other): "/reports/\(id.uuidString)/compare" + Self.query(["with": other.uuidString])
        case .reportTransition(let id): "/reports/\(id.uuidString)/transition"
        case .reportAssignments(let id): "/reports/\(id.uuidString)/assignments"
        case .reportComments(let id): "/reports/\(id.uuidString)/comments"
        case .reportAnswer(let id, let question): "/reports/\(id.uuidString)/answers/\(Self.segment(question))"
        case .reportAttach(let id, let question): "/reports/\(id.uuidString)/answers/\(Self.segment(question))/attachment"
        case .reportAttachment(let id, let attachment): "/reports/\(id.uuidString)/attachments/\(attachment.uuidString)"
        case .reportAnswerLanguages(let id, let question): "/reports/\(id.uuidString)/answers/\(Self.segment(question))/languages"
        case .translations(let kind, let subject): kind.languagesPath(subject)
        case .reportDetach(let id, let question): "/reports/\(id.uuidString)/answers/\(Self.segment(question))/detach"
        case .reportQuestion(let id, let question): "/reports/\(id.uuidString)#q-\(Self.fragment(question))"
        case .reportSection(let id, let section): "/reports/\(id.uuidString)/sections/\(Self.segment(section))"
        case .reportSectionComments(let id, let section): "/reports/\(id.uuidString)/sections/\(Self.segment(section))/comments"
        case .reportCheck(let id): "/reports/\(id.uuidString)/check"
        case .indicators: "/indicators"
        case .indicatorsOfKind(let kind): "/indicators" + Self.query(["kind": kind.rawValue])
        case .partyProgressOfKind(let code, let kind): "/parties/\(Self.segment(code))/progress" + Self.query(["kind": kind.rawValue])
        case .indicator(let code, let party): "/indicators/\(Self.segment(code))" + Self.query(["party": party])
        case .indicatorExport(let code, let format, let party): "/indicators/\(Self.segment(code))/data.\(Self.segment(format))" + Self.query(["party": party])
        case .indicatorTemplate(let code, let party): "/indicators/\(Self.segment(code))/template.xlsx" + Self.query(["party": party])
        case .indicatorStatement(let code): "/indicators/\(Self.segment(code))/statement"
        case .indicatorImport: "/indicators/import"
        case .nationalIndicators: "/indicators/national"
        case .nationalIndicator(let code, let party): "/indicators" + Self.query(["party": party]) + "#national-\(Self.fragment(code))"
        case .nationalIndicatorsOf(let party): "/indicators" + Self.query(["party": party]) + "#national"
        case .apiIndicatorData(let code, let party): "/api/v1/indicators/\(Self.segment(code))/data" + Self.query(["party": party])
        case .sdmxStructure: "/sdmx/structure"
        case .sdmxData(let format, let indicator, let party): "/sdmx/data.\(Self.segment(format))" + Self.query(["indicator": indicator, "party": party])
        case .progressTarget(let framework, let target, let cycle): "/progress/\(Self.segment(framework))/\(Self.segment(target))" + Self.query(["cycle": cycle])
        case .partyProgress(let code): "/parties/\(Self.segment(code))/progress"
        case .party(let code): "/parties/\(Self.segment(code))"
        case .nationalTargets(let party): "/parties/\(Self.segment(party))/national-targets"
        case .nationalTarget(let party, let code): "/parties/\(Self.segment(party))/national-targets/\(Self.segment(code))"
        case .nationalTargetDocument(let party, let code, let document):
            "/parties/\(Self.segment(party))/national-targets/\(Self.segment(code))/documents/\(document.uuidString)"
        case .nationalTargetAction(let party, let code, let action):
            "/parties/\(Self.segment(party))/national-targets" + (code.map { "/\(Self.segment($0))" } ?? "") + action.suffix
        case .convention(let code): "/conventions/\(Self.segment(code))"
        case .framework(let code): "/frameworks/\(Self.segment(code))"
        case .frameworkTarget(let code, let target): "/frameworks/\(Self.segment(code))#target-\(Self.fragment(target))"
        case .decision(let slug): "/decisions/\(Self.segment(slug))"
        case .decisionItem(let slug, let language, let item):
            "/decisions/\(Self.segment(slug))" + Self.query(["version": language]) + "#item-\(item.uuidString)"
        case .decisionParagraph(let slug, let paragraph): "/decisions/\(Self.segment(slug))#para-\(Self.fragment(paragraph))"
        case .decisionParagraphIn(let slug, let language, let paragraph):
            "/decisions/\(Self.segment(slug))" + Self.query(["version": language]) + "#para-\(Self.fragment(paragraph))"
        case .cooperationEntry(let id): "/cooperation#\(Self.fragment(id))"
        case .search(let parameters): "/search" + Self.query(parameters.queryItems)
        case .apiSearch(let parameters): "/api/v1/search" + Self.query(parameters.queryItems)
        case .searchFeed(let parameters): "/search.atom" + Self.query(parameters.with().queryItems)
        case .saveSearch: "/search/saved"
        case .savedSearches: "/account/searches"
        case .apiSavedSearches: "/api/v1/account/searches"
        case .savedSearchDelete(let id): "/account/searches/\(id.uuidString)/delete"
        case .meeting(let code): "/meetings/\(Self.segment(code))"
        case .meetingSection(let code, let section): "/meetings/\(Self.segment(code))#\(Self.fragment(section))"
        case .meetingNotice(let code, let notice, let section):
            "/meetings/\(Self.segment(code))" + Self.query(["done": notice]) + (section.map { "#\(Self.fragment($0))" } ?? "")
        case .meetingCalendar(let code): "/meetings/\(Self.segment(code))/calendar.ics"
        case .advisoryCall(let id): "/advisory-group/\(id.uuidString)"
        case .advisoryCallSection(let id, let section): "/advisory-group/\(id.uuidString)#\(Self.fragment(section))"
        case .crosswalks: "/crosswalks"
        case .crosswalkDelete(let id): "/crosswalks/\(id.uuidString)/delete"
        case .news: "/news"
        case .newsItem(let id): "/news/\(id.uuidString)"
        case .apiNewsItem(let id): "/api/v1/news/\(id.uuidString)"
        case .feed(let name): "/feeds/\(name.rawValue).atom"
        case .calendar: "/calendar.ics"
        case .decisionVersion(let slug, let language): "/decisions/\(Self.segment(slug))" + Self.query(["version": language])
        case .decisionsPage(let page): "/decisions" + Self.query(["page": page > 1 ? String(page) : nil])
        case .decisionCompare(let slug, let left, let right): "/decisions/\(Self.segment(slug))/compare" + Self.query(["left": left, "right": right])
        case .decisions: "/decisions"
        case .actionItems: "/action-items"
        case .actionItem(let id): "/action-items/\(id.uuidString)"
        case .signOut: "/sign-out"
        case .signOutEverywhere: "/sign-out-everywhere"
        case .accountPassword: "/account/password"
        case .parties(let convention): "/parties" + Self.query(["convention": convention])
        case .advisoryGroup: "/advisory-group"
        case .meetings: "/meetings"
        case .progress(let cycle): "/progress" + Self.query(["cycle": cycle])
        case .progressOverviewCSV(let cycle): "/progress/overview.csv" + Self.query(["cycle": cycle])
        case .progressTargetCSV(let framework, let target): "/progress/\(Self.segment(framework))/\(Self.segment(target))/assessments.csv"
        case .apiProgress(let cycle): "/api/v1/progress" + Self.query(["cycle": cycle])
        case .apiProgressTarget(let framework, let target): "/api/v1/progress/\(Self.segment(framework))/\(Self.segment(target))"
        case .apiPartyProgress(let code): "/api/v1/parties/\(Self.segment(code))/progress"
        case .openAPI: "/api/openapi.yaml"
        case .meetingAction(let code, let action): "/meetings/\(Self.segment(code))/\(Self.segment(action))"
        case .meetingDocumentTransmit(let code, let document): "/meetings/\(Self.segment(code))/documents/\(document.uuidString)/transmit"
        case .advisoryCallAction(let id, let action): "/advisory-group/\(id.uuidString)/\(Self.segment(action))"
        case .advisoryNominationSelect(let id, let nomination): "/advisory-group/\(id.uuidString)/nominations/\(nomination.uuidString)/select"
        case .synergyParty(let code): "/synergy/\(Self.segment(code))"
        case .api(let twin): "/api/v1" + twin.path
        case .asset(let name, let version): "/static/\(Self.segment(name))" + Self.query(["v": version])
        }
    }

    /// The JSON twins of the pages, under `/api/v1`.
    enum APITwin: Sendable, Equatable {
        case conventions, frameworks, parties, decisions, actionItems, meetings, news, advisoryCalls, cooperation, crosswalks
        case indicators, nationalIndicators, synergy, reportingCycles, me
        case convention(String), framework(String), party(String), decision(String), meeting(String), advisoryCall(UUID)
        case synergyParty(String), report(UUID), reportCheck(UUID)
        case nationalTargets(party: String), nationalTarget(party: String, code: String)

        var path: String {
            switch self {
            case .conventions: "/conventions"
            case .frameworks: "/frameworks"
            case .parties: "/parties"
            case .decisions: "/decisions"
            case .actionItems: "/action-items"
            case .meetings: "/meetings"
            case .news: "/news"
            case .advisoryCalls: "/advisory-calls"
            case .cooperation: "/cooperation"
            case .crosswalks: "/crosswalks"
            case .indicators: "/indicators"
            case .nationalIndicators: "/national-indicators"
            case .synergy: "/synergy"
            case .reportingCycles: "/reporting-cycles"
            case .me: "/me"
            case .convention(let code): "/conventions/\(SiteURL.segment(code))"
            case .framework(let code): "/frameworks/\(SiteURL.segment(code))"
            case .party(let code): "/parties/\(SiteURL.segment(code))"
            case .decision(let slug): "/decisions/\(SiteURL.segment(slug))"
            case .meeting(let code): "/meetings/\(SiteURL.segment(code))"
            case .advisoryCall(let id): "/advisory-calls/\(id.uuidString)"
            case .synergyParty(let code): "/synergy/\(SiteURL.segment(code))"
            case .report(let id): "/reports/\(id.uuidString)"
            case .nationalTargets(let party): "/parties/\(SiteURL.segment(party))/national-targets"
            case .nationalTarget(let party, let code): "/parties/\(SiteURL.segment(party))/national-targets/\(SiteURL.segment(code))"
            case .reportCheck(let id): "/reports/\(id.uuidString)/check"
            }
        }
    }

    /// `text` as one path segment: everything but unreserved characters percent-encoded.
    static func segment(_ text: String) -> String { percentEncoded(text, keeping: "") }

    /// `text` as a fragment identifier (an element id on the page).
    static func fragment(_ text: String) -> String { percentEncoded(text, keeping: "") }

    /// `?a=1&b=2` of the non-nil values, in key order; empty when none.
    static func query(_ items: [String: String?]) -> String {
        let present = items.compactMapValues { $0 }.sorted { $0.key < $1.key }
        guard !present.isEmpty else { return "" }
        return "?" + present.map { "\(segment($0.key))=\(queryValue($0.value))" }.joined(separator: "&")
    }

    /// A query value: like a segment, but `/` and `:` may stay (a path passed as `next`).
    static func queryValue(_ text: String) -> String { percentEncoded(text, keeping: "/:") }

    /// Every byte of `text`'s UTF-8 percent-encoded (`%E6`) but the unreserved characters
    /// (letters, digits, `-._~`) and the ASCII characters of `keeping`. Byte by byte: Foundation's
    /// `addingPercentEncoding` cost more than the rest of a search page's links together.
    static func percentEncoded(_ text: String, keeping: StaticString) -> String {
        func kept(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E: return true
            default:
                return keeping.withUTF8Buffer { $0.contains(byte) }
            }
        }
        let bytes = text.utf8
        if bytes.allSatisfy(kept) { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3)
        for byte in bytes {
            if kept(byte) {
                out.append(byte)
            } else {
                out.append(0x25)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The forms of a national target: a new one (`/new`, its target code nil), the editor
/// (`/edit`), publishing (`/publish`), attaching a document (`/documents`); `save` is the target's own address (or the list's, for a new one).
enum NationalTargetAction: Sendable, Equatable {
    case new, edit, save, publish, documents
    /// The Party's targets as one package (`code` nil): its download, upload (preview) and confirmation.
    case packageJSON, packageUpload, packageApply

    var suffix: String {
        switch self {
        case .packageJSON: "/package.json"
        case .packageUpload: "/package"
        case .packageApply: "/package/apply"
        case .new: "/new"
        case .edit: "/edit"
        case .save: ""
        case .publish: "/publish"
        case .documents: "/documents"
        }
    }
}
