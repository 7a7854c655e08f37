import Fluent
import Foundation
import SQLKit
import Plot
import SynergiaCore
import Vapor

/// The global overview of progress (every target of every framework, one cycle) and the
/// per-Party dashboard (every target of every framework of the conventions a Party belongs to,
/// across cycles, with the Party's data for the linked indicators). Each has a JSON twin and CSV.
enum ProgressOverviewRoutes {
    static func register(_ app: Application) throws {
        app.get("progress") { req in Response.html(ProgressOverviewView.render(req.page, try await overview(req))) }
        app.get("progress", "overview.csv") { req in csv(try await overview(req)) }
        app.get("api", "v1", "progress") { req in try await overview(req) }
        app.get("parties", ":code", "progress") { req in Response.html(PartyProgressView.render(req.page, try await partyProgress(req))) }
        app.get("api", "v1", "parties", ":code", "progress") { req in try await partyProgress(req) }
        app.get("parties", ":code", "progress.csv") { req in partyCSV(try await partyProgress(req)) }
    }

    static func frameworks(on db: any Database) async throws -> [FrameworkModel] {
        try await FrameworkModel.query(on: db).sort(\.$position).with(\.$targets).all()
    }

    static func overview(_ req: Request) async throws -> ProgressOverviewDTO {
        let cycles = try await ProgressOverview.cycles(on: req.db)
        let cycle: String? = try (req.query["cycle"] as String?).map { text in
            guard let cycle = ProgressCycle(text) else { throw Abort(.badRequest, reason: "error.progress.cycle") }
            return cycle.text
        } ?? cycles.first
        var tallies: ProgressOverview.Tallies = [:]
        if let cycle { tallies = try await ProgressOverview.tallies(cycle: cycle, on: req.db) }
        let counted = try await frameworks(on: req.db).map { framework -> ProgressOverviewDTO.Framework in
            let targets = framework.targets.sorted { $0.position < $1.position }.map { target -> ProgressOverviewDTO.Target in
                let tally = tallies["\(framework.code)/\(target.code)"] ?? ProgressAggregation.Tally()
                return ProgressOverviewDTO.Target(code: target.code, title: target.title, overall: ProgressAggregation.byRawValue(tally.overall),
                                                  byRegion: tally.byRegion.mapValues(ProgressAggregation.byRawValue),
                                                  byConvention: tally.byConvention.mapValues(ProgressAggregation.byRawValue))
            }
            return ProgressOverviewDTO.Framework(code: framework.code, names: framework.names, targets: targets)
        }
        return ProgressOverviewDTO(cycle: cycle, cycles: cycles, frameworks: counted)
    }

    static func csv(_ dto: ProgressOverviewDTO) -> Response {
        var rows: [[SpreadsheetCSV.Cell]] = [(["framework", "target", "cycle"] + ProgressCategory.allCases.map(\.rawValue)).map { .text($0) }]
        for framework in dto.frameworks {
            for target in framework.targets {
                rows.append([.text(framework.code), .text(target.code), .text(dto.cycle ?? "")]
                            + ProgressCategory.allCases.map { .number("\(target.overall[$0.rawValue] ?? 0)") })
            }
        }
        return .csv(SpreadsheetCSV.write(rows))
    }

    /// One row per framework, target and cycle with the Party's assessment.
    static func partyCSV(_ dto: PartyProgressDTO) -> Response {
        var rows: [[SpreadsheetCSV.Cell]] = [["party", "framework", "target", "cycle", "category"]]
        for framework in dto.frameworks {
            for target in framework.targets {
                for cycle in dto.cycles {
                    rows.append([.text(dto.party), .text(framework.code), .text(target.code), .text(cycle), .text(target.assessments[cycle] ?? "")])
                }
            }
        }
        return .csv(SpreadsheetCSV.write(rows))
    }

    static func partyProgress(_ req: Request) async throws -> PartyProgressDTO {
        let code = try req.textParameter("code").uppercased()
        guard let party = try await PartyModel.query(on: req.db).filter(\.$alpha2 == code).with(\.$memberships).first() else {
            throw Abort(.notFound)
        }
        // Every CBD Party reports on the CBD frameworks; the others by membership.
        let conventions = Set(["CBD"] + party.memberships.filter { $0.status == "party" }.map(\.conventionCode))
        let assessments = try await ProgressAssessmentModel.query(on: req.db).filter(\.$partyCode == code).all()
        let byTarget = Dictionary(grouping: assessments) { "\($0.framework)/\($0.target)" }
        // Plain rows: a Party may have thousands of values (100 indicators × 30 years).
        struct Value: Decodable { var indicator: String; var period: String; var period_start: Int; var value: Double; var unit: String }
        let values = try await req.db.sql.select().columns("indicator", "period", "period_start", "value", "unit")
            .from(IndicatorValueModel.schema).where("party_code", .equal, code).where("disaggregation", .equal, "")
            .orderBy("period_start").all(decoding: Value.self)
        let valuesByIndicator = Dictionary(grouping: values, by: \.indicator)
        let registry = req.application.synergia.indicators
        let national = try await NationalIndicatorModel.query(on: req.db).filter(\.$partyCode == code).sort(\.$code).all().map(\.asDefinition)
        let cycles = Array(Set(assessments.map(\.cycle))).sorted()
        return PartyProgressDTO(
            party: code, names: party.names, conventions: conventions.sorted(), cycles: cycles,
            frameworks: try await frameworks(on: req.db).filter { conventions.contains($0.conventionCode) }.map { framework in
                .init(code: framework.code, convention: framework.conventionCode, names: framework.names,
                      targets: framework.targets.sorted { $0.position < $1.position }.map { target in
                          let rows = byTarget["\(framework.code)/\(target.code)"] ?? []
                          let indicators = (registry.indicators + national).filter { $0.targets.contains { $0.framework == framework.code && $0.code == target.code } }
                          return .init(
                            code: target.code, title: target.title,
                            assessments: Dictionary(uniqueKeysWithValues: rows.map { ($0.cycle, $0.category) }),
                            indicators: indicators.map { indicator in
                                let series = valuesByIndicator[indicator.code] ?? []
                                return .init(code: indicator.code, name: indicator.name.values, values: series.count,
                                             latestPeriod: series.last?.period, latestValue: series.last?.value, unit: series.last?.unit)
                            })
                      })
            })
    }
}

/// Every target's counts in one cycle.
public struct ProgressOverviewDTO: Content {
    /// The cycle counted (the latest with assessments unless `?cycle=` names one); nil when there is none.
    public var cycle: String?
    /// Cycles with assessments, newest first.
    public var cycles: [String]
    public var frameworks: [Framework]

    public struct Framework: Content { public var code: String; public var names: [String: String]; public var targets: [Target] }
    public struct Target: Content {
        public var code: String; public var title: [String: String]
        /// Category → number of Parties.
        public var overall: [String: Int]
        public var byRegion: [String: [String: Int]]
        public var byConvention: [String: [String: Int]]
    }
}

/// One Party's assessments of every target it reports on, by cycle, and its data for the
/// indicators linked to each target.
public struct PartyProgressDTO: Content {
    public var party: String
    public var names: [String: String]
    public var conventions: [String]
    public var cycles: [String]
    public var frameworks: [Framework]

    public struct Framework: Content {
        public var code: String; public var convention: String; public var names: [String: String]; public var targets: [Target]
    }
    public struct Target: Content {
        public var code: String; public var title: [String: String]
        /// Cycle → category.
        public var assessments: [String: String]
        public var indicators: [Indicator]
    }
    public struct Indicator: Content {
        public var code: String; public var name: [String: String]
        /// How many values (totals) the Party has.
        public var values: Int
        public var latestPeriod: String?; public var latestValue: Double?; public var unit: String?
    }
}

enum ProgressOverviewView {
    static func render(_ page: PageContext, _ dto: ProgressOverviewDTO) -> String {
        func counts(_ raw: [String: Int]) -> ProgressAggregation.Counts { ProgressView.counts(raw) }
        let query = dto.cycle.map { "?cycle=\($0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? $0)".attributeEscaped } ?? ""
        return Layout.render(page, title: page.t("progress.overview"), main: [
            .h1(page.text("progress.overview")),
            .p(page.text("progress.overview-intro")),
            .if(dto.cycles.count > 1, .form(.method(.get), .action("/progress"),
                .label(.for("cycle"), page.text("progress.cycle")), .text(" "),
                .select(.id("cycle"), .attribute(named: "name", value: "cycle"), Layout.options(dto.cycles.map { ($0, $0) }, selected: dto.cycle)),
                .button(.type(.submit), page.text("parties.filter")))),
            .unwrap(dto.cycle) { .p(page.text("progress.cycle"), .text(": \($0) · "), .a(.href("/progress/overview.csv\(query)"), .text("CSV")),
                                    .text(" · "), .a(.href("/api/v1/progress\(query)"), .text("JSON"))) },
            .forEach(dto.frameworks.filter { framework in framework.targets.contains { !$0.overall.isEmpty } }) { framework in
                .section(.id("framework-\(framework.code)".attributeEscaped),
                    .h2(page.name(framework.names)),
                    .element(named: "figure", nodes: [.raw(SVGChart.progressBars(
                        title: LocalizedText(framework.names).resolved(in: page.language).text,
                        counts: framework.targets.map { (label: $0.code, counts: counts($0.overall)) }))]),
                    ProgressView.table(page, framework.targets.map { (label: $0.code, counts: counts($0.overall)) },
                                       categories: ProgressCategory.allCases, label: { page.t("progress.\($0.rawValue)") },
                                       link: { code in "/progress/\(framework.code)/\(code)\(query)" }))
            },
            .if(dto.cycle == nil, .p(page.text("progress.none"))),
        ])
    }
}

enum PartyProgressView {
    static func render(_ page: PageContext, _ dto: PartyProgressDTO) -> String {
        Layout.render(page, title: page.t("progress.party-title", ["party": LocalizedText(dto.names).resolved(in: page.language).text]), main: [
            .h1(page.text("progress.party-title", ["party": LocalizedText(dto.names).resolved(in: page.language).text])),
            .p(.a(.href("/parties/\(dto.party.attributeEscaped)/progress.csv"), .text("CSV")), .text(" · "),
               .a(.href("/api/v1/parties/\(dto.party.attributeEscaped)/progress"), .text("JSON"))),
            .forEach(dto.frameworks) { framework in
                .section(.id("framework-\(framework.code)".attributeEscaped),
                    .h2(page.name(framework.names), .text(" (\(framework.convention))")),
                    .table(.class("data"),
                           .thead(.tr(.th(page.text("frameworks.targets")), .forEach(dto.cycles) { .th(.text($0)) },
                                      .th(page.text("indicators.title")))),
                           .tbody(.forEach(framework.targets) { target in
                               .tr(.th(.attribute(named: "scope", value: "row"),
                                       .a(.href("/progress/\(framework.code.attributeEscaped)/\(target.code.attributeEscaped)"), .text(target.code)),
                                       .text(" "), page.name(target.title)),
                                   .forEach(dto.cycles) { cycle in
                                       .td(.unwrap(target.assessments[cycle].flatMap { ProgressCategory(rawValue: $0) }) { category in
                                           .span(.class("category"),
                                                 .attribute(named: "style", value: "border-left:1em solid \(SVGChart.progressColors[category]!)"),
                                                 page.text("progress.\(category.rawValue)"))
                                       })
                                   },
                                   .td(.forEach(target.indicators) { indicator in
                                       .group(.a(.href("/indicators/\(indicator.code.attributeEscaped)?party=\(dto.party.attributeEscaped)"), .text(indicator.code)),
                                              .unwrap(indicator.latestValue) { value in
                                                  .text(" \(indicator.latestPeriod ?? ""): \(value)\(indicator.unit.map { $0.isEmpty ? "" : " \($0)" } ?? "")")
                                              }, .text(" "))
                                   }))
                           }))
                )
            },
        ])
    }
}
