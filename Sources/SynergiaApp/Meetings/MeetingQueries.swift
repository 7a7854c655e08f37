import Fluent
import Foundation
import Vapor

/// The reads behind the meeting pages, their API twins and the calendar feed.
enum MeetingQueries {
    static func list(convention: String?, page: Pagination? = nil, on db: any Database) async throws -> [MeetingSummaryDTO] {
        let query = MeetingModel.query(on: db).sort(\.$startDate).sort(\.$code)
        if let convention { query.filter(\.$conventionCode == convention.uppercased()) }
        if let page { query.onPage(page) }
        let rows = try await query.all()
        let translations = try await ContentTranslationStore.load(.meeting, subjects: rows.map(\.code), on: db)
        return rows.map { MeetingSummaryDTO($0, translations: translations[$0.code] ?? [:]) }
    }

    /// Every meeting by start date (the site's calendar).
    static func all(on db: any Database) async throws -> [MeetingModel] {
        try await MeetingModel.query(on: db).sort(\.$startDate).all()
    }

    /// A document of `meeting` (404 when it has none with that id).
    static func document(_ id: UUID, of meeting: MeetingModel, on db: any Database) async throws -> MeetingDocumentModel {
        guard let document = try await MeetingDocumentModel.query(on: db).filter(\.$id == id)
                .filter(\.$meeting.$id == meeting.requireID()).first() else { throw Abort(.notFound) }
        return document
    }

    static func meeting(_ code: String, on db: any Database) async throws -> MeetingModel {
        guard let meeting = try await MeetingModel.query(on: db).filter(\.$code == code.uppercased()).first() else {
            throw Abort(.notFound)
        }
        return meeting
    }

    static func detail(_ code: String, on db: any Database) async throws -> MeetingDetailDTO {
        let meeting = try await meeting(code, on: db)
        let id = try meeting.requireID()
        let agenda = try await AgendaItemModel.query(on: db).filter(\.$meeting.$id == id).sort(\.$position).all()
        let own = try await MeetingDocumentModel.query(on: db).filter(\.$meeting.$id == id).with(\.$transmittedTo).sort(\.$createdAt).all()
        let transmissions = try await DocumentTransmissionModel.query(on: db).filter(\.$meeting.$id == id)
            .with(\.$document) { $0.with(\.$meeting).with(\.$transmittedTo) }.all()
        var documents = own.map { document(own: $0, from: nil) }
        documents += transmissions.map { document(own: $0.document, from: $0.document.meeting.code) }
        let participants = try await ParticipantModel.query(on: db).filter(\.$meeting.$id == id).all()
        var counts: [String: Int] = [:]
        for participant in participants where participant.status == .registered { counts[participant.category.rawValue, default: 0] += 1 }
        let translations = try await ContentTranslationStore.load(.meeting, subjects: [meeting.code], on: db)[meeting.code] ?? [:]
        return MeetingDetailDTO(meeting: MeetingSummaryDTO(meeting, translations: translations), description: meeting.description,
                                language: meeting.language, translations: translations.coded,
                                agenda: agenda.map { .init(number: $0.number, title: $0.title) }, documents: documents,
                                participantCounts: counts, invitedCount: participants.filter { $0.status == .invited }.count,
                                registeredCount: participants.filter { $0.status == .registered }.count)
    }

    static func document(own row: MeetingDocumentModel, from: String?) -> MeetingDetailDTO.DocumentDTO {
        .init(id: row.id!, symbol: row.symbol, title: row.title, languages: row.languages.split(separator: ",").map(String.init),
              link: row.link, transmittedFrom: from, transmittedTo: row.transmittedTo.map(\.code).sorted())
    }

    static func participants(of meeting: MeetingModel, on db: any Database) async throws -> [ParticipantDTO] {
        try await ParticipantModel.query(on: db).filter(\.$meeting.$id == meeting.requireID()).sort(\.$name).all().map {
            ParticipantDTO(name: $0.name, email: $0.email, category: $0.category, party: $0.partyCode,
                           organization: $0.organization, status: $0.status)
        }
    }
}
