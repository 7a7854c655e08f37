import Fluent
import Foundation
import Plot
import SynergiaCore
import Vapor

/// The synergy page: which questions across conventions share which information element, and,
/// globally or for one Party, how many answers were filled by reuse instead of typed again.
struct SynergyRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("synergy") { req in Response.html(SynergyView.render(req.page, try await Self.synergy(req, party: nil))) }
        routes.get("synergy", ":party") { req in
            Response.html(SynergyView.render(req.page, try await Self.synergy(req, party: try req.textParameter("party").uppercased())))
        }
        routes.get("api", "v1", "synergy") { req in try await Self.synergy(req, party: nil) }
        routes.get("api", "v1", "synergy", ":party") { req in try await Self.synergy(req, party: try req.textParameter("party").uppercased()) }
    }

    static func synergy(_ req: Request, party: String?) async throws -> SynergyDTO {
        if let party, try await PartyModel.query(on: req.db).filter(\.$alpha2 == party).first() == nil { throw Abort(.notFound) }
        let templates = req.application.synergia.templates.byID.values.sorted { $0.id < $1.id }
        let elements = req.application.synergia.templates.elements
        let valuesQuery = ElementValueModel.query(on: req.db)
        let reportsQuery = ReportModel.query(on: req.db).with(\.$cycle)
        if let party { valuesQuery.filter(\.$partyCode == party); reportsQuery.filter(\.$partyCode == party) }
        let values = try await valuesQuery.all()
        // Counted over what the reader may see: published reports, and the drafts of Parties whose drafts they may read.
        let templatesByCycle = req.application.synergia.templates
        let actor = req.actor
        let reports = try await reportsQuery.all().filter { report in
            report.status == .published || ((try? templatesByCycle.template(of: report.cycle)).map {
                AuthorizationPolicy.permits(actor, .readDraftReport(party: report.partyCode, convention: $0.convention))
            } ?? false)
        }
        let detached = Set(try await AnswerModel.query(on: req.db).filter(\.$detached == true).all().map { "\($0.$report.id)|\($0.questionID)" })
        let valueByKey = Dictionary(values.map { ("\($0.partyCode)|\($0.elementID)", $0) }, uniquingKeysWith: { a, _ in a })

        return SynergyDTO(party: party, elements: elements.map { element in
            let questions = templates.flatMap { template in
                template.questions.filter { $0.element == element.id }.map {
                    SynergyDTO.Question(template: template.id, convention: template.convention, question: $0.id, title: $0.title.values)
                }
            }
            var filled = 0, reused = 0
            for report in reports {
                guard let template = try? templatesByCycle.template(of: report.cycle) else { continue }
                for question in template.questions where question.element == element.id {
                    guard let value = valueByKey["\(report.partyCode)|\(element.id)"],
                          !detached.contains("\(report.id!)|\(question.id)") else { continue }
                    filled += 1
                    if value.sourceReportID != report.id { reused += 1 }
                }
            }
            return SynergyDTO.Element(id: element.id, title: element.title.values, questions: questions,
                                      conventions: Array(Set(questions.map(\.convention))).sorted(),
                                      partiesWithValue: Set(values.filter { value in
                                          value.elementID == element.id && reports.contains { $0.partyCode == value.partyCode }
                                      }.map(\.partyCode)).count,
                                      answersFilled: filled, answersReused: reused)
        })
    }
}

/// Shared information elements across conventions' templates, and their reuse.
public struct SynergyDTO: Content {
    public var party: String?
    public var elements: [Element]

    public struct Element: Content {
        public var id: String
        public var title: [String: String]
        public var questions: [Question]
        public var conventions: [String]
        public var partiesWithValue: Int
        /// Answers in reports that show the shared value.
        public var answersFilled: Int
        /// Of those, the ones entered in another report: typed once, reused here.
        public var answersReused: Int
    }

    public struct Question: Content {
        public var template: String
        public var convention: String
        public var question: String
        public var title: [String: String]
    }
}

enum SynergyView {
    static func render(_ page: PageContext, _ synergy: SynergyDTO) -> String {
        Layout.render(page, title: page.t("synergy.title"), main: [
            .h1(page.text("synergy.title"), .unwrap(synergy.party) { .text(" — \($0)") }),
            .p(page.text("synergy.lead")),
            .table(
                .thead(.tr(.th(page.text("synergy.element")), .th(page.text("synergy.questions")), .th(page.text("synergy.parties")),
                           .th(page.text("synergy.filled")), .th(page.text("synergy.reused")))),
                .tbody(.forEach(synergy.elements) { element in
                    .tr(.id("element-\(element.id)".attributeEscaped),
                        .th(.attribute(named: "scope", value: "row"), page.name(element.title)),
                        .td(.ul(.forEach(element.questions) { question in
                            .li(.strong(.text(question.convention)), .text(" "), page.name(question.title), .text(" "), .small(.text(question.question)))
                        })),
                        .td(.text("\(element.partiesWithValue)")),
                        .td(.text("\(element.answersFilled)")),
                        .td(.text("\(element.answersReused)")))
                })
            ),
        ])
    }
}
