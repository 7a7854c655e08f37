/// The action verbs of decisions, per language, mapped to one English vocabulary.
///
/// Convention: third person singular, lower case, words joined by "-" ("calls-upon",
/// "notes-with-appreciation"). Preambular participles ("Recalling") map to the same id as
/// the operative form ("recalls"). "Also/further requests" maps to "further-requests"; the
/// parser turns it back into "requests" when it opens a paragraph (it only marks that the
/// decision repeats the verb), so "further-requests" means a second request in one paragraph.
/// Verbs marked `leading` count only at the start of a paragraph ("通过" also means "through").
enum DecisionVerbs {
    struct Entry: Sendable {
        let phrase: String
        let verb: String
        var leading = false
    }

    /// Verbs whose object names who is asked to act; only these get addressees.
    static let directive: Set<String> = [
        "requests", "further-requests", "invites", "urges", "encourages", "calls-upon", "thanks",
    ]

    static func entries(_ language: String) -> [Entry] {
        switch language {
        case "zh": return zh
        case "fr": return fr
        case "es": return es
        case "ru": return ru
        case "ar": return arabicForms(ar)
        default: return en
        }
    }

    static let zh: [Entry] = pairs([
        ("欢迎", "welcomes"), ("表示欢迎", "welcomes"), ("又欢迎", "welcomes"),
        ("赞赏地注意到", "notes-with-appreciation"), ("满意地注意到", "notes-with-appreciation"),
        ("赞赏", "notes-with-appreciation"),
        ("邀请", "invites"), ("又邀请", "invites"), ("还邀请", "invites"),
        ("请", "requests"), ("还请", "further-requests"), ("又请", "further-requests"),
        ("决定", "decides"), ("又决定", "decides"), ("还决定", "decides"),
        ("鼓励", "encourages"), ("又鼓励", "encourages"),
        ("促请", "urges"), ("敦促", "urges"), ("吁请", "calls-upon"), ("呼吁", "calls-upon"),
        ("重申", "reaffirms"), ("注意到", "notes"), ("又注意到", "notes"), ("还注意到", "notes"),
        ("表示注意到", "takes-note"), ("关切地注意到", "notes-with-concern"),
        ("强调", "emphasizes"), ("着重指出", "emphasizes"), ("认识到", "recognizes"), ("确认", "recognizes"),
        ("承认", "acknowledges"), ("感谢", "thanks"), ("回顾", "recalls"), ("又回顾", "recalls"),
        ("核可", "endorses"), ("意识到", "is-aware"), ("铭记", "bears-in-mind"), ("深为关切", "is-concerned"),
        ("考虑到", "considers"),
    ]) + [Entry(phrase: "通过", verb: "adopts", leading: true)]

    static let en: [Entry] = pairs([
        ("welcomes", "welcomes"), ("welcoming", "welcomes"), ("also welcomes", "welcomes"),
        ("further welcomes", "welcomes"), ("welcomes with appreciation", "welcomes"),
        ("notes with appreciation", "notes-with-appreciation"), ("noting with appreciation", "notes-with-appreciation"),
        ("takes note with appreciation", "notes-with-appreciation"),
        ("taking note with appreciation", "notes-with-appreciation"), ("appreciates", "notes-with-appreciation"),
        ("expresses its appreciation", "notes-with-appreciation"),
        ("notes with concern", "notes-with-concern"), ("noting with concern", "notes-with-concern"),
        ("invites", "invites"), ("inviting", "invites"), ("also invites", "invites"), ("further invites", "invites"),
        ("requests", "requests"), ("requesting", "requests"),
        ("also requests", "further-requests"), ("further requests", "further-requests"),
        ("decides", "decides"), ("also decides", "decides"), ("further decides", "decides"),
        ("encourages", "encourages"), ("encouraging", "encourages"), ("also encourages", "encourages"),
        ("strongly encourages", "encourages"), ("further encourages", "encourages"),
        ("urges", "urges"), ("urging", "urges"), ("strongly urges", "urges"), ("also urges", "urges"),
        ("calls upon", "calls-upon"), ("calls on", "calls-upon"), ("calling upon", "calls-upon"),
        ("also calls upon", "calls-upon"),
        ("reaffirms", "reaffirms"), ("reaffirming", "reaffirms"), ("reiterates", "reaffirms"), ("reiterating", "reaffirms"),
        ("notes", "notes"), ("noting", "notes"), ("also notes", "notes"), ("further notes", "notes"),
        ("also noting", "notes"),
        ("takes note", "takes-note"), ("taking note", "takes-note"), ("also takes note", "takes-note"),
        ("emphasizes", "emphasizes"), ("emphasizing", "emphasizes"), ("emphasises", "emphasizes"),
        ("stresses", "emphasizes"), ("stressing", "emphasizes"), ("underlines", "emphasizes"),
        ("underlining", "emphasizes"), ("highlights", "emphasizes"), ("highlighting", "emphasizes"),
        ("recognizes", "recognizes"), ("recognizing", "recognizes"), ("recognises", "recognizes"),
        ("also recognizes", "recognizes"), ("further recognizing", "recognizes"),
        ("acknowledges", "acknowledges"), ("acknowledging", "acknowledges"),
        ("thanks", "thanks"), ("expresses its gratitude", "thanks"), ("expressing its gratitude", "thanks"),
        ("recalls", "recalls"), ("recalling", "recalls"), ("also recalling", "recalls"),
        ("further recalling", "recalls"), ("recalling also", "recalls"),
        ("adopts", "adopts"), ("endorses", "endorses"), ("approves", "approves"), ("agrees", "agrees"),
        ("aware", "is-aware"), ("conscious", "is-aware"), ("mindful", "is-aware"),
        ("bearing in mind", "bears-in-mind"), ("concerned", "is-concerned"), ("deeply concerned", "is-concerned"),
        ("considering", "considers"),
    ])

    static let fr: [Entry] = pairs([
        ("accueille avec satisfaction", "welcomes"), ("se félicite", "welcomes"), ("salue", "welcomes"),
        ("accueillant avec satisfaction", "welcomes"), ("se félicitant", "welcomes"),
        ("note avec satisfaction", "notes-with-appreciation"), ("notant avec satisfaction", "notes-with-appreciation"),
        ("prend note avec satisfaction", "notes-with-appreciation"),
        ("prenant note avec satisfaction", "notes-with-appreciation"), ("apprécie", "notes-with-appreciation"),
        ("invite", "invites"), ("invitant", "invites"), ("invite également", "invites"), ("invite en outre", "invites"),
        ("prie", "requests"), ("prie également", "further-requests"), ("prie en outre", "further-requests"),
        ("prie aussi", "further-requests"),
        ("demande", "calls-upon"), ("lance un appel", "calls-upon"),
        ("décide", "decides"), ("décide également", "decides"), ("décide en outre", "decides"),
        ("encourage", "encourages"), ("encourageant", "encourages"), ("encourage également", "encourages"),
        ("exhorte", "urges"), ("engage vivement", "urges"), ("prie instamment", "urges"), ("invite instamment", "urges"),
        ("réaffirme", "reaffirms"), ("réaffirmant", "reaffirms"), ("réitère", "reaffirms"),
        ("note", "notes"), ("notant", "notes"), ("note également", "notes"), ("note en outre", "notes"),
        ("prend note", "takes-note"), ("prenant note", "takes-note"), ("prend acte", "takes-note"),
        ("souligne", "emphasizes"), ("soulignant", "emphasizes"), ("insiste", "emphasizes"),
        ("reconnaît", "recognizes"), ("reconnait", "recognizes"), ("reconnaissant", "recognizes"),
        ("remercie", "thanks"), ("exprime sa gratitude", "thanks"),
        ("rappelle", "recalls"), ("rappelant", "recalls"), ("rappelant également", "recalls"),
        ("adopte", "adopts"), ("approuve", "approves"), ("convient", "agrees"),
        ("conscient", "is-aware"), ("consciente", "is-aware"), ("préoccupée", "is-concerned"),
    ])

    static let es: [Entry] = pairs([
        ("acoge con beneplácito", "welcomes"), ("acoge con satisfacción", "welcomes"),
        ("acogiendo con beneplácito", "welcomes"), ("acogiendo con satisfacción", "welcomes"), ("celebra", "welcomes"),
        ("toma nota con reconocimiento", "notes-with-appreciation"),
        ("tomando nota con reconocimiento", "notes-with-appreciation"),
        ("observa con reconocimiento", "notes-with-appreciation"),
        ("observando con reconocimiento", "notes-with-appreciation"), ("aprecia", "notes-with-appreciation"),
        ("invita", "invites"), ("invitando", "invites"), ("invita también", "invites"), ("invita además", "invites"),
        ("pide", "requests"), ("solicita", "requests"), ("pide también", "further-requests"),
        ("pide además", "further-requests"), ("pide asimismo", "further-requests"),
        ("decide", "decides"), ("decide también", "decides"), ("decide además", "decides"),
        ("alienta", "encourages"), ("alentando", "encourages"), ("alienta también", "encourages"),
        ("insta", "urges"), ("instando", "urges"), ("insta encarecidamente", "urges"),
        ("exhorta", "calls-upon"), ("hace un llamamiento", "calls-upon"),
        ("reafirma", "reaffirms"), ("reafirmando", "reaffirms"), ("reitera", "reaffirms"),
        ("observa", "notes"), ("observando", "notes"), ("observa también", "notes"),
        ("toma nota", "takes-note"), ("tomando nota", "takes-note"),
        ("destaca", "emphasizes"), ("destacando", "emphasizes"), ("subraya", "emphasizes"),
        ("subrayando", "emphasizes"), ("pone de relieve", "emphasizes"), ("recalca", "emphasizes"),
        ("reconoce", "recognizes"), ("reconociendo", "recognizes"),
        ("agradece", "thanks"), ("expresa su agradecimiento", "thanks"),
        ("recuerda", "recalls"), ("recordando", "recalls"), ("recordando también", "recalls"),
        ("adopta", "adopts"), ("aprueba", "approves"), ("consciente", "is-aware"),
        ("preocupada", "is-concerned"), ("preocupado", "is-concerned"),
    ])

    static let ru: [Entry] = pairs([
        ("приветствует", "welcomes"), ("приветствуя", "welcomes"), ("с удовлетворением приветствует", "welcomes"),
        ("с удовлетворением отмечает", "notes-with-appreciation"), ("с удовлетворением отмечая", "notes-with-appreciation"),
        ("с признательностью отмечает", "notes-with-appreciation"),
        ("с признательностью отмечая", "notes-with-appreciation"), ("высоко оценивает", "notes-with-appreciation"),
        ("предлагает", "invites"), ("предлагая", "invites"), ("предлагает также", "invites"),
        ("просит", "requests"), ("просит также", "further-requests"), ("далее просит", "further-requests"),
        ("просит далее", "further-requests"),
        ("постановляет", "decides"), ("постановляет также", "decides"), ("принимает решение", "decides"),
        ("рекомендует", "encourages"), ("поощряет", "encourages"), ("побуждает", "encourages"),
        ("настоятельно призывает", "urges"), ("призывает", "calls-upon"),
        ("подтверждает", "reaffirms"), ("вновь подтверждает", "reaffirms"), ("подтверждая", "reaffirms"),
        ("вновь подтверждая", "reaffirms"),
        ("отмечает", "notes"), ("отмечая", "notes"), ("отмечает также", "notes"),
        ("принимает к сведению", "takes-note"), ("принимая к сведению", "takes-note"),
        ("подчеркивает", "emphasizes"), ("подчеркивая", "emphasizes"), ("особо отмечает", "emphasizes"),
        ("признает", "recognizes"), ("признавая", "recognizes"),
        ("благодарит", "thanks"), ("выражает признательность", "thanks"), ("выражает благодарность", "thanks"),
        ("напоминает", "recalls"), ("напоминая", "recalls"), ("ссылаясь на", "recalls"), ("ссылаясь также на", "recalls"),
        ("принимает", "adopts"), ("одобряет", "endorses"), ("сознавая", "is-aware"),
    ])

    /// Arabic verbs; `arabicForms` adds the forms with "و" (and), "إذ" and "وإذ" (preambular).
    static let ar: [Entry] = pairs([
        ("يرحب", "welcomes"),
        ("يلاحظ مع التقدير", "notes-with-appreciation"), ("يحيط علما مع التقدير", "notes-with-appreciation"),
        ("يعرب عن تقديره", "notes-with-appreciation"),
        ("يدعو", "invites"), ("يدعو أيضا", "invites"),
        ("يطلب إلى", "requests"), ("يطلب أيضا إلى", "further-requests"), ("يطلب كذلك إلى", "further-requests"),
        ("يقرر", "decides"), ("يشجع", "encourages"), ("يحث", "urges"), ("يهيب", "calls-upon"),
        ("يؤكد من جديد", "reaffirms"), ("يعيد تأكيد", "reaffirms"),
        ("يلاحظ", "notes"), ("يحيط علما", "takes-note"),
        ("يشدد على", "emphasizes"), ("يؤكد", "emphasizes"), ("يبرز", "emphasizes"),
        ("يسلم", "recognizes"), ("يعترف", "acknowledges"),
        ("يشكر", "thanks"), ("يعرب عن امتنانه", "thanks"),
        ("يشير إلى", "recalls"), ("يذكر", "recalls"),
        ("يعتمد", "adopts"), ("يدرك", "is-aware"),
    ])

    static func pairs(_ list: [(String, String)]) -> [Entry] { list.map { Entry(phrase: $0.0, verb: $0.1) } }

    /// Adds "إذ …" and "وإذ …" (preambular) to each verb; "و…" forms are added as conjoined verbs
    /// by the lexicon builder.
    static func arabicForms(_ list: [Entry]) -> [Entry] {
        list + list.flatMap { [Entry(phrase: "إذ " + $0.phrase, verb: $0.verb), Entry(phrase: "وإذ " + $0.phrase, verb: $0.verb)] }
    }

    /// Phrases that carry two actions: a reaffirmed invitation is "reaffirms" then "invites",
    /// and the addressees go to "invites".
    static let compounds: [String: [(String, [String])]] = [
        "en": [("reaffirms its invitation to", ["reaffirms", "invites"]), ("renews its invitation to", ["reaffirms", "invites"]),
               ("reiterates its invitation to", ["reaffirms", "invites"]), ("reiterates its request to", ["reaffirms", "requests"])],
        "fr": [("réaffirme son invitation", ["reaffirms", "invites"]), ("renouvelle son invitation", ["reaffirms", "invites"]),
               ("renouvelle son invitation aux", ["reaffirms", "invites"]), ("réaffirme son invitation aux", ["reaffirms", "invites"])],
        "es": [("reitera su invitación a", ["reaffirms", "invites"]), ("reafirma su invitación a", ["reaffirms", "invites"])],
        "ru": [("вновь предлагает", ["reaffirms", "invites"]), ("вновь обращается с предложением к", ["reaffirms", "invites"])],
        "ar": [("يكرر دعوته", ["reaffirms", "invites"]), ("يجدد دعوته", ["reaffirms", "invites"])],
        "zh": [],
    ]

    /// Phrases that open a preambular paragraph without being an action.
    static let openers: [String: [String]] = [
        "zh": ["在不损害"], "en": ["without prejudice"], "fr": ["sans préjudice"], "es": ["sin perjuicio"],
        "ru": ["без ущерба"], "ar": ["دون المساس", "ودون المساس"],
    ]

    /// Words that join a verb to the clause before it ("and invites", "并邀请").
    static let conjunctions: [String: [String]] = [
        "zh": ["并", "又", "还", "同时", "也", "且", "以及", "并且"],
        "en": ["and", "and also"], "fr": ["et"], "es": ["y", "e"], "ru": ["и", "а также"], "ar": ["و"],
    ]

    /// Words that look like verbs but are not ("请求" is "request", noun).
    static let blockers: [String: [String]] = [
        "zh": ["请求", "申请", "邀请函", "决定性"],
    ]
}
