import Fluent
import Foundation
import SynergiaCore
import Vapor

/// One national target: what the Party wrote, the GBF goals and targets it aligns to, its
/// indicators, the other conventions' targets it serves, the targets the crosswalks suggest, and
/// the Party's reports that ask about a target it serves.
enum NationalTargetPage {
    struct Model: Content, Equatable {
        struct Aligned: Content, Equatable {
            var code: String
            var title: [String: String]
            var degree: AlignmentDegree
            var elements: String
        }
        struct Indicator: Content, Equatable {
            var code: String
            var name: [String: String]
            var kind: IndicatorKind?
        }
        struct Served: Content, Equatable {
            var framework: String
            var code: String
            var title: [String: String]
        }
        /// A report of the Party (one the reader may read) whose template asks about a target the national target serves.
        struct Use: Content, Equatable {
            var report: UUID
            var convention: String
            var cycle: String
            var status: ReportStatus
            /// The served targets the report asks about.
            var targets: [String]
        }

        var names: [String: String]
        var target: NationalTargetDTO
        var alignments: [Aligned]
        var indicators: [Indicator]
        var otherTargets: [Served]
        /// Other frameworks' targets linked by the crosswalks to a GBF target it aligns to, not yet confirmed.
        var suggested: [Served]
        var reports: [Use]
        /// Documents attached to it, oldest first.
        var documents: [NationalTargetDocumentDTO]
    }

    /// The page of `party`'s target `code` as `actor` may see it (404 for a draft it may not).
    static func query(party: String, code: String, actor: Actor, registry: IndicatorRegistry, templates: ReportingService.Templates,
                      on db: any Database) async throws -> Model {
        let partyRow = try await NationalTargetReaders.party(party, on: db)
        let drafts = NationalTargetService.mayReadDrafts(actor, party: partyRow.alpha2)
        guard let row = try await NationalTargetService.find(party: partyRow.alpha2, code: code, drafts: drafts, on: db) else {
            throw Abort(.notFound)
        }
        let content = row.content
        let titles = try await NationalTargetReaders.targetTitles(on: db)
        // The registry's from memory, the Party's national ones in one query.
        let national = Dictionary(try await NationalIndicatorModel.definitions(
            NationalIndicatorModel.query(on: db).filter(\.$partyCode == partyRow.alpha2).all(), on: db).map { ($0.code, $0) },
            uniquingKeysWith: { a, _ in a })
        let indicators = content.indicators.map { code -> Model.Indicator in
            let definition = registry.indicator(code: code) ?? national[code]
            return .init(code: code, name: definition?.name.values ?? [:], kind: definition?.kind)
        }
        func served(_ reference: TargetReference) -> Model.Served {
            .init(framework: reference.framework, code: reference.code, title: titles[reference] ?? [:])
        }
        return Model(
            names: partyRow.names, target: try await NationalTargetDTO.all([row], on: db)[0],
            alignments: content.alignments.map {
                .init(code: $0.target.code, title: titles[$0.target] ?? [:], degree: $0.degree, elements: $0.elements)
            },
            indicators: indicators, otherTargets: content.otherTargets.map(served),
            suggested: try await suggestions(for: content, on: db).map(served),
            reports: try await uses(of: content, party: partyRow.alpha2, actor: actor, templates: templates, on: db),
            documents: try await NationalTargetDocuments.list(try row.requireID(), on: db))
    }

    /// Targets of other frameworks the crosswalks link (either way) to a GBF goal or target the
    /// content aligns to, less those already confirmed.
    static func suggestions(for content: NationalTargetContent, on db: any Database) async throws -> [TargetReference] {
        let aligned = Set(content.alignments.map(\.target))
        guard !aligned.isEmpty else { return [] }
        var found: [TargetReference] = []
        for link in try await TargetLinkModel.query(on: db).all() {
            let other: TargetReference? = aligned.contains(link.from) ? link.to : aligned.contains(link.to) ? link.from : nil
            if let other, other.framework != "KMGBF", !content.otherTargets.contains(other), !found.contains(other) { found.append(other) }
        }
        return found.sorted { $0.framework != $1.framework ? $0.framework < $1.framework
                                  : $0.code.localizedStandardCompare($1.code) == .orderedAscending }
    }

    /// The Party's reports the reader may read whose template asks about a target the content serves (the latest of each cycle).
    static func uses(of content: NationalTargetContent, party: String, actor: Actor, templates: ReportingService.Templates,
                     on db: any Database) async throws -> [Model.Use] {
        let served = Set(content.servedTargets)
        guard !served.isEmpty else { return [] }
        var byCycle: [UUID: Model.Use] = [:]
        var versions: [UUID: Int] = [:]
        for report in try await ReportModel.query(on: db).filter(\.$partyCode == party).with(\.$cycle).all() {
            guard let template = try? templates.template(of: report.cycle), let cycleID = report.cycle.id,
                  (try? ReportAccess.requireReadable(report, convention: template.convention, by: actor)) != nil else { continue }
            let asked = Set(template.questions.compactMap(\.target)).intersection(served)
            guard !asked.isEmpty, report.version >= versions[cycleID, default: 0] else { continue }
            versions[cycleID] = report.version
            byCycle[cycleID] = .init(report: try report.requireID(), convention: template.convention, cycle: report.cycle.title,
                                     status: report.status,
                                     targets: asked.map { "\($0.framework)/\($0.code)" }.sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        }
        return byCycle.values.sorted { ($0.convention, $0.cycle) < ($1.convention, $1.cycle) }
    }
}
