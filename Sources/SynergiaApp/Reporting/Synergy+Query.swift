import Fluent
import SynergiaCore
import Vapor

extension Synergy {
    /// The elements, counted over what `actor` may see: published reports, and the drafts of
    /// Parties whose drafts they may read (of one Party when `party` is given; 404 when it is unknown).
    static func query(party: String?, actor: Actor, templates templatesByCycle: ReportingService.Templates, on db: any Database) async throws -> Model {
        if let party, try await PartyModel.query(on: db).filter(\.$alpha2 == party).first() == nil { throw Abort(.notFound) }
        let templates = templatesByCycle.byID.values.sorted { $0.id < $1.id }
        let elements = templatesByCycle.elements
        let valuesQuery = ElementValueModel.query(on: db)
        let reportsQuery = ReportModel.query(on: db).with(\.$cycle)
        if let party { valuesQuery.filter(\.$partyCode == party); reportsQuery.filter(\.$partyCode == party) }
        let values = try await valuesQuery.all()
        let reports = try await reportsQuery.all().filter { report in
            report.status == .published || ((try? templatesByCycle.template(of: report.cycle)).map {
                AuthorizationPolicy.permits(actor, .readDraftReport(party: report.partyCode, convention: $0.convention))
            } ?? false)
        }
        let detached = Set(try await AnswerModel.query(on: db).filter(\.$detached == true).all().map { "\($0.$report.id)|\($0.questionID)" })
        let valueByKey = Dictionary(values.map { ("\($0.partyCode)|\($0.elementID)", $0) }, uniquingKeysWith: { a, _ in a })

        return Model(party: party, elements: try await sharedElements(), nationalTargets: try await nationalTargets(
            party: party, actor: actor, reports: reports, templates: templatesByCycle, on: db))

        func sharedElements() async throws -> [Model.Element] { elements.map { element in
            let questions = templates.flatMap { template in
                template.questions.filter { $0.element == element.id }.map {
                    Model.Question(template: template.id, convention: template.convention, question: $0.id, title: $0.title.values)
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
            return Model.Element(id: element.id, title: element.title.values, questions: questions,
                                      conventions: Array(Set(questions.map(\.convention))).sorted(),
                                      partiesWithValue: Set(values.filter { value in
                                          value.elementID == element.id && reports.contains { $0.partyCode == value.partyCode }
                                      }.map(\.partyCode)).count,
                                      answersFilled: filled, answersReused: reused)
        } }
    }

    /// The national targets the reader may see, the conventions whose targets they serve, and the
    /// `reports` (already those the reader may see) that show one.
    static func nationalTargets(party: String?, actor: Actor, reports: [ReportModel], templates: ReportingService.Templates,
                                on db: any Database) async throws -> Model.NationalTargets {
        let query = NationalTargetModel.query(on: db)
        if let party { query.filter(\.$partyCode == party) }
        let rows = try await query.all().filter { $0.status == .published || NationalTargetService.mayReadDrafts(actor, party: $0.partyCode) }
        let conventionOf = Dictionary(try await FrameworkModel.query(on: db).all().map { ($0.code, $0.conventionCode) }, uniquingKeysWith: { a, _ in a })
        var byConvention: [String: Int] = [:]
        var servedByParty: [String: Set<TargetReference>] = [:]
        for row in rows {
            let served = row.content.servedTargets
            servedByParty[row.partyCode, default: []].formUnion(served)
            for convention in Set(served.compactMap { conventionOf[$0.framework] }) { byConvention[convention, default: 0] += 1 }
        }
        let showing = reports.filter { report in
            guard let served = servedByParty[report.partyCode], let template = try? templates.template(of: report.cycle) else { return false }
            return template.questions.contains { $0.target.map(served.contains) ?? false }
        }
        return .init(targets: rows.count, byConvention: byConvention, reportsShowing: showing.count)
    }
}
