import Fluent
import SynergiaCore

extension Crosswalks {
    static func query(target: String?, actor: Actor, on db: any Database) async throws -> Model {
        let frameworks = try await FrameworkModel.query(on: db).sort(\.$position).all()
        return Model(links: try await links(touching: target, on: db), target: target, frameworks: frameworks.map(\.code),
                     canEdit: frameworks.contains { AuthorizationPolicy.permits(actor, .editCrosswalks(convention: $0.conventionCode)) })
    }

    /// Every link, or those touching `target` (`FRAMEWORK/CODE`).
    static func links(touching target: String?, on db: any Database) async throws -> [TargetLinkDTO] {
        let query = TargetLinkModel.query(on: db).sort(\.$fromFramework).sort(\.$fromCode).sort(\.$toFramework).sort(\.$toCode)
        if let target {
            let parts = target.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return [] }
            query.group(.or) { either in
                either.group(.and) { $0.filter(\.$fromFramework == parts[0]).filter(\.$fromCode == parts[1]) }
                either.group(.and) { $0.filter(\.$toFramework == parts[0]).filter(\.$toCode == parts[1]) }
            }
        }
        return try await query.all().map(TargetLinkDTO.init)
    }
}
