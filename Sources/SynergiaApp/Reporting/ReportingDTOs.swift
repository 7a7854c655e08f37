import Foundation
import SynergiaCore
import Vapor

/// A reporting cycle.
public struct CycleDTO: Content, Equatable, Sendable {
    public var id: UUID; public var template: String; public var templateVersion: Int; public var convention: String
    public var title: String; public var opensOn: String; public var dueOn: String; public var status: CycleStatus
    init(_ row: ReportingCycleModel) {
        id = row.id!; template = row.templateID; templateVersion = row.templateVersion; convention = row.conventionCode
        title = row.title; opensOn = row.opensOn; dueOn = row.dueOn; status = row.status
    }
}
