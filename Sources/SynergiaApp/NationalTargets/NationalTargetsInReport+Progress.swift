import Plot
import SynergiaCore

extension NationalTargetsInReport {
    /// The national targets a section written per national target reports on (those serving one of its global targets).
    static func reporting(on section: TemplateSection, _ entries: [Entry]) -> [Entry] {
        guard section.byNationalTarget == true else { return [] }
        let asked = asked(section)
        return entries.filter { $0.targets.contains(where: asked.contains) }
    }

    /// `FRAMEWORK/CODE` of the targets the section's questions are on.
    static func asked(_ section: TemplateSection) -> Set<String> {
        Set(section.questions.compactMap(\.target).map { "\($0.framework)/\($0.code)" })
    }

    /// The questions of `section` the published targets among `entries` answer for (none outside a section written per national target).
    static func covered(_ section: TemplateSection, _ entries: [Entry]) -> Set<String> {
        guard section.byNationalTarget == true else { return [] }
        return TemplateSection.answered(section, byNationalTargets: coverage(entries))
    }

    /// Those of `entries` no section of `template` written per national target reports on.
    static func notReportedPerTarget(_ template: ReportTemplate, _ entries: [Entry]) -> [Entry] {
        let reported = Set(template.sections.flatMap { reporting(on: $0, entries) }.map(\.code))
        return entries.filter { !reported.contains($0.code) }
    }

    /// A section written per national target (the CBD 7th report's progress): one entry per
    /// national target — the global targets it reports on, its progress and what was achieved,
    /// entered once on the target — then the questions on the global targets no published
    /// national target reports on. `canEdit`: the reader prepares the report (the link to assess
    /// a target's progress; the target's own page decides who may change it).
    static func progress(_ page: PageContext, party: String, section: TemplateSection, _ entries: [Entry], canEdit: Bool) -> Node<HTML.BodyContext> {
        guard section.byNationalTarget == true else { return .empty }
        let asked = asked(section)
        let reporting = reporting(on: section, entries)
        return .div(.class("by-national-target"), .id("national-target-progress"),
            .h3(page.text("national-targets.progress-title")),
            .if(reporting.contains { $0.sealedVersion != nil }, .p(.class("note"), page.text("national-targets.sealed"))),
            .if(reporting.isEmpty, .p(.class("note"), page.text("national-targets.progress-none")), else: .group(
                .forEach(reporting) { entry in
                    .div(.class("national-target"), .id("nt-\(entry.code.attributeEscaped)"),
                        .h4(link(page, party: party, entry)),
                        .p(.class("note"), page.text("national-targets.reports-on"), .escapedText(" "),
                           .forEach(entry.targets.filter(asked.contains)) { .group(Links.target(page, $0), .escapedText(" ")) }),
                        .p(.class(entry.progress == nil && entry.status == .published ? "error" : "progress"),
                           .strong(page.text("progress.category")), .escapedText(": "), NationalTargetViewParts.progress(page, entry.progress)),
                        NationalTargetViewParts.markdown(page, entry.shown("summary", to: page.language)),
                        .if(entry.status == .draft, .p(.class("note"), page.text("national-targets.progress-draft"))),
                        .if(canEdit && entry.sealedVersion == nil && entry.mayChange == true,
                            .p(.a(.href(SiteURL.nationalTargetAction(party: party, code: entry.code, .edit).path + "#progress"),
                                  page.text("national-targets.assess-progress")))))
                },
                .p(.class("note"), page.text("national-targets.progress-rest")))))
    }

    /// The same entries on paper: each target, its progress and what was achieved.
    static func printed(_ page: PageContext, section: TemplateSection, _ entries: [Entry]) -> Node<HTML.BodyContext> {
        let reporting = reporting(on: section, entries)
        return .if(!reporting.isEmpty, .dl(.class("national-targets"), .forEach(reporting) { entry in
            .group(.dt(.escapedText(entry.code + " "), NationalTargetViewParts.written(page, entry.shown("title", to: page.language)),
                       .if(entry.status == .draft, .group(.escapedText(" "), .span(.class("badge"), page.text("national-targets.draft"))))),
                   .dd(.p(NationalTargetViewParts.progress(page, entry.progress)), NationalTargetViewParts.markdown(page, entry.shown("summary", to: page.language))))
        }))
    }
}
