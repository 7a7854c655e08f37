import Fluent
import Foundation
import SynergiaCore
import Vapor

/// A report's PDF, made by headless Chromium from its printable HTML once per report version,
/// language and content, kept in the database and served from there; making one is bounded
/// (``PDFRenderQueue``).
enum ReportPDFService {
    enum Outcome {
        case pdf(Data)
        /// The HTML is larger than the configured limit.
        case tooLarge
        /// Being made, or too many are: try again soon.
        case preparing
        /// No Chromium here, or it failed: the print view instead (the browser can print it).
        case printView
    }

    static func pdf(html: String, report: UUID, language: String, app: Application, logger: Logger) async throws -> Outcome {
        guard html.utf8.count <= app.synergia.settings.pdf.maxHTMLBytes else { return .tooLarge }
        let key = "\(report.uuidString)|\(language)|\(SHA256Hex.digest(Data(html.utf8)))"
        if let stored = try await ReportPDFStore.find(key: key, on: app.db) { return .pdf(stored) }
        guard ChromiumPDF.executable != nil else { return .printView }
        let db = app.db
        let outcome = await app.synergia.pdfQueue.pdf(key: key, html: { html }, store: { data in
            do {
                try await ReportPDFStore.save(key: key, report: report, language: language, pdf: data, on: db)
            } catch {
                logger.warning("could not keep the PDF of report \(report): \(error)")
            }
        }, logger: logger)
        switch outcome {
        case .ready(let data): return .pdf(data)
        case .preparing, .busy: return .preparing
        case .failed: return .printView
        }
    }
}
