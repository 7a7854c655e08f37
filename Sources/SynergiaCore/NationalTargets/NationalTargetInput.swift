import Foundation

/// A national target as a form or an API client sends it, before it is checked.
public struct NationalTargetForm: Sendable, Equatable {
    public var title: String?
    public var description: String?
    /// GBF goal or target code → degree (`high`, `medium`, `low`; empty: not aligned).
    public var degrees: [String: String]
    /// GBF goal or target code → the elements covered.
    public var elements: [String: String]
    public var indicators: [String]
    /// `FRAMEWORK/CODE`.
    public var otherTargets: [String]
    /// A ``ProgressRating`` raw value; empty: not assessed.
    public var progress: String?
    public var progressSummary: String?

    public init(title: String? = nil, description: String? = nil, degrees: [String: String] = [:], elements: [String: String] = [:],
                indicators: [String] = [], otherTargets: [String] = [], progress: String? = nil, progressSummary: String? = nil) {
        self.title = title
        self.description = description
        self.degrees = degrees
        self.elements = elements
        self.indicators = indicators
        self.otherTargets = otherTargets
        self.progress = progress
        self.progressSummary = progressSummary
    }
}

/// Checks a national target's code and content: what a Party may store, or the first thing wrong.
public enum NationalTargetInput {
    public static let maxCode = 20
    public static let maxTitle = 300
    public static let maxText = 8_000
    public static let maxElements = 1_000
    public static let maxIndicators = 100
    public static let maxOtherTargets = 100

    /// Why a national target cannot be stored as written.
    public enum Problem: Error, Sendable, Equatable {
        case code, title, tooLong, alignment(String), degree(String), indicator(String), otherTarget(String), progress, tooMany

        public var catalogKey: String {
            switch self {
            case .code: "error.national-target.code"
            case .title: "error.national-target.title"
            case .tooLong: "error.national-target.too-long"
            case .alignment: "error.national-target.alignment"
            case .degree: "error.national-target.degree"
            case .indicator: "error.national-target.indicator"
            case .otherTarget: "error.national-target.other-target"
            case .progress: "error.national-target.progress"
            case .tooMany: "error.national-target.too-many"
            }
        }
    }

    /// The Party's own code for a target (`T3`, `1.2`, `NBT-14`): upper-cased; letters A–Z, digits,
    /// hyphens and dots, at most ``maxCode``, starting with a letter or digit and without `..`.
    public static func code(_ raw: String?) -> Result<String, Problem> {
        let code = (raw ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard !code.isEmpty, code.count <= maxCode, !code.contains(".."),
              code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }),
              let first = code.unicodeScalars.first, first != "-", first != "." else { return .failure(.code) }
        return .success(code)
    }

    /// The content, or the first problem. `gbf`: the framework's goal and target codes in its
    /// order (alignments come out in it); `knownIndicator` and `knownTarget` say whether an
    /// indicator code and a target of another framework exist.
    public static func parse(_ form: NationalTargetForm, language: Language?, gbf: [String],
                             knownIndicator: (String) -> Bool, knownTarget: (TargetReference) -> Bool) -> Result<NationalTargetContent, Problem> {
        func clean(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let title = clean(form.title)
        guard !title.isEmpty else { return .failure(.title) }
        let description = clean(form.description), summary = clean(form.progressSummary)
        guard title.count <= maxTitle, description.count <= maxText, summary.count <= maxText else { return .failure(.tooLong) }

        var alignments: [TargetAlignment] = []
        let named = Set(form.degrees.keys).union(form.elements.filter { !clean($0.value).isEmpty }.keys)
        if let unknown = named.sorted().first(where: { !gbf.contains($0) }) { return .failure(.alignment(unknown)) }
        for code in gbf {
            let degree = clean(form.degrees[code]), elements = clean(form.elements[code])
            if degree.isEmpty {
                guard elements.isEmpty else { return .failure(.degree(code)) }
                continue
            }
            guard let parsed = AlignmentDegree(rawValue: degree) else { return .failure(.degree(code)) }
            guard elements.count <= maxElements else { return .failure(.tooLong) }
            alignments.append(TargetAlignment(target: TargetReference(framework: "KMGBF", code: code), degree: parsed, elements: elements))
        }

        var indicators: [String] = []
        for code in form.indicators.map(clean) where !code.isEmpty && !indicators.contains(code) {
            guard knownIndicator(code) else { return .failure(.indicator(code)) }
            indicators.append(code)
        }
        var others: [TargetReference] = []
        for text in form.otherTargets.map(clean) where !text.isEmpty {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { String($0) }
            guard parts.count == 2 else { return .failure(.otherTarget(text)) }
            let target = TargetReference(framework: parts[0].uppercased(), code: parts[1])
            guard target.framework != "KMGBF", knownTarget(target) else { return .failure(.otherTarget(text)) }
            if !others.contains(target) { others.append(target) }
        }
        guard indicators.count <= maxIndicators, others.count <= maxOtherTargets else { return .failure(.tooMany) }

        var progress: ProgressRating?
        if !clean(form.progress).isEmpty {
            guard let rating = ProgressRating(rawValue: clean(form.progress)) else { return .failure(.progress) }
            progress = rating
        }
        return .success(NationalTargetContent(title: title, description: description, language: language, alignments: alignments,
                                              indicators: indicators, otherTargets: others, progress: progress, progressSummary: summary))
    }
}
