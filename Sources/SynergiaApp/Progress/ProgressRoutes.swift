import Fluent
import Foundation
import SQLKit
import Plot
import SynergiaCore
import Vapor

/// Progress toward the global targets: Parties record assessments; a public dashboard per
/// target shows the spread across Parties, by regional group and by convention, as SVG charts
/// with their data tables and CSV, and a tile grid of Parties coloured by assessment.
enum ProgressRoutes {
    static func register(_ app: Application) throws {
        app.get("progress", ":framework", ":target") { req in
            let (framework, _) = try await target(req)
            let canAssess = req.account?.partyCode.map {
                AuthorizationPolicy.permits(req.actor, .recordAssessment(party: $0, convention: framework.conventionCode))
            } ?? false
            return Response.html(ProgressView.render(req.page, try await dashboard(req), canAssess: canAssess))
        }
        app.get("progress", ":framework", ":target", "assessments.csv") { req -> Response in
            let dto = try await dashboard(req)
            return .csv(SpreadsheetCSV.write([["party", "regional_group", "category", "confidence"]] + dto.assessments.map {
                [.text($0.party), .text($0.regionalGroup ?? ""), .text($0.category), .text($0.confidence)]
            }))
        }
        app.get("api", "v1", "progress", ":framework", ":target") { req in try await dashboard(req) }
        app.on(.POST, "progress", ":framework", ":target", body: .collect(maxSize: "64kb"), use: assess)
    }

    static func target(_ req: Request) async throws -> (FrameworkModel, TargetModel) {
        let code = try req.textParameter("framework").uppercased()
        let targetCode = try req.textParameter("target")
        guard let framework = try await FrameworkModel.query(on: req.db).filter(\.$code == code).first(),
              let target = try await TargetModel.query(on: req.db).filter(\.$framework.$id == framework.requireID())
                .filter(\.$code == targetCode).first() else { throw Abort(.notFound) }
        return (framework, target)
    }

    static func dashboard(_ req: Request) async throws -> ProgressDashboardDTO {
        let (framework, target) = try await target(req)
        // The latest cycle with assessments unless `?cycle=` names one: a Party counts once.
        var cycle: String? = try (req.query["cycle"] as String?).map { text in
            guard let cycle = ProgressCycle(text) else { throw Abort(.badRequest, reason: "error.progress.cycle") }
            return cycle.text
        }
        if cycle == nil { cycle = try await ProgressOverview.cycles(on: req.db).first }
        struct Row: Decodable { var party_code: String; var cycle: String; var category: String; var confidence: String; var evidence: String }
        var select = req.db.sql.select().columns("party_code", "cycle", "category", "confidence", "evidence")
            .from(ProgressAssessmentModel.schema).where("framework", .equal, framework.code).where("target", .equal, target.code)
        if let cycle { select = select.where("cycle", .equal, cycle) }
        let rows = try await select.all(decoding: Row.self)
        let members = try await ProgressOverview.members(on: req.db)
        let assessments = rows.compactMap { row -> ProgressDashboardDTO.Assessment? in
            guard let member = members[row.party_code] else { return nil }
            return .init(party: row.party_code, regionalGroup: member.region, cycle: row.cycle, category: row.category,
                         confidence: row.confidence, evidence: row.evidence, conventions: member.conventions.sorted())
        }
        let tally = ProgressAggregation.counts(
            assessments: assessments.map { (party: $0.party, regionalGroup: $0.regionalGroup, conventions: $0.conventions, target: target.code,
                                            category: ProgressCategory(rawValue: $0.category) ?? .unknown) },
            for: target.code)
        let categoryByParty = Dictionary(assessments.map { ($0.party, $0.category) }, uniquingKeysWith: { a, _ in a })
        let party = (IndicatorDataRoutes.partyFilter(req) ?? req.account?.partyCode)?.uppercased()
        var suggestions: [ProgressDashboardDTO.Suggestion] = []
        if let party {
            suggestions = try await suggest(party: party, framework: framework.code, target: target.code,
                                            registry: req.application.synergia.indicators, on: req.db)
        }
        return ProgressDashboardDTO(
            framework: framework.code, target: target.code, title: target.title, cycle: cycle,
            overall: ProgressAggregation.byRawValue(tally.overall), byRegion: tally.byRegion.mapValues(ProgressAggregation.byRawValue),
            byConvention: tally.byConvention.mapValues(ProgressAggregation.byRawValue),
            assessments: assessments.sorted { $0.party < $1.party },
            tiles: members.sorted { ($0.value.region ?? "~", $0.value.name) < ($1.value.region ?? "~", $1.value.name) }.map { party, member in
                .init(party: party, regionalGroup: member.region, name: member.name, category: categoryByParty[party])
            }, suggestions: suggestions)
    }

    /// For each indicator whose link to the target states a goal, the category the Party's own
    /// data suggests (its trend against the goal's value and year), with how it was worked out.
    static func suggest(party: String, framework: String, target: String, registry: IndicatorRegistry,
                        on db: any Database) async throws -> [ProgressDashboardDTO.Suggestion] {
        var result: [ProgressDashboardDTO.Suggestion] = []
        for indicator in registry.indicators(framework: framework, target: target) {
            guard let goal = indicator.targets.first(where: { $0.framework == framework && $0.code == target })?.goal else { continue }
            let values = try await IndicatorValueModel.query(on: db).filter(\.$partyCode == party).filter(\.$indicator == indicator.code)
                .filter(\.$disaggregation == "").all()
            let suggestion = ProgressSuggestion.suggest(series: values.map { (year: $0.periodStart, value: $0.value) }, baselineYear: nil,
                                                        targetValue: goal.value, targetYear: goal.year, higherIsBetter: goal.higherIsBetter)
            result.append(.init(party: party, indicator: indicator.code, category: suggestion.category.rawValue,
                                confidence: suggestion.confidence.rawValue, explanation: suggestion.explanation,
                                goalValue: goal.value, goalYear: goal.year, goalQuote: goal.quote, points: values.count))
        }
        return result
    }

    /// A focal point or contributor records the Party's assessment (the person decides; the
    /// indicator data only informs it).
    @Sendable static func assess(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (framework, target) = try await target(req)
        try await ProgressService.record(try req.content.decode(ProgressService.AssessmentForm.self), framework: framework, target: target,
                                         by: user, on: req.db)
        return req.redirect(to: SiteURL.progressTarget(framework: framework.code, target: target.code).path)
    }
}

/// The dashboard of one target: counts overall, by regional group and by convention; every
/// assessment; and one tile per Party.
public struct ProgressDashboardDTO: Content {
    public var framework: String
    public var target: String
    public var title: [String: String]
    public var cycle: String?
    /// Category → number of Parties.
    public var overall: [String: Int]
    public var byRegion: [String: [String: Int]]
    public var byConvention: [String: [String: Int]]
    public var assessments: [Assessment]
    public var tiles: [Tile]

    public struct Assessment: Content {
        public var party: String; public var regionalGroup: String?; public var cycle: String; public var category: String
        public var confidence: String; public var evidence: String; public var conventions: [String]
    }
    public struct Tile: Content { public var party: String; public var regionalGroup: String?; public var name: String; public var category: String? }
    /// Suggestions for the Party named by `?party=` or the signed-in person's (empty otherwise).
    public var suggestions: [Suggestion] = []
    /// What one indicator's data suggests; the person decides.
    public struct Suggestion: Content {
        public var party: String; public var indicator: String; public var category: String; public var confidence: String
        /// How it was worked out (English).
        public var explanation: String
        public var goalValue: Double; public var goalYear: Int; public var goalQuote: String
        /// How many values of the Party it used.
        public var points: Int
    }
}

enum ProgressView {
    static func render(_ page: PageContext, _ dto: ProgressDashboardDTO, canAssess: Bool) -> String {
        let categories = ProgressCategory.allCases
        func label(_ category: ProgressCategory) -> String { page.t("progress.\(category.rawValue)") }
        let regions = RegionalGroup.allCases.map { (label: page.t($0.catalogKey), counts: counts(dto.byRegion[$0.rawValue])) }
        // Short names under the chart's bars, so they do not run into each other; the table has the full names.
        let regionBars = RegionalGroup.allCases.map { (label: page.t("region-short.\($0.rawValue)"), counts: counts(dto.byRegion[$0.rawValue])) }
        let conventions = dto.byConvention.keys.sorted().map { (label: $0, counts: counts(dto.byConvention[$0])) }
        let base = "/progress/\(dto.framework.attributeEscaped)/\(dto.target.attributeEscaped)"
        return Layout.render(page, title: page.t("progress.title"), main: [
            .h1(page.text("frameworks.target", ["code": dto.target]), .text(" — "), page.name(dto.title)),
            .p(page.text("progress.count", ["count": "\(dto.assessments.count)"]), .text(" · "),
               .a(.href("\(base)/assessments.csv"), .text("CSV")), .text(" · "),
               .a(.href("/api/v1/progress/\(dto.framework.attributeEscaped)/\(dto.target.attributeEscaped)"), .text("JSON"))),
            .h2(page.text("progress.by-region")),
            .element(named: "figure", nodes: [.raw(SVGChart.progressBars(title: page.t("progress.by-region"), counts: regionBars))]),
            table(page, regions, categories: categories, label: label),
            .h2(page.text("progress.by-convention")),
            .if(conventions.isEmpty, .p(page.text("progress.none")), else: .group(
                .element(named: "figure", nodes: [.raw(SVGChart.progressBars(title: page.t("progress.by-convention"), counts: conventions))]),
                table(page, conventions, categories: categories, label: label))),
            .h2(page.text("progress.tiles")),
            .div(.class("tiles"), .attribute(named: "role", value: "list"), .forEach(dto.tiles) { tile in
                .div(.class("tile"), .attribute(named: "role", value: "listitem"),
                     .attribute(named: "style", value: "background:\(tile.category.flatMap { ProgressCategory(rawValue: $0) }.flatMap { SVGChart.progressColors[$0] } ?? "#fff")"),
                     .attribute(named: "title", value: "\(tile.name): \(tile.category.flatMap { ProgressCategory(rawValue: $0) }.map(label) ?? page.t("progress.not-assessed"))".attributeEscaped),
                     .text(tile.party))
            }),
            .if(canAssess, .group(
                .h2(page.text("progress.assess")),
                .forEach(dto.suggestions) { suggestion in
                    .div(.class("notice suggestion"), .id("suggestion-\(suggestion.indicator)".attributeEscaped),
                         .p(.strong(page.text("progress.suggested", ["indicator": suggestion.indicator])), .text(" "),
                            page.text("progress.\(suggestion.category)"), .text(" ("),
                            page.text("progress.confidence-\(suggestion.confidence)"), .text(")")),
                         .p(.attribute(named: "lang", value: "en"), .text(suggestion.explanation)),
                         .p(.class("note"), page.text("progress.goal", ["value": suggestion.goalValue == suggestion.goalValue.rounded() ? String(Int(suggestion.goalValue)) : String(suggestion.goalValue), "year": "\(suggestion.goalYear)"]),
                            .text(" — “\(suggestion.goalQuote)”")))
                },
                .form(.method(.post), .action(base), Layout.csrfField(page),
                      Layout.field(page, name: "cycle", labelKey: "progress.cycle", value: "2026"),
                      .div(.class("field"), .label(.for("category"), page.text("progress.category")),
                           .select(.id("category"), .attribute(named: "name", value: "category"),
                                   Layout.options(categories.map { ($0.rawValue, label($0)) }, selected: dto.suggestions.first?.category))),
                      .div(.class("field"), .label(.for("confidence"), page.text("progress.confidence")),
                           .select(.id("confidence"), .attribute(named: "name", value: "confidence"),
                                   Layout.options(Confidence.allCases.map { ($0.rawValue, page.t("progress.confidence-\($0.rawValue)")) }, selected: "medium"))),
                      .div(.class("field"), .label(.for("evidence"), page.text("progress.evidence")), .textarea(.id("evidence"), .name("evidence"), .rows(3))),
                      .button(.type(.submit), page.text("progress.assess"))))),
        ])
    }

    static func counts(_ raw: [String: Int]?) -> ProgressAggregation.Counts {
        Dictionary(uniqueKeysWithValues: (raw ?? [:]).compactMap { key, value in ProgressCategory(rawValue: key).map { ($0, value) } })
    }

    static func table(_ page: PageContext, _ rows: [(label: String, counts: ProgressAggregation.Counts)], categories: [ProgressCategory],
                      label: (ProgressCategory) -> String, link: ((String) -> String)? = nil) -> Node<HTML.BodyContext> {
        .table(.class("data"),
               .thead(.tr(.th(.text("")), .forEach(categories) { .th(.text(label($0))) })),
               .tbody(.forEach(rows) { row in
                   .tr(.th(.attribute(named: "scope", value: "row"),
                           .if(link != nil, .a(.href(link?(row.label).attributeEscaped ?? ""), .text(row.label)), else: .text(row.label))),
                       .forEach(categories) { .td(.text("\(row.counts[$0] ?? 0)")) })
               }))
    }
}
