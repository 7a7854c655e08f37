import Foundation
import Plot
import SynergiaCore

/// A file cited by an answer, and the form that attaches one.
enum AttachmentView {
    /// The file an answer cites: its name (a download), size, type, and the SHA-256 a receipt seals.
    static func cited(_ page: PageContext, report: UUID, _ value: AnswerValue?, _ attachments: [String: AttachmentInfo]) -> Node<HTML.BodyContext> {
        guard let value, let info = cited(value, in: attachments) else { return .empty }
        return .p(.class("attachment"),
                  .strong(page.text("attachment.file")), .escapedText(" "),
                  // A file's name is in no known language: it reads in its own direction.
                  .a(.href(SiteURL.reportAttachment(report, attachment: info.id).path), .attribute(named: "download", value: ""),
                     PageContext.userWritten(), .escapedText(info.filename)),
                  details(page, size: info.size, sha256: info.sha256))
    }

    /// A cited file on paper: its name, size and SHA-256; nil for any other answer.
    static func printed(_ page: PageContext, _ value: AnswerValue, _ attachments: [String: AttachmentInfo]) -> Node<HTML.BodyContext>? {
        guard let info = cited(value, in: attachments) else { return nil }
        return .p(.span(PageContext.userWritten(), .escapedText(info.filename)), details(page, size: info.size, sha256: info.sha256))
    }

    /// " (12 KB) · SHA-256 …" after a file's name.
    static func details(_ page: PageContext, size: Int, sha256: String) -> Node<HTML.BodyContext> {
        .group(.escapedText(" (" + page.t("attachment.size", ["kb": page.formats.number(max(1, (size + 1023) / 1024))]) + ") · "),
               .span(.class("note"), .escapedText("SHA-256 "), .code(.escapedText(sha256))))
    }

    /// The file a link answer cites, as the report's model holds it (by its id, upper-cased).
    static func cited(_ value: AnswerValue, in attachments: [String: AttachmentInfo]) -> AttachmentInfo? {
        guard case .link(.file(let reference)) = value else { return nil }
        return attachments[UUID(uuidString: reference)?.uuidString ?? reference]
    }

    /// Whether the question takes a file: a report's own link question.
    static func attachable(_ question: TemplateQuestion) -> Bool { question.type == .link && question.element == nil }

    /// The file field and button, inside a section's form: they send the form `formID` (``form(_:report:question:version:id:)``), after it.
    static func controls(_ page: PageContext, question: TemplateQuestion, formID: String) -> Node<HTML.BodyContext> {
        let id = "file-\(question.id)".attributeEscaped, form = formID.attributeEscaped
        return .div(.class("attach"),
                    .label(.for(id), page.text("attachment.attach-label")),
                    .input(.type(.file), .id(id), .name("file"), .attribute(named: "form", value: form),
                           .attribute(named: "accept", value: AttachmentType.accept)),
                    .button(.type(.submit), .attribute(named: "form", value: form), page.text("attachment.attach")),
                    .p(.class("note"), page.text("attachment.types")))
    }

    /// The form a file is sent with (and the answer's version it replaces), its controls inside the section's form.
    static func form(_ page: PageContext, report: UUID, question: TemplateQuestion, version: Int, id: String) -> Node<HTML.BodyContext> {
        .form(.id(id), .method(.post), .action(SiteURL.reportAttach(report, question: question.id).path), .enctype(.multipartData),
              Layout.csrfField(page), .input(.type(.hidden), .name("baseVersion"), .value("\(version)")))
    }
}
