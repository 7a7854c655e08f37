import Foundation
import Plot
import SynergiaCore

extension AnswerLanguages {
    enum View {
        static func render(_ page: PageContext, _ model: Model, template: ReportTemplate, feedback: Feedback = .none) -> String {
            let party = ReportPage.View.partyName(page, model.party, model.partyNames)
            let questionTitle = model.question.title.resolved(in: page.language).text
            return Layout.render(page, title: "\(page.t("report.languages-title")) — \(questionTitle) — \(party)",
                                 json: .api(.report(model.report)), main: [
                .p(.class("breadcrumb"), .a(.href(SiteURL.report(model.report).path), page.name(template.title)), .escapedText(" — "),
                   ReportPage.View.partyLink(page, model.party, model.partyNames), .escapedText(" — "),
                   .a(.href(SiteURL.reportSection(model.report, section: model.section.id).path + "#q-" + SiteURL.fragment(model.question.id)),
                      page.name(model.section.title))),
                .h1(page.text("report.languages-title")),
                .h2(page.name(model.question.title)),
                alert(page, model, feedback),
                model.canEdit ? form(page, model, typed: feedback.refusedTyped ?? feedback.typed.map { Typed(text: $0.text, base: model.version) })
                    : readOnly(page, model),
            ])
        }

        static func alert(_ page: PageContext, _ model: Model, _ feedback: Feedback) -> Node<HTML.BodyContext> {
            switch feedback {
            case .none: return .empty
            case .refused(let key, _):
                return .p(.id("refused"), .class("error"), .attribute(named: "role", value: "alert"), page.text(key))
            case .conflict(let theirs, _):
                // Theirs as stored, every language; what the person typed stays in the form below.
                return .div(.id("conflict"), .class("alert"), .attribute(named: "role", value: "alert"),
                            .p(page.text("reporting.conflict", ["author": theirs.author])),
                            .p(.strong(page.text("reporting.theirs"))),
                            versions(page, model.question, theirs.value.writtenText ?? WrittenText("")),
                            .p(page.text("report.languages-keep-mine")))
            }
        }

        /// Every language the text is in, the original first, each marked with its `lang` and `dir`.
        static func versions(_ page: PageContext, _ question: TemplateQuestion, _ text: WrittenText) -> Node<HTML.BodyContext> {
            let rows: [(Language?, String, Bool)] = [(text.language, text.text, true)]
                + Language.unOrder.compactMap { language in
                    guard language != text.language, let translation = text.translations?[language] else { return nil }
                    return (language, translation, false)
                }
            return .dl(.class("languages"), .forEach(rows) { language, written, original in
                .group(.dt(.unwrap(language, { .escapedText(page.formats.languageName($0)) }, else: page.text("report.language-unknown")),
                           .if(original, .group(.escapedText(" — "), page.text("report.original-text"))),
                           .if(!original && language.map { text.outdated?.contains($0) == true } == true,
                               .group(.escapedText(" — "), .strong(.class("outdated"), page.text("report.translation-outdated-short"))))),
                       .dd(ReportPage.QuestionView.attributes(page, WrittenText.Shown(text: written, language: language, translated: !original, original: nil)),
                           question.type == .longText ? .div(.class("md"), .raw(SafeMarkdown.html(written))) : .p(.escapedText(written))))
            })
        }

        static func readOnly(_ page: PageContext, _ model: Model) -> Node<HTML.BodyContext> {
            model.answered ? versions(page, model.question, model.text) : .p(.class("note"), page.text("report.languages-none"))
        }

        /// For a translation made from an earlier original: the warning, and the box that says it still matches.
        static func stillCurrent(_ page: PageContext, _ language: Language) -> Node<HTML.BodyContext> {
            .group(.br(), .strong(.class("outdated"), page.text("report.translation-outdated")), .br(),
                   .input(.type(.checkbox), .id("c-\(language.code)"), .name("c-\(language.code)")),
                   .label(.for("c-\(language.code)"), page.text("report.translation-still-current")))
        }

        /// The original and its language, then a field for each other language; over the version
        /// now stored (after a conflict, theirs: saving again keeps what was typed).
        static func form(_ page: PageContext, _ model: Model, typed: Typed?) -> Node<HTML.BodyContext> {
            let shown = typed?.text ?? model.text
            // After a conflict, over the version now stored (theirs: the model is read again), so saving keeps
            // what was typed; after a refusal, still over the version the form was written over.
            let base = typed?.base ?? model.version
            let original = shown.language ?? page.language
            let long = model.question.type == .longText
            let maxLength = model.question.maxLength.map(String.init) ?? ""
            func field(_ name: String, id: String, text: String, language: Language?) -> Node<HTML.BodyContext> {
                // Its language when known; else unknown, laid out by its own first letters.
                let lang = Attribute<HTML.TextAreaContext>(name: "lang", value: language?.code ?? "", ignoreIfValueIsEmpty: false)
                let dir = language.map { $0.isRightToLeft ? "rtl" : "ltr" } ?? "auto"
                if long {
                    return .textarea(.id(id), .name(name), .attribute(named: "rows", value: "6"), .attribute(lang),
                                     .attribute(named: "dir", value: dir), .attribute(named: "maxlength", value: maxLength),
                                     .raw("\n"), .escapedText(text))
                }
                return .input(.type(.text), .id(id), .name(name), .value(text.attributeEscaped), .attribute(named: "maxlength", value: maxLength),
                              Attribute(name: "lang", value: language?.code ?? "", ignoreIfValueIsEmpty: false), .attribute(named: "dir", value: dir))
            }
            return .form(.id("languages-form"), .method(.post), .action(SiteURL.reportAnswerLanguages(model.report, question: model.question.id).path),
                         .raw(Layout.csrfField(page).render()),
                         .input(.type(.hidden), .name("baseVersion"), .value("\(base)")),
                         .p(.class("note"), page.text("report.languages-help")),
                         .p(.label(.for("original"), .strong(page.text("report.original-text"))), .br(),
                            field("value", id: "original", text: shown.text, language: shown.language)),
                         .p(.label(.for("language"), page.text("report.original-language")), .escapedText(" "),
                            .select(.id("language"), .attribute(named: "name", value: "language"),
                                    Layout.options(Language.unOrder.map { ($0.code, page.formats.languageName($0)) }, selected: original.code))),
                         .forEach(Language.unOrder.filter { $0 != shown.language }) { language in
                             .p(.label(.for("t-\(language.code)"), .attribute(named: "lang", value: language.code), .escapedText(language.nativeName)),
                                .escapedText(" "), .span(.class("note"), .escapedText("(\(page.formats.languageName(language)))")), .br(),
                                field("t-\(language.code)", id: "t-\(language.code)", text: shown.translations?[language] ?? "", language: language),
                                .if(model.text.outdated?.contains(language) == true, stillCurrent(page, language)))
                         },
                         .button(.type(.submit), .id("save-languages"), page.text("actions.save")))
        }
    }
}
