/// Turns a parsed decision into the things someone must follow up: every request,
/// invitation, urging, encouragement and call, one item per addressee.
public enum DecisionActionItems {
    /// The verbs that ask something of someone (the rest — welcomes, notes, recalls — do not).
    public static let trackedVerbs: Set<String> = ["requests", "further-requests", "invites", "urges", "encourages", "calls-upon"]

    /// One thing asked of one addressee by one paragraph (or sub-paragraph).
    public struct Draft: Sendable, Equatable {
        public var paragraph: String
        public var subparagraph: String?
        public var verb: String
        public var addressee: String
        public var deadlines: [String]
        public var subjectToResources: Bool
        public var text: String
    }

    public static func drafts(from decision: ParsedDecision) -> [Draft] {
        var drafts: [Draft] = []
        for paragraph in decision.paragraphs where paragraph.kind == .operative {
            let number = paragraph.number ?? ""
            for action in paragraph.actions where trackedVerbs.contains(action.verb) {
                for addressee in action.addressees {
                    // A paragraph whose sub-paragraphs carry the detail: the item covers them all,
                    // with their deadlines and resource conditions.
                    let deadlines = unique(paragraph.deadlines + paragraph.subparagraphs.flatMap(\.deadlines))
                    drafts.append(Draft(paragraph: number, subparagraph: nil, verb: action.verb, addressee: addressee,
                                        deadlines: deadlines,
                                        subjectToResources: paragraph.subjectToResources,
                                        text: paragraph.text))
                }
            }
            for sub in paragraph.subparagraphs {
                for action in sub.actions where trackedVerbs.contains(action.verb) {
                    for addressee in action.addressees {
                        drafts.append(Draft(paragraph: number, subparagraph: sub.label, verb: action.verb, addressee: addressee,
                                            deadlines: unique(sub.deadlines), subjectToResources: sub.subjectToResources || paragraph.subjectToResources,
                                            text: sub.text))
                    }
                }
            }
        }
        return drafts
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
