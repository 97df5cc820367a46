"""The site's initial content, transcribed from content/international-exchange-and-cooperation.txt with the
Chinese names of content/glossary.md. Only what the text states is here: no dates, places or people.
The Chinese text of the section paragraphs is our translation of the English original."""

# What the footer says of privacy: true of the site as built (no analytics, no tracking cookie, nothing loaded
# from another site). The office may reword it in Settings → Institution.
PRIVACY_NOTE = (
    "This site uses no analytics and no tracking cookies, and loads nothing from other websites.",
    "本网站不使用统计分析和访客跟踪工具，也不加载其他网站的任何内容。",
)

HOME = {
    "slug": "home",
    "title": ("International Exchange and Cooperation", "国际交流与合作"),
    "intro": (
        "<p>CASTED is an important platform and window for international cooperation and exchange in S &amp; T "
        "policy research. It cooperates with the outside world in the following aspects.</p>",
        "<p>中国科学技术发展战略研究院是科技政策研究领域开展国际合作与交流的重要平台和窗口，"
        "主要在以下几个方面开展对外合作。</p>",
    ),
}

# One index page per section, in menu order. "summary" is the text's heading for the section.
SECTIONS = [
    {
        "app": "projects",
        "model": "ProjectIndexPage",
        "slug": "projects",
        "title": ("Cooperative research projects", "国际合作研究项目"),
        "summary": ("Conduct international cooperative research projects", "开展国际合作研究项目"),
        "intro": (
            "<p>CASTED has applied for international cooperation projects to conduct collaborative research "
            "together with UNESCO, UNDP, OECD, World Bank, EU, National Science Foundation (NSF) of the US, "
            "Brandeis University in the US, International Development Research Centre (IDRC) of Canada, Lund "
            "University of Sweden, Fafo Institute for Applied International Studies of Norway and many other "
            "research institutes in Hong Kong, Taiwan and other countries and regions.</p>"
            # The text's second paragraph names the projects the list shows: only its last sentence stays.
            "<p>CASTED has cultivated several senior researchers with international influence in the fields of "
            "S &amp; T policy, innovation policy, S &amp; T statistics, and S &amp; T-related social issues.</p>",
            "<p>中国科学技术发展战略研究院与联合国教科文组织、联合国开发计划署、经济合作与发展组织、世界银行、"
            "欧盟、美国国家科学基金会、美国布兰迪斯大学、加拿大国际发展研究中心、瑞典隆德大学、挪威Fafo应用"
            "国际研究所以及香港、台湾等国家和地区的众多研究机构共同申请国际合作项目，开展合作研究。</p>"
            "<p>该院在科技政策、创新政策、科技统计和科技相关社会问题等领域培养了一批具有国际影响力的资深研究人员。</p>",
        ),
    },
    {
        "app": "partners",
        "model": "PartnerIndexPage",
        "slug": "partners",
        "title": ("Partners", "合作伙伴"),
        "summary": ("Set up mechanisms for long-term international academic exchange", "建立长期国际学术交流机制"),
        "intro": (
            "<p>CASTED cooperates with international organisations, funding agencies, universities and research "
            "institutes. It has signed bilateral cooperation memorandums with several institutes and set up stable "
            "long-term cooperation mechanisms with them, and has stable partnerships with many international "
            "organisations, including UNESCO, UNIDO, UNDP, OECD and the World Bank.</p>",
            "<p>中国科学技术发展战略研究院与国际组织、资助机构、大学和研究机构开展合作：与多家研究机构签署了双边"
            "合作备忘录，建立了稳定的长期合作机制；与联合国教科文组织、联合国工业发展组织、联合国开发计划署、"
            "经合组织和世界银行等众多国际组织保持着稳定的合作伙伴关系。</p>",
        ),
    },
    {
        "app": "partners",
        "model": "MouIndexPage",
        "slug": "mous",
        "title": ("Memoranda of understanding", "合作备忘录"),
        "summary": (
            "Bilateral cooperation memorandums for long-term exchange",
            "签署双边合作备忘录，建立长期合作机制",
        ),
        "intro": (
            "<p>CASTED has signed bilateral cooperation memorandums with research institutes in Japan, the Republic "
            "of Korea, Norway and Viet Nam, and has set up stable long-term cooperation mechanisms with them.</p>",
            "<p>中国科学技术发展战略研究院与日本、韩国、挪威和越南的研究机构签署了双边合作备忘录，与这些机构建立了"
            "稳定的长期合作机制。</p>",
        ),
    },
    {
        "app": "events",
        "model": "EventIndexPage",
        "slug": "events",
        "title": ("Conferences and events", "国际会议与交流活动"),
        "summary": (
            "Organize international academic conferences to expand its academic influence and cooperation fields",
            "组织国际学术会议，扩大学术影响和合作领域",
        ),
        "intro": (
            "<p>Entrusted by MOST or according to cooperation needs, CASTED actively organizes bilateral and "
            "multilateral forums or symposiums on S &amp; T policies.</p>",
            "<p>中国科学技术发展战略研究院受科技部委托或根据合作需要，积极组织召开科技政策领域的双边和多边"
            "论坛或研讨会。</p>",
        ),
    },
    # The text names no news item: the section starts empty, its listing saying what will appear in it.
    {
        "app": "news",
        "model": "NewsIndexPage",
        "slug": "news",
        "title": ("News", "新闻动态"),
        "summary": (
            "News of CASTED's international exchange and cooperation",
            "中国科学技术发展战略研究院国际交流与合作动态",
        ),
        "intro": ("", ""),
    },
    # Nor does it name a publication.
    {
        "app": "publications",
        "model": "PublicationIndexPage",
        "slug": "publications",
        "title": ("Publications", "研究成果"),
        "summary": (
            "Reports, papers and books from CASTED's international cooperation",
            "国际合作产生的研究报告、论文和著作",
        ),
        "intro": ("", ""),
    },
]

# The research fields the text names.
RESEARCH_FIELDS = [
    {"slug": "st-policy", "name": ("S&T policy", "科技政策")},
    {"slug": "innovation-policy", "name": ("Innovation policy", "创新政策")},
    {"slug": "st-statistics", "name": ("S&T statistics", "科技统计")},
    {"slug": "st-social-issues", "name": ("S&T-related social issues", "科技相关社会问题")},
]

APPLIED_TOGETHER = (
    "CASTED has applied for international cooperation projects with it to conduct collaborative research.",
    "中国科学技术发展战略研究院与其共同申请国际合作项目，开展合作研究。",
)
STABLE_PARTNER = (
    "CASTED has a stable partnership with it.",
    "中国科学技术发展战略研究院与其保持着稳定的合作伙伴关系。",
)
MOU_SIGNED = (
    "CASTED has signed a bilateral cooperation memorandum with it; a stable long-term cooperation mechanism "
    "has been set up.",
    "中国科学技术发展战略研究院已与其签署双边合作备忘录，建立了稳定的长期合作机制。",
)


# The glossary's Chinese short names, which Chinese pages show where English pages show the acronym. Research
# institutes keep their Latin acronym in Chinese text (NISTEP, KISTEP, STEPI, NISTPASS, Fafo, IDRC, NSF, UIS): no
# Chinese one, so Chinese pages fall back to it.
CHINESE_SHORT_NAMES = {
    "MOST": "科技部",
    "OECD": "经合组织",
    "EU": "欧盟",
    "UNESCO": "联合国教科文组织",
    "UNDP": "联合国开发计划署",
    "UNIDO": "联合国工业发展组织",
}


def _partner(slug, acronym, name, kind, country="", city=("", ""), facts=(), stable=False, research=False):
    return {
        "slug": slug,
        "acronym": (acronym, CHINESE_SHORT_NAMES.get(acronym, "")),
        "title": name,
        "kind": kind,
        "country": country,
        "city": city,
        "facts": facts,
        "stable_partnership": stable,
        "joint_research": research,
    }


# Every organisation the text names. kind and country/seat are from the glossary; facts from the text.
PARTNERS = [
    _partner(
        "unesco",
        "UNESCO",
        ("United Nations Educational, Scientific and Cultural Organization", "联合国教科文组织"),
        "international-organisation",
        city=("Paris", "巴黎"),
        facts=(APPLIED_TOGETHER, STABLE_PARTNER),
        stable=True,
        research=True,
    ),
    _partner(
        "uis",
        "UIS",
        ("UNESCO Institute for Statistics", "联合国教科文组织统计研究所"),
        "international-organisation",
        city=("Montreal", "蒙特利尔"),
    ),
    _partner(
        "undp",
        "UNDP",
        ("United Nations Development Programme", "联合国开发计划署"),
        "international-organisation",
        city=("New York", "纽约"),
        facts=(APPLIED_TOGETHER, STABLE_PARTNER),
        stable=True,
        research=True,
    ),
    _partner(
        "unido",
        "UNIDO",
        ("United Nations Industrial Development Organization", "联合国工业发展组织"),
        "international-organisation",
        city=("Vienna", "维也纳"),
        facts=(STABLE_PARTNER,),
        stable=True,
    ),
    _partner(
        "oecd",
        "OECD",
        ("Organisation for Economic Co-operation and Development", "经济合作与发展组织"),
        "international-organisation",
        city=("Paris", "巴黎"),
        facts=(APPLIED_TOGETHER, STABLE_PARTNER),
        stable=True,
        research=True,
    ),
    _partner(
        "world-bank",
        "",
        ("World Bank", "世界银行"),
        "international-organisation",
        city=("Washington, D.C.", "华盛顿特区"),
        facts=(APPLIED_TOGETHER, STABLE_PARTNER),
        stable=True,
        research=True,
    ),
    _partner(
        "eu",
        "EU",
        ("European Union", "欧洲联盟（欧盟）"),
        "international-organisation",
        city=("Brussels", "布鲁塞尔"),
        facts=(APPLIED_TOGETHER,),
        research=True,
    ),
    _partner(
        "nsf",
        "NSF",
        ("National Science Foundation", "美国国家科学基金会"),
        "funding-agency",
        country="US",
        facts=(APPLIED_TOGETHER,),
        research=True,
    ),
    _partner(
        "brandeis-university",
        "",
        ("Brandeis University", "布兰迪斯大学"),
        "university",
        country="US",
        facts=(APPLIED_TOGETHER,),
        research=True,
    ),
    _partner(
        "idrc",
        "IDRC",
        ("International Development Research Centre", "加拿大国际发展研究中心"),
        "funding-agency",
        country="CA",
        facts=(APPLIED_TOGETHER,),
        research=True,
    ),
    _partner(
        "lund-university",
        "",
        ("Lund University", "隆德大学"),
        "university",
        country="SE",
        facts=(APPLIED_TOGETHER,),
        research=True,
    ),
    _partner(
        "fafo-ais",
        "Fafo-AIS",
        ("Fafo Institute for Applied International Studies", "挪威Fafo应用国际研究所"),
        "research-institute",
        country="NO",
        facts=(APPLIED_TOGETHER, MOU_SIGNED),
        research=True,
    ),
    _partner(
        "nistep",
        "NISTEP",
        ("National Institute of Science and Technology Policy", "日本科学技术・学术政策研究所"),
        "research-institute",
        country="JP",
        facts=(MOU_SIGNED,),
    ),
    _partner(
        "kistep",
        "KISTEP",
        ("Korea Institute of S&T Evaluation and Planning", "韩国科学技术企划评价院"),
        "research-institute",
        country="KR",
        facts=(MOU_SIGNED,),
    ),
    _partner(
        "stepi",
        "STEPI",
        ("Science and Technology Policy Institute", "韩国科学技术政策研究院"),
        "research-institute",
        country="KR",
        facts=(MOU_SIGNED,),
    ),
    _partner(
        "nistpass",
        "NISTPASS",
        ("National Institute for Science and Technology Policy and Strategic Studies", "越南国家科技政策与战略研究院"),
        "research-institute",
        country="VN",
        facts=(MOU_SIGNED,),
    ),
    _partner(
        "most",
        "MOST",
        ("Ministry of Science and Technology of the People's Republic of China", "中华人民共和国科学技术部"),
        "government-body",
        country="CN",
        facts=(
            (
                "Entrusted by MOST or according to cooperation needs, CASTED organizes bilateral and multilateral "
                "forums or symposiums on S&T policies.",
                "中国科学技术发展战略研究院受科技部委托或根据合作需要，组织召开科技政策领域的双边和多边论坛或研讨会。",
            ),
        ),
    ),
]

# The joint projects the text names; it calls them accomplished, and gives no dates, fields or people.
PROJECTS = [
    {
        "slug": "monitoring-social-and-economic-development-in-western-china",
        "title": ("Monitoring the social and economic development in Western China", "中国西部社会经济发展监测研究"),
        "summary": ("Joint research with Fafo-AIS of Norway.", "与挪威Fafo应用国际研究所合作开展的研究。"),
        "partners": [("fafo-ais", "partner")],
    },
    {
        "slug": "proprietary-innovation-strategy-for-western-china",
        "title": ("Proprietary innovation strategy for Western China", "中国西部自主创新战略研究"),
        "summary": ("Joint research with IDRC of Canada.", "与加拿大国际发展研究中心合作开展的研究。"),
        "partners": [("idrc", "partner")],
    },
    {
        "slug": "phd-career-survey",
        "title": ("PhD career survey", "博士职业发展调查"),
        "summary": (
            "A survey carried out together with OECD and the UNESCO Institute for Statistics.",
            "与经济合作与发展组织和联合国教科文组织统计研究所共同开展的调查。",
        ),
        "partners": [("oecd", "partner"), ("uis", "partner")],
    },
    {
        "slug": "research-institute-performance-study",
        "title": ("Research institute performance study", "科研院所绩效研究"),
        "summary": ("A study sponsored by NSF of the US.", "由美国国家科学基金会资助的研究。"),
        "partners": [("nsf", "sponsor")],
    },
    {
        "slug": "female-scientists-roles-in-technology-research",
        "title": (
            "Comprehensive analysis of female scientists' roles in technology research",
            "女性科学家在技术研究中作用的综合分析",
        ),
        "summary": (
            "An analysis sponsored by the EU Sixth Framework Programme.",
            "由欧盟第六框架计划资助的综合分析。",
        ),
        "partners": [("eu", "sponsor")],
        "funding_programme": ("EU Sixth Framework Programme", "欧盟第六框架计划"),
    },
]

MOU_PARTNERS = ["nistep", "kistep", "stepi", "fafo-ais", "nistpass"]

# The conferences the text names. kind follows each name; format only where the name states it.
EVENTS = [
    (
        "international-st-assessment-workshop",
        ("International S&T Assessment Workshop", "国际科技评估研讨会"),
        "workshop",
        "",
    ),
    (
        "china-korea-industry-technology-planning-and-assessment-workshop",
        ("China-Korea Industry Technology Planning and Assessment Workshop", "中韩产业技术规划与评估研讨会"),
        "workshop",
        "bilateral",
    ),
    (
        "china-eu-workshop-on-international-purchasing-and-supply-chain-management",
        ("China-EU Workshop on International Purchasing and Supply Chain Management", "中欧国际采购与供应链管理研讨会"),
        "workshop",
        "bilateral",
    ),
    (
        "international-workshop-on-risk-early-warning-technology",
        ("International Workshop on Risk Early-Warning Technology", "风险预警技术国际研讨会"),
        "workshop",
        "",
    ),
    (
        "conference-on-innovation-policy-and-innovation-model",
        ("Conference on Innovation Policy and Innovation Model", "创新政策与创新模式研讨会"),
        "conference",
        "",
    ),
    (
        "seminar-on-technical-standard-strategy-of-korea",
        ("Seminar on Technical Standard Strategy of Korea", "韩国技术标准战略研讨会"),
        "seminar",
        "",
    ),
    ("china-us-innovation-conference", ("China-U.S. Innovation Conference", "中美创新大会"), "conference", "bilateral"),
    (
        "china-us-forum-on-science-and-technology-policy",
        ("China-U.S. Forum on Science and Technology Policy", "中美科技政策论坛"),
        "forum",
        "bilateral",
    ),
    (
        "china-sweden-st-policy-seminar",
        ("China-Sweden S&T Policy Seminar", "中国—瑞典科技政策研讨会"),
        "seminar",
        "bilateral",
    ),
    (
        "china-austria-renewable-energy-technology-policy-forum",
        ("China-Austria Renewable Energy Technology Policy Forum", "中国—奥地利可再生能源技术政策论坛"),
        "forum",
        "bilateral",
    ),
    (
        "china-japan-korea-trilateral-st-policy-seminar",
        ("China-Japan-Korea Trilateral Science and Technology Policy Seminar", "中日韩三国科技政策研讨会"),
        "seminar",
        "trilateral",
    ),
]
