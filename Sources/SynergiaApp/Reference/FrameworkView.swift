import Plot

/// A framework with its goals and, under each, its targets.
enum FrameworkView {
    static func render(_ page: PageContext, _ dto: FrameworkDTO) -> String {
        let framework = dto.framework
        let title = framework.names["en"] ?? framework.code
        return Layout.render(page, title: title, json: .api(.framework(framework.code)), main: [
            .h1(page.name(framework.names)),
            .p(page.text("frameworks.counts", ["goals": "\(framework.goalCount)", "targets": "\(framework.targetCount)"]),
               .unwrap(framework.adoptedBy) { .group(.escapedText(" · "), .escapedText($0)) },
               .unwrap(framework.periodFrom) { from in .group(.escapedText(" · \(from)–\(framework.periodTo.map(String.init) ?? "")")) }),
            .forEach(dto.goals) { goal in
                .section(
                    .class("goal"),
                    .id("goal-\(goal.code)".attributeEscaped),
                    .h2(.if(goal.code.isEmpty, page.text("frameworks.targets"),
                            else: .group(page.text("frameworks.goal", ["code": goal.code]), .escapedText(": "), page.name(goal.title)))),
                    .ol(.class("targets"), .forEach(goal.targets) { target in
                        .li(
                            .id("target-\(target.code)".attributeEscaped),
                            .h3(page.text("frameworks.target", ["code": target.code]), .escapedText(" — "), page.name(target.title)),
                            .unwrap(target.text) { .p(page.name($0)) },
                            .p(.small(.a(.href(SiteURL.progressTarget(framework: framework.code, target: target.code).path), page.text("progress.title"))))
                        )
                    })
                )
            },
        ])
    }
}
