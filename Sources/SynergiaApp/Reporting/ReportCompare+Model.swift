import Foundation
import SynergiaCore
import Vapor

/// Two versions of a report side by side, question by question; differing answers are marked.
enum ReportCompare {}

extension ReportCompare {
    struct Model: Content, Sendable {
        var party: String
        var template: String
        var left: Side
        var right: Side

        struct Side: Content, Sendable {
            var id: UUID
            var version: Int
            /// Question → answer: as submitted when that version was submitted, else as now.
            var answers: [String: AnswerValue]
        }
    }
}
