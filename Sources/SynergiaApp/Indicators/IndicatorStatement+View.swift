import Plot
import SynergiaCore

/// A Party's statement on an indicator it has no values for, and the form its focal points state it with.
enum IndicatorStatementView {
    /// "No data: the national forest inventory runs in 2027", the reason in its own language.
    static func shown(_ page: PageContext, _ statement: IndicatorStatementDTO) -> Node<HTML.BodyContext> {
        .p(.id("indicator-statement"), .class("notice"), .strong(page.text("indicators.statement.\(statement.kind.rawValue)")), .escapedText(": "),
           .span(PageContext.written(in: statement.language.flatMap(Language.init(code:))), .escapedText(statement.reason)))
    }

    /// For a focal point of `party` (who may publish its data): say why there are no values, or take it back.
    static func form(_ page: PageContext, _ code: String, party: String, statement: IndicatorStatementDTO?) -> Node<HTML.BodyContext> {
        guard let user = page.user, user.party == party, AuthorizationPolicy.permits(user.actor, .publishIndicatorData(party: party)) else {
            return .empty
        }
        let action = SiteURL.indicatorStatement(code).path
        return .section(.id("statement-form"),
            .h2(page.text("indicators.statement-title")),
            .form(.method(.post), .action(action), Layout.csrfField(page),
                  .label(.for("statement-kind"), page.text("indicators.statement-kind")),
                  .select(.id("statement-kind"), .attribute(named: "name", value: "kind"),
                          Layout.options(IndicatorStatementKind.allCases.map { ($0.rawValue, page.t("indicators.statement.\($0.rawValue)")) },
                                         selected: statement?.kind.rawValue ?? "")),
                  .label(.for("statement-reason"), page.text("indicators.statement-reason")),
                  .textarea(.id("statement-reason"), .name("reason"), .attribute(named: "required", value: "required"),
                            .attribute(named: "maxlength", value: "\(IndicatorStatementInput.maxReason)"), PageContext.userWritten(),
                            .escapedText(statement?.reason ?? "")),
                  .button(.type(.submit), .id("statement-save"), page.text("indicators.statement-save"))),
            .if(statement != nil, .form(.method(.post), .action(action), Layout.csrfField(page),
                                        .input(.type(.hidden), .name("withdraw"), .value("1")),
                                        .button(.type(.submit), .id("statement-withdraw"), page.text("indicators.statement-withdraw")))))
    }
}
