import Foundation
import SynergiaCore
import Vapor

/// "Languages of this answer" (``AnswerLanguages``): the page, and its form saved as the answer.
extension ReportingRoutes {
    @Sendable static func languagesPage(req: Request) async throws -> Response {
        let loaded = try await ReportAccess.readable(req)
        let model = try await AnswerLanguages.query(req, loaded, question: try req.textParameter("question"))
        return Response.html(AnswerLanguages.View.render(req.page, model, template: loaded.template))
    }

    /// Saves the original and its translations as one new version of the answer, over the version
    /// the form was written over; someone else's save in between is shown beside what was typed,
    /// which stays in the form. Refused (nothing changed) on a language that is not one of the six,
    /// a translation in the original's own language, a text over the format's limit, or a report
    /// that may not be changed.
    @Sendable static func saveLanguages(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let loaded = try await ReportAccess.load(req)
        let questionID = try req.textParameter("question")
        guard let question = loaded.template.question(questionID), AnswerLanguages.isWritten(question) else { throw Abort(.notFound) }
        let form = try req.content.decode(AnswerLanguages.Form.self)
        let base = max(form.baseVersion ?? 0, 0)
        func shownAgain(_ feedback: AnswerLanguages.Feedback, status: HTTPResponseStatus) async throws -> Response {
            let fresh = try await ReportAccess.readable(req)
            let model = try await AnswerLanguages.query(req, fresh, question: questionID)
            return Response.html(AnswerLanguages.View.render(req.page, model, template: fresh.template, feedback: feedback), status: status)
        }
        let typed = AnswerLanguages.Typed(text: WrittenText(form.value ?? "", language: form.language.flatMap(Language.init(rawValue:)),
                                                            translations: Dictionary(uniqueKeysWithValues: Language.allCases.compactMap { language in
                                                                form.translation(language).map { (language, $0) }
                                                            })),
                                          base: base)
        do {
            let text = try form.written(for: question.type)
            let value: AnswerValue = question.type == .shortText ? .shortText(text) : .longText(text)
            // Which translations stay outdated is worked out in the write, over the answer as stored there,
            // less those the editor says still match the original.
            let outcome = try await ReportingService.save(value, question: questionID, baseVersion: base, report: loaded.id,
                                                          template: loaded.template, by: user, writtenIn: req.language,
                                                          confirming: form.stillCurrent, on: req.db)
            if case .conflict(_, let theirs) = outcome {
                return try await shownAgain(.conflict(theirs: theirs, typed: typed), status: .conflict)
            }
        } catch let refusal as Refusal where refusal.status != .forbidden {
            return try await shownAgain(.refused(refusal.catalogKey, typed: typed), status: refusal.status)
        }
        return req.redirect(to: Self.afterSave(loaded, question: questionID))
    }
}
