import SynergiaCore
import Vapor

extension ReportingService {
    /// The shipped templates, every version of each, and the shared elements. A cycle names the
    /// template version it was opened with, and its reports are shown, checked and exported
    /// against that version, even after a newer one ships.
    public struct Templates: Sendable {
        /// The newest version of each template, by id.
        public let byID: [String: ReportTemplate]
        /// Every known version of each template, by id then version.
        let versions: [String: [Int: ReportTemplate]]
        /// The information elements that templates share.
        public let elements: [SharedElement]

        public init(_ templates: [ReportTemplate], elements: [SharedElement]) {
            var versions: [String: [Int: ReportTemplate]] = [:]
            for template in templates { versions[template.id, default: [:]][template.version] = template }
            self.versions = versions
            self.byID = versions.compactMapValues { $0.max(by: { $0.key < $1.key })?.value }
            self.elements = elements
        }

        public static func load() throws -> Templates {
            let current = try ReportTemplates.load()
            return Templates(current + (try ReportTemplates.loadArchived(current: current)), elements: try ReportTemplates.loadElements())
        }

        /// The newest version of a template (to open a cycle); 404 for an unknown id.
        public func template(_ id: String) throws -> ReportTemplate {
            guard let template = byID[id] else { throw Abort(.notFound) }
            return template
        }

        /// The version of a template a cycle was opened with.
        public func template(_ id: String, version: Int) throws -> ReportTemplate {
            guard let template = versions[id]?[version] else {
                throw Abort(.internalServerError, reason: "template \(id) version \(version) is not installed")
            }
            return template
        }

        /// The template of a cycle.
        public func template(of cycle: ReportingCycleModel) throws -> ReportTemplate {
            try template(cycle.templateID, version: cycle.templateVersion)
        }
    }
}
