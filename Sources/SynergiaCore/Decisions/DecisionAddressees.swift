/// Who decisions address, per language, mapped to stable ids. `*` stands for an inflected
/// ending of up to four letters (Russian cases). Arabic entries also match with the
/// attached prepositions and conjunction ("بالأطراف", "والمنظمات"), added by the lexicon builder.
enum DecisionAddressees {
    static let executiveSecretary = "executive-secretary"
    static let parties = "parties"
    static let otherGovernments = "other-governments"
    static let governments = "governments"
    static let relevantOrganizations = "relevant-organizations"
    static let otherOrganizations = "other-organizations"
    static let un = "un-organizations"
    static let liaison = "liaison-group-biodiversity-conventions"
    static let unep = "unep"
    static let unepED = "unep-executive-director"
    static let fao = "fao"
    static let unesco = "unesco"
    static let iucn = "iucn"
    static let itto = "itto"
    static let biotrade = "unctad-biotrade"
    static let emg = "emg"
    static let cpf = "cpf"
    static let unff = "unff"
    static let advisoryGroup = "informal-advisory-group"
    static let iplc = "indigenous-peoples-local-communities"
    static let heads = "heads-of-biodiversity-conventions"
    static let secretariats = "secretariats-biodiversity-conventions"
    static let gef = "gef"
    static let bureau = "bureau"
    static let sbi = "sbi"
    static let sbstta = "sbstta"
    static let stakeholders = "stakeholders"

    static func entries(_ language: String) -> [(String, [String])] {
        switch language {
        case "zh": return zh
        case "fr": return fr
        case "es": return es
        case "ru": return ru
        case "ar": return ar
        default: return en
        }
    }

    static let zh: [(String, [String])] = [
        ("执行秘书", [executiveSecretary]),
        ("缔约方", [parties]), ("各缔约方", [parties]), ("所有缔约方", [parties]),
        ("其他国家政府", [otherGovernments]), ("其它国家政府", [otherGovernments]),
        ("其他各国政府", [otherGovernments]), ("其他政府", [otherGovernments]), ("各国政府", [governments]),
        ("相关组织", [relevantOrganizations]), ("有关组织", [relevantOrganizations]),
        ("相关国际组织", [relevantOrganizations]), ("其他相关组织", [relevantOrganizations]),
        ("其他组织", [otherOrganizations]), ("其它组织", [otherOrganizations]),
        ("联合国", [un]), ("联合国系统", [un]),
        ("生物多样性相关公约联络组", [liaison]), ("生物多样性相关公约联络小组", [liaison]),
        ("联合国环境规划署执行主任", [unepED]), ("环境规划署执行主任", [unepED]),
        ("联合国环境规划署", [unep]), ("环境规划署", [unep]),
        ("联合国粮食及农业组织", [fao]), ("联合国粮食和农业组织", [fao]), ("粮农组织", [fao]),
        ("联合国教育、科学及文化组织", [unesco]), ("联合国教育、科学和文化组织", [unesco]), ("教科文组织", [unesco]),
        ("国际自然保护联盟", [iucn]), ("国际热带木材组织", [itto]),
        ("联合国贸易和发展会议生物贸易倡议", [biotrade]), ("贸发会议生物贸易倡议", [biotrade]),
        ("环境管理小组", [emg]), ("森林问题协作伙伴关系", [cpf]), ("森林合作伙伴关系", [cpf]),
        ("联合国森林问题论坛", [unff]), ("非正式咨询小组", [advisoryGroup]),
        ("土著和地方社区", [iplc]), ("土著人民和地方社区", [iplc]),
        ("其他生物多样性相关公约的行政首长", [heads]), ("生物多样性相关公约的行政首长", [heads]),
        ("生物多样性相关公约秘书处", [secretariats]), ("全球环境基金", [gef]), ("主席团", [bureau]),
        ("执行问题附属机构", [sbi]), ("科学、技术和工艺咨询附属机构", [sbstta]),
        ("利益攸关方", [stakeholders]), ("相关利益攸关方", [stakeholders]),
    ]

    static let en: [(String, [String])] = [
        ("executive secretary", [executiveSecretary]),
        ("parties", [parties]), ("parties to the convention", [parties]),
        ("other governments", [otherGovernments]), ("governments", [governments]),
        ("relevant organizations", [relevantOrganizations]), ("relevant international organizations", [relevantOrganizations]),
        ("other relevant organizations", [relevantOrganizations]),
        ("other organizations", [otherOrganizations]),
        ("united nations", [un]), ("united nations system", [un]), ("organizations of the united nations system", [un]),
        ("liaison group of the biodiversity-related conventions", [liaison]),
        ("liaison group of biodiversity-related conventions", [liaison]),
        ("executive director of the united nations environment programme", [unepED]),
        ("executive director of unep", [unepED]),
        ("united nations environment programme", [unep]), ("unep", [unep]),
        ("food and agriculture organization of the united nations", [fao]),
        ("food and agriculture organization", [fao]), ("fao", [fao]),
        ("united nations educational, scientific and cultural organization", [unesco]), ("unesco", [unesco]),
        ("international union for conservation of nature", [iucn]), ("iucn", [iucn]),
        ("international tropical timber organization", [itto]), ("itto", [itto]),
        ("biotrade initiative of the united nations conference on trade and development", [biotrade]),
        ("unctad biotrade initiative", [biotrade]),
        ("united nations conference on trade and development biotrade initiative", [biotrade]),
        ("environment management group", [emg]), ("environmental management group", [emg]),
        ("collaborative partnership on forests", [cpf]), ("united nations forum on forests", [unff]),
        ("informal advisory group", [advisoryGroup]), ("indigenous peoples and local communities", [iplc]),
        ("executive heads of the other biodiversity-related conventions", [heads]),
        ("heads of the other biodiversity-related conventions", [heads]),
        ("executive heads of the biodiversity-related conventions", [heads]),
        ("secretariats of the biodiversity-related conventions", [secretariats]),
        ("global environment facility", [gef]), ("bureau", [bureau]),
        ("bureau of the conference of the parties", [bureau]),
        ("subsidiary body on implementation", [sbi]),
        ("subsidiary body on scientific, technical and technological advice", [sbstta]),
        ("stakeholders", [stakeholders]), ("relevant stakeholders", [stakeholders]),
    ]

    static let fr: [(String, [String])] = [
        ("secrétaire exécutif", [executiveSecretary]), ("secrétaire exécutive", [executiveSecretary]),
        ("parties", [parties]), ("autres gouvernements", [otherGovernments]), ("gouvernements", [governments]),
        ("organisations compétentes", [relevantOrganizations]), ("organisations concernées", [relevantOrganizations]),
        ("organisations pertinentes", [relevantOrganizations]), ("autres organisations compétentes", [relevantOrganizations]),
        ("autres organisations", [otherOrganizations]),
        ("organisation des nations unies", [un]), ("nations unies", [un]),
        ("groupe de liaison des conventions relatives à la diversité biologique", [liaison]),
        ("directeur exécutif du programme des nations unies pour l'environnement", [unepED]),
        ("directrice exécutive du programme des nations unies pour l'environnement", [unepED]),
        ("programme des nations unies pour l'environnement", [unep]), ("pnue", [unep]),
        ("organisation des nations unies pour l'alimentation et l'agriculture", [fao]), ("fao", [fao]),
        ("organisation des nations unies pour l'éducation, la science et la culture", [unesco]), ("unesco", [unesco]),
        ("union internationale pour la conservation de la nature", [iucn]), ("uicn", [iucn]),
        ("organisation internationale des bois tropicaux", [itto]), ("oibt", [itto]),
        ("initiative biotrade de la cnuced", [biotrade]), ("initiative biocommerce de la cnuced", [biotrade]),
        ("groupe de la gestion de l'environnement", [emg]),
        ("partenariat de collaboration sur les forêts", [cpf]), ("forum des nations unies sur les forêts", [unff]),
        ("groupe consultatif informel", [advisoryGroup]),
        ("peuples autochtones et communautés locales", [iplc]),
        ("chefs de secrétariat des autres conventions relatives à la diversité biologique", [heads]),
        ("fonds pour l'environnement mondial", [gef]), ("bureau", [bureau]),
        ("organe subsidiaire chargé de l'application", [sbi]),
        ("parties prenantes", [stakeholders]),
    ]

    static let es: [(String, [String])] = [
        ("secretario ejecutivo", [executiveSecretary]), ("secretaria ejecutiva", [executiveSecretary]),
        ("partes", [parties]), ("otros gobiernos", [otherGovernments]), ("gobiernos", [governments]),
        ("organizaciones pertinentes", [relevantOrganizations]), ("otras organizaciones pertinentes", [relevantOrganizations]),
        ("organizaciones competentes", [relevantOrganizations]),
        ("otras organizaciones", [otherOrganizations]), ("naciones unidas", [un]),
        ("grupo de enlace de los convenios relacionados con la diversidad biológica", [liaison]),
        ("grupo de enlace de las convenciones relacionadas con la diversidad biológica", [liaison]),
        ("director ejecutivo del programa de las naciones unidas para el medio ambiente", [unepED]),
        ("directora ejecutiva del programa de las naciones unidas para el medio ambiente", [unepED]),
        ("programa de las naciones unidas para el medio ambiente", [unep]), ("pnuma", [unep]),
        ("organización de las naciones unidas para la alimentación y la agricultura", [fao]), ("fao", [fao]),
        ("organización de las naciones unidas para la educación, la ciencia y la cultura", [unesco]), ("unesco", [unesco]),
        ("unión internacional para la conservación de la naturaleza", [iucn]), ("uicn", [iucn]),
        ("organización internacional de las maderas tropicales", [itto]), ("oimt", [itto]),
        ("iniciativa biotrade de la unctad", [biotrade]), ("iniciativa de biocomercio de la unctad", [biotrade]),
        ("grupo de gestión ambiental", [emg]),
        ("asociación de colaboración en materia de bosques", [cpf]),
        ("foro de las naciones unidas sobre los bosques", [unff]),
        ("grupo asesor oficioso", [advisoryGroup]), ("grupo consultivo oficioso", [advisoryGroup]),
        ("pueblos indígenas y comunidades locales", [iplc]),
        ("jefes ejecutivos de los demás convenios relacionados con la diversidad biológica", [heads]),
        ("fondo para el medio ambiente mundial", [gef]), ("mesa", [bureau]),
        ("órgano subsidiario sobre la aplicación", [sbi]), ("interesados directos", [stakeholders]),
    ]

    static let ru: [(String, [String])] = [
        ("исполнительн* секретар*", [executiveSecretary]),
        ("стороны", [parties]), ("сторонам", [parties]), ("сторон", [parties]),
        ("друг* правительств*", [otherGovernments]), ("правительств*", [governments]),
        ("соответствующ* организаци*", [relevantOrganizations]),
        ("друг* соответствующ* организаци*", [relevantOrganizations]),
        ("друг* организаци*", [otherOrganizations]),
        ("организаци* объединенных наций", [un]),
        ("контактн* групп* по конвенциям, связанным с биоразнообразием", [liaison]),
        ("контактн* групп* по конвенциям, связанным с биологическим разнообразием", [liaison]),
        ("директор*-исполнител* программ* организации объединенных наций по окружающей среде", [unepED]),
        ("директор*-исполнител* юнеп", [unepED]),
        ("программ* организации объединенных наций по окружающей среде", [unep]), ("юнеп", [unep]),
        ("продовольственн* и сельскохозяйственн* организаци* объединенных наций", [fao]), ("фао", [fao]),
        ("юнеско", [unesco]), ("международн* союз* охраны природы", [iucn]), ("мсоп", [iucn]),
        ("международн* организаци* по тропической древесине", [itto]),
        ("инициатив* юнктад по биоторговле", [biotrade]),
        ("групп* по рациональному природопользованию", [emg]),
        ("совместн* партнерств* по лесам", [cpf]),
        ("форум* организации объединенных наций по лесам", [unff]),
        ("неофициальн* консультативн* групп*", [advisoryGroup]),
        ("коренн* народ* и местн* общин*", [iplc]),
        ("исполнительн* глав* друг* конвенций, связанных с биоразнообразием", [heads]),
        ("руководител* друг* конвенций, связанных с биоразнообразием", [heads]),
        ("глобальн* экологическ* фонд*", [gef]), ("бюро", [bureau]),
        ("вспомогательн* орган* по осуществлению", [sbi]),
        ("заинтересованн* сторон*", [stakeholders]),
    ]

    static let ar: [(String, [String])] = [
        ("الأمين التنفيذي", [executiveSecretary]), ("الأمينة التنفيذية", [executiveSecretary]),
        ("الأطراف", [parties]), ("الحكومات الأخرى", [otherGovernments]), ("الحكومات", [governments]),
        ("المنظمات ذات الصلة", [relevantOrganizations]), ("المنظمات المعنية", [relevantOrganizations]),
        ("المنظمات الأخرى", [otherOrganizations]), ("الأمم المتحدة", [un]),
        ("فريق الاتصال المعني بالاتفاقيات المتعلقة بالتنوع البيولوجي", [liaison]),
        ("فريق الاتصال للاتفاقيات المتعلقة بالتنوع البيولوجي", [liaison]),
        ("المدير التنفيذي لبرنامج الأمم المتحدة للبيئة", [unepED]),
        ("المديرة التنفيذية لبرنامج الأمم المتحدة للبيئة", [unepED]),
        ("برنامج الأمم المتحدة للبيئة", [unep]),
        ("منظمة الأغذية والزراعة للأمم المتحدة", [fao]), ("منظمة الأغذية والزراعة", [fao]),
        ("منظمة الأمم المتحدة للتربية والعلم والثقافة", [unesco]), ("اليونسكو", [unesco]),
        ("الاتحاد الدولي لحفظ الطبيعة", [iucn]), ("المنظمة الدولية للأخشاب الاستوائية", [itto]),
        ("مبادرة التجارة الحيوية التابعة لمؤتمر الأمم المتحدة للتجارة والتنمية", [biotrade]),
        ("مبادرة التجارة البيولوجية للأونكتاد", [biotrade]),
        ("فريق إدارة البيئة", [emg]), ("الشراكة التعاونية في مجال الغابات", [cpf]),
        ("منتدى الأمم المتحدة المعني بالغابات", [unff]), ("الفريق الاستشاري غير الرسمي", [advisoryGroup]),
        ("الشعوب الأصلية والمجتمعات المحلية", [iplc]),
        ("الرؤساء التنفيذيين للاتفاقيات الأخرى المتعلقة بالتنوع البيولوجي", [heads]),
        ("رؤساء الاتفاقيات الأخرى المتعلقة بالتنوع البيولوجي", [heads]),
        ("مرفق البيئة العالمية", [gef]), ("المكتب", [bureau]),
        ("الهيئة الفرعية للتنفيذ", [sbi]), ("أصحاب المصلحة", [stakeholders]),
    ]

    /// Words allowed between (or before) addressees: articles, "and", "members of".
    static let fillers: [String: [String]] = [
        "zh": ["和", "及", "以及", "与", "各", "的全体成员", "全体成员", "的成员", "成员", "所有"],
        "en": ["the", "and", "as well as", "its", "all", "members of", "member of", "members", "in particular",
               "as appropriate", "where appropriate"],
        "fr": ["le", "la", "les", "l'", "et", "ainsi que", "aux", "au", "à", "à la", "à l'", "membres du", "membres de",
               "membres des", "tous les", "en particulier", "selon qu'il convient"],
        "es": ["al", "a la", "a las", "a los", "a", "el", "la", "las", "los", "y", "e", "así como", "miembros de",
               "según proceda", "en particular", "del"],
        "ru": ["и", "а также", "членов", "члены", "членам", "всех", "в частности", "в соответствующих случаях"],
        "ar": ["و", "إلى", "جميع", "أعضاء", "وأعضاء", "وإلى"],
    ]
}
