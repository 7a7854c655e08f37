/// What one paragraph or sub-paragraph text says: its actions, whether it depends on
/// resources, its deadlines and its references. Computed from one tokenization of the folded text.
struct DecisionAnalysis: Sendable, Equatable {
    var actions: [DecisionAction] = []
    var subjectToResources = false
    var deadlines: [String] = []
    var references: [String] = []

    /// The folded text, its phrase tokens and the lexicon they come from.
    struct Context {
        let folded: [UInt32]
        let tokens: [DecisionToken]
        let table: DecisionPhraseTable
        let language: String

        init(_ scalars: [Unicode.Scalar], language: String) {
            self.language = language
            table = DecisionLexicon.table(language)
            folded = DecisionScalars.fold(scalars)
            tokens = table.tokenize(folded)
        }

        func roles(_ i: Int) -> [DecisionRole] { table.roles(of: tokens[i]) }
    }

    static func analyze(_ scalars: [Unicode.Scalar], language: String) -> DecisionAnalysis {
        guard !scalars.isEmpty else { return DecisionAnalysis() }
        let c = Context(scalars, language: language)
        var a = DecisionAnalysis()
        a.actions = DecisionActions.extract(c)
        a.subjectToResources = c.tokens.contains { t in c.table.roles(of: t).contains(.resources) }
        a.deadlines = DecisionDeadlines.extract(c)
        a.references = DecisionReferences.documents(scalars) + DecisionReferences.decisionsAndResolutions(c)
        a.references = DecisionReferences.unique(a.references)
        return a
    }
}
