import Foundation
import Plot
import SynergiaCore

extension TranslationsPage {
    enum View {
        static func render(_ page: PageContext, _ model: Model, feedback: Feedback = .none) -> String {
            Layout.render(page, title: "\(page.t("translations.title")) — \(model.heading)", json: model.json, main: [
                .p(.class("breadcrumb"), .a(.href(model.back), .span(attributes(model.language), .escapedText(model.heading)))),
                .h1(page.text("translations.title")),
                .unwrap(model.language) { language in
                    .p(.class("note"), page.text("report.original-language"), .escapedText(": " + page.formats.languageName(language)))
                },
                alert(page, model, feedback),
                model.canEdit ? form(page, model, typed: feedback.typed, shown: { if case .refused(_, _, let shown) = feedback { return shown }; return nil }())
                    : listing(page, model, model.translations),
            ])
        }

        static func alert(_ page: PageContext, _ model: Model, _ feedback: Feedback) -> Node<HTML.BodyContext> {
            switch feedback {
            case .none: return .empty
            case .refused(let key, _, _): return .p(.id("refused"), .class("error"), .attribute(named: "role", value: "alert"), page.text(key))
            case .conflict:
                return .div(.id("conflict"), .class("alert"), .attribute(named: "role", value: "alert"),
                            .p(page.text("translations.conflict")), listing(page, model, model.translations))
            }
        }

        /// Each field as written, then in each language it is translated into.
        static func listing(_ page: PageContext, _ model: Model, _ translations: FieldTranslations) -> Node<HTML.BodyContext> {
            .forEach(model.kind.fields) { field in
                .section(.h2(page.text(model.kind.labelKey(field))),
                         .dl(.class("languages"),
                             .dt(.unwrap(model.language, { .escapedText(page.formats.languageName($0)) }, else: page.text("report.language-unknown")),
                                 .escapedText(" — "), page.text("report.original-text")),
                             .dd(attributes(model.language), .escapedText(model.originals[field] ?? "")),
                             .forEach(Language.unOrder.filter { translations[field]?[$0] != nil && $0 != model.language }) { language in
                                 .group(.dt(.escapedText(page.formats.languageName(language))),
                                        .dd(attributes(language), .escapedText(translations[field]?[language] ?? "")))
                             }))
            }
        }

        /// A field per field and language, over the translations as stored (their digest), or after a
        /// refusal over those the form was first written over (`shown`).
        static func form(_ page: PageContext, _ model: Model, typed: FieldTranslations?, shown: String? = nil) -> Node<HTML.BodyContext> {
            let values = typed ?? model.translations
            return .form(.id("translations-form"), .method(.post), .action(SiteURL.translations(model.kind, model.subject).path),
                         .raw(Layout.csrfField(page).render()),
                         .input(.type(.hidden), .name("shown"), .value((shown ?? ContentTranslationStore.digest(model.translations)).attributeEscaped)),
                         .p(.class("note"), page.text("translations.help")),
                         .forEach(model.kind.fields) { field in
                             .div(.class("field-languages"), .h2(page.text(model.kind.labelKey(field))),
                                  .p(.class("original"), .strong(page.text("report.original-text")), .escapedText(" "),
                                     .span(attributes(model.language), .escapedText(model.originals[field] ?? ""))),
                                  .forEach(Language.unOrder.filter { $0 != model.language }) { language in
                                      control(page, field: field, language: language, long: model.kind.isLong(field),
                                              text: values[field]?[language] ?? "")
                                  })
                         },
                         .button(.type(.submit), .id("save-translations"), page.text("actions.save")))
        }

        static func control(_ page: PageContext, field: String, language: Language, long: Bool, text: String) -> Node<HTML.FormContext> {
            let id = "f.\(field).\(language.code)"
            let dir = language.isRightToLeft ? "rtl" : "ltr"
            let label: Node<HTML.BodyContext> = .label(.for(id), .attribute(named: "lang", value: language.code), .escapedText(language.nativeName))
            let note: Node<HTML.BodyContext> = .span(.class("note"), .escapedText(" (\(page.formats.languageName(language)))"))
            if long {
                return .p(label, note, .br(), .textarea(.id(id), .name(id), .rows(4), .attribute(named: "lang", value: language.code),
                                                        .attribute(named: "dir", value: dir), .raw("\n"), .escapedText(text)))
            }
            return .p(label, note, .br(), .input(.type(.text), .id(id), .name(id), .value(text.attributeEscaped),
                                                 .attribute(named: "lang", value: language.code), .attribute(named: "dir", value: dir)))
        }

        /// `lang` and `dir` of a text in `language`; nothing when not recorded (a record written before
        /// Synergia recorded it, such as the reference data's meetings, reads as the page).
        static func marked<C>(_ language: Language?) -> Node<C> { language == nil ? .empty : attributes(language) }

        /// `lang` and `dir` of a text in `language`; unknown and by its own letters when nil.
        static func attributes<C>(_ language: Language?) -> Node<C> { PageContext.written(in: language) }
    }
}
