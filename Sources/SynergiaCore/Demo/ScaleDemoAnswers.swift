/// Generated answers for filling reports at scale (load tests and benchmarks): a value of the
/// question's type that passes ``AnswerValidation``. Deterministic for a generator state.
public enum ScaleDemoAnswers {
    /// `translated`: a narrative carries its French and Spanish translations too.
    public static func answer(for question: TemplateQuestion, random: inout DemoRandom, translated: Bool = false) -> AnswerValue {
        let n = Int(random.next() % 10_000)
        switch question.type {
        case .shortText:
            return .shortText(WrittenText("Generated answer \(n)", language: .english))
        case .longText:
            return .longText(WrittenText("Generated demo text \(n). The measures described here were taken by the responsible ministries "
                                         + "with the national statistics office; results are summarised in the national indicators.",
                                         language: .english, translations: translated ? [
                                            .french: "Texte de démonstration généré \(n). Les mesures décrites ici ont été prises par les ministères "
                                                + "compétents avec l’office national de la statistique ; les résultats sont résumés dans les indicateurs nationaux.",
                                            .spanish: "Texto de demostración generado \(n). Las medidas aquí descritas fueron adoptadas por los ministerios "
                                                + "competentes con la oficina nacional de estadística; los resultados se resumen en los indicadores nacionales.",
                                         ] : nil))
        case .yesNo:
            return .yesNo(n % 2 == 0)
        case .singleChoice:
            let choices = question.choices ?? []
            return .singleChoice(choices.isEmpty ? "" : choices[n % choices.count].id)
        case .multipleChoice:
            let choices = question.choices ?? []
            return .multipleChoice(choices.enumerated().filter { ($0.offset + n) % 3 == 0 }.map(\.element.id))
        case .number:
            return .number(Double(n) / 10)
        case .date:
            return .date("20\(10 + n % 15)-0\(1 + n % 9)-1\(n % 9)")
        case .link:
            return .link(.url("https://example.org/generated/\(n)"))
        case .progressAssessment:
            return .progressAssessment(ProgressRating.allCases[n % ProgressRating.allCases.count])
        case .indicatorSeries:
            return .indicatorSeries((0..<5).map { SeriesPoint(period: String(2016 + $0 * 2), value: Double(n % 100 + $0), unit: question.unit) })
        case .table:
            let columns = (question.columns ?? []).map { column in
                (column.id, TemplateQuestion(id: "\(question.id)#\(column.id)", type: column.type, title: column.title))
            }
            return .table((0..<3).map { _ in
                Dictionary(uniqueKeysWithValues: columns.map { ($0.0, answer(for: $0.1, random: &random)) })
            })
        }
    }
}
