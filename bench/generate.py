#!/usr/bin/env python3
"""Deterministic benchmark documents for Folio and its peers (Typst, XeLaTeX).

    bench/generate.py OUTDIR [--sizes 100,1000,10000] [--letters 1000]

writes, from one document model per case, three equivalent sources:

    OUTDIR/folio/doc-100.yaml ...      content YAML for `folio render`
    OUTDIR/typst/doc-100.typ ...       the same text for `typst compile`
    OUTDIR/latex/doc-100.tex ...       the same text for `xelatex`

Cases:
  one-word        one paragraph of one word, plain layout: start-up alone
  press-release   content/press-release.yaml converted for the peers (Folio
                  renders the sample itself)
  doc-N           ~N pages of English prose (letterhead layout): chapters with
                  level-1 and level-2 headings, paragraphs with emphasis,
                  strong text, external, internal and auto links, footnotes
                  (inline ^[..] and by id [^id]), superscripts, lists, quotes
  multi-script    ~100 pages mixing English, Russian, Greek, Arabic, Hebrew,
                  Hindi, Chinese and Japanese paragraphs (each block tagged
                  with `lang`), some English paragraphs with inline spans
  letters/        N one-page letters (letter-0001.yaml ...), a mail merge

Everything comes from a seeded random.Random: the same command writes the same
bytes. Text is made from a Zipf-weighted English vocabulary with a long tail
of derived word forms, so the shaping cache sees about as many distinct words
as in real prose.

A content file is limited to 16 MiB (docs/content-format.md, "Limits"). When
a document would exceed 15 MiB (the 10,000-page case), later paragraphs are
YAML aliases (*pN) of earlier anchored ones (&pN): Folio still parses, shapes,
breaks and sets every occurrence, only the file is shorter. The peers get the
text written out in full. Headings, footnotes by id and paragraphs holding
them are never aliased.
"""
import argparse
import os
import random
import re
import sys

# Calibrated with the letterhead layout (later pages: 243 mm x 160 mm of
# 10.5/14.5pt Noto Serif): characters of body text (YAML source, markup
# included) per page, headings, lists and footnotes included.
CHARS_PER_PAGE = 4600
MAX_YAML_BYTES = 15 << 20

# --------------------------------------------------------------------------
# Vocabulary: function words first (highest Zipf rank), then content words.
FUNCTION_WORDS = """the of and to a in that is was for it with as on be at by this had not are but from
or have an they which one you were all we her she there would their will when who him been has more if no
out so said what up its about into than them can only other new some could time these two may then do
first any my now such like our over man me even most made after also did many before must through back
years where much your way well down should because each just those people how too little state good very
make world still own see men work long get here between both life being under never day same another
know while last might us great old year off come since against go came right used take three""".split()

CONTENT_WORDS = """harbour trust festival light city water quay dock route night visitor artist programme
building silo lighthouse bridge tide ferry market street museum gallery council board director report
energy engineer workshop structure budget figure account season evening morning weekend family guide
walk tour map ticket booking admission entrance exhibition installation sculpture painter composer
designer studio collective lens beam colour vault interior façade ledger cargo timber salt coffee grain
breakwater basin warehouse customs railway station crane vessel schooner steamer captain sailor merchant
navy pilot keeper lantern signal beacon storm wind current shore coast island harbourmaster register
charter committee volunteer steward resident neighbour community school student teacher library archive
record photograph letter document agreement contract schedule deadline invoice payment instalment fee
insurance transport delivery fabrication catering security accessibility description language audio
music concert performance theatre dance poetry reading lecture debate conference meeting decade century
history heritage tradition memory future plan strategy policy investment income expense revenue growth
attendance audience crowd public press media journalist editor publisher reader writer author chapter
section paragraph sentence footnote reference source method measurement estimate survey analysis result
conclusion question answer proposal decision approval review revision edition version volume page table
paper print ink type letterform typeface glyph kerning ligature hyphen margin column line space rhythm
careful quiet bright dark warm cold early late local national international historic modern ancient
public private independent remarkable considerable substantial significant particular general special
traditional contemporary experimental practical technical financial cultural maritime industrial
environmental sustainable renewable efficient accessible available responsible reasonable comfortable
announce open close build restore repair paint weld wire design model measure estimate publish print
organise arrange welcome visit explore discover describe explain consider develop improve increase
reduce support manage maintain protect preserve celebrate illuminate reflect project suspend rotate
brighten dim rise fall follow lead carry deliver receive confirm contact agree sign return install test
remain continue begin finish expect encourage invite attend perform present display collect examine""".split()

SUFFIXES = ["", "", "", "s", "s", "ed", "ing", "ly", "er", "ment", "ness", "ation", "ful", "less", "ity"]
NAMES = """Amira Castellanos Jonas Whitfield Lena Okafor Teodora Vasilescu Hana Novak Tomasz Lindqvist Priya
Raman Mateo Ferreira Ingrid Solberg Kwame Mensah Yuki Tanaka Elif Demir Omar Haddad Sofia Marchetti Declan
Byrne Aroha Ngata Marta Kowalczyk Henrik Aalto Nadia Petrova Caleb Osei Rosa Delgado""".split()
PLACES = """Port Example, the Customs House, Quay Street, the Northern Basin, Ropewalk Lane, the Grain Silos,
Meridian Yard, the Old Lighthouse, Harbour Square, the Swing Bridge, Saltmarsh Point, the Dry Dock""".replace("\n", " ").split(", ")
MONTHS = "January February March April May June July August September October November December".split()
HOSTS = ["www.harbourtrust.example", "press.harbourtrust.example", "tickets.harbourtrust.example",
         "archive.port-example.example", "data.city.example"]
PATHS = ["programme", "artists", "accessibility-guide", "annual-report", "press-images", "maps", "history",
         "volunteers", "energy-report", "bookings", "board-minutes", "collections"]


class Words:
    """Zipf-distributed word source with a long tail of derived forms."""

    def __init__(self, rng):
        self.rng = rng
        vocab = list(FUNCTION_WORDS) + list(CONTENT_WORDS)
        self.vocab = vocab
        self.weights = [1.0 / (rank + 8) for rank in range(len(vocab))]
        self.cum = []
        total = 0.0
        for w in self.weights:
            total += w
            self.cum.append(total)
        self.total = total
        self.content_start = len(FUNCTION_WORDS)

    def word(self):
        r = self.rng.random() * self.total
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum[mid] < r:
                lo = mid + 1
            else:
                hi = mid
        w = self.vocab[lo]
        if lo >= self.content_start and self.rng.random() < 0.35:
            w = derive(w, self.rng.choice(SUFFIXES))
        return w


def derive(w, suffix):
    if not suffix:
        return w
    if w.endswith("e") and suffix[0] in "aeiou":
        w = w[:-1]
    if w.endswith("y") and suffix not in ("ing",):
        w = w[:-1] + "i"
    return w + suffix


# --------------------------------------------------------------------------
# The document model: inline runs and blocks, written out three ways.
# Runs: ("t", text) ("em", runs) ("strong", runs) ("link", url, runs)
#       ("url", url) ("note", runs) ("ref", id) ("sup", text)
# Blocks: ("h", level, runs, id) ("p", runs, lang, anchor) ("list", [runs], numbered)
#         ("quote", runs)

class Doc:
    def __init__(self, title, layout="letterhead", language="en"):
        self.title = title
        self.layout = layout
        self.language = language
        self.date = "2026-03-02"
        self.author = "Harbour Trust"
        self.fields = [("sender", "Harbour Trust"), ("address", "12 Quay Street, Port Example 10001"),
                       ("phone", "+1 555 0100"), ("email", "press@harbourtrust.example"),
                       ("web", "www.harbourtrust.example")]
        self.footnotes = {}  # id -> runs, in insertion order
        self.body = []


class Prose:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.words = Words(self.rng)
        self.note_count = 0

    def number(self):
        r = self.rng.random()
        if r < 0.3:
            return str(self.rng.randint(2, 99))
        if r < 0.5:
            return str(self.rng.randint(1850, 2026))
        if r < 0.7:
            return "{:,}".format(self.rng.randint(1000, 999999))
        if r < 0.85:
            return "{} per cent".format(self.rng.randint(2, 97))
        return "{} {}".format(self.rng.randint(1, 28), self.rng.choice(MONTHS))

    def sentence(self):
        rng = self.rng
        n = rng.randint(7, 28)
        out = []
        for i in range(n):
            r = rng.random()
            if r < 0.04:
                out.append(self.number())
            elif r < 0.08:
                out.append(rng.choice(NAMES))
            elif r < 0.09:
                out.append(rng.choice(PLACES))
            else:
                out.append(self.words.word())
            if 2 < i < n - 2:
                r = rng.random()
                if r < 0.07:
                    out[-1] += ","
                elif r < 0.085:
                    out[-1] += ";"
                elif r < 0.095:
                    out.append("—")
        s = " ".join(out).replace(" — ", " — ")
        s = s[0].upper() + s[1:]
        r = rng.random()
        if r < 0.05:
            return "“" + s + ",” said " + rng.choice(NAMES) + " " + rng.choice(NAMES) + "."
        if r < 0.08:
            return s + "?"
        return s + "."

    def phrase(self, lo=2, hi=5):
        return " ".join(self.words.word() for _ in range(self.rng.randint(lo, hi)))

    def url(self):
        rng = self.rng
        return "https://{}/{}/{}-{}".format(rng.choice(HOSTS), rng.choice(PATHS), rng.choice(PATHS),
                                            rng.randint(2010, 2026))

    def runs(self, sentences, doc=None, chapters=0, allow_ref=True):
        """A paragraph: plain sentences with some inline markup mixed in."""
        rng = self.rng
        runs = []
        for k in range(sentences):
            s = self.sentence()
            r = rng.random()
            if r < 0.10:
                # emphasis on a phrase inside the sentence
                words = s.split(" ")
                if len(words) > 6:
                    a = rng.randint(1, len(words) - 4)
                    b = a + rng.randint(1, 3)
                    runs.append(("t", " ".join(words[:a]) + " "))
                    runs.append(("em" if rng.random() < 0.8 else "strong", [("t", " ".join(words[a:b]))]))
                    runs.append(("t", " " + " ".join(words[b:])))
                else:
                    runs.append(("t", s))
            else:
                runs.append(("t", s))
            r = rng.random()
            if r < 0.05:
                runs.append(("t", " See "))
                runs.append(("link", self.url(), [("t", "the " + self.phrase(1, 3))]))
                runs.append(("t", "."))
            elif r < 0.065:
                runs.append(("t", " Details: "))
                runs.append(("url", self.url()))
                runs.append(("t", "."))
            elif r < 0.075 and chapters > 1:
                runs.append(("t", " As described in "))
                runs.append(("link", "#ch-{}".format(rng.randint(1, chapters - 1)), [("t", "an earlier chapter")]))
                runs.append(("t", "."))
            elif r < 0.085:
                runs.append(("t", " It was the {}".format(rng.randint(2, 40))))
                runs.append(("sup", "th"))
                runs.append(("t", " such " + self.words.word() + "."))
            r = rng.random()
            if r < 0.05:
                runs.append(("note", [("t", self.sentence())]))
            elif r < 0.08 and allow_ref and doc is not None:
                self.note_count += 1
                nid = "n{}".format(self.note_count)
                doc.footnotes[nid] = [("t", self.sentence() + " " + self.sentence())]
                runs.append(("ref", nid))
            if k + 1 < sentences:
                runs.append(("t", " "))
        return merge(runs)


def merge(runs):
    out = []
    for r in runs:
        if r[0] == "t" and out and out[-1][0] == "t":
            out[-1] = ("t", out[-1][1] + r[1])
        else:
            out.append(r)
    return out


def has_ref(runs):
    for r in runs:
        if r[0] == "ref":
            return True
        if r[0] in ("em", "strong", "note") and has_ref(r[1]):
            return True
        if r[0] == "link" and has_ref(r[2]):
            return True
    return False


def runs_len(runs):
    n = 0
    for r in runs:
        if r[0] in ("t", "sup", "url"):
            n += len(r[1])
        elif r[0] in ("em", "strong", "note"):
            n += runs_len(r[1])
        elif r[0] == "link":
            n += runs_len(r[2])
        elif r[0] == "ref":
            n += 60
    return n


def prose_document(pages, seed):
    prose = Prose(seed)
    rng = prose.rng
    doc = Doc("Annual report of the Harbour Trust, {} pages".format(pages))
    target = pages * CHARS_PER_PAGE
    chars = 0
    chapter = 0
    pool = []  # (runs) of aliasable paragraphs, for files past MAX_YAML_BYTES
    while chars < target:
        chapter += 1
        title = prose.phrase(2, 6)
        title = title[0].upper() + title[1:]
        doc.body.append(("h", 1, [("t", "{}. {}".format(chapter, title))], "ch-{}".format(chapter)))
        chars += 600
        for section in range(rng.randint(2, 4)):
            st = prose.phrase(2, 5)
            doc.body.append(("h", 2, [("t", st[0].upper() + st[1:])], None))
            chars += 300
            for _ in range(rng.randint(3, 7)):
                r = rng.random()
                if r < 0.06:
                    items = [merge([("t", prose.sentence())]) for _ in range(rng.randint(3, 6))]
                    doc.body.append(("list", items, rng.random() < 0.4))
                    chars += sum(runs_len(i) + 60 for i in items)
                elif r < 0.09:
                    q = merge([("t", prose.sentence() + " " + prose.sentence())])
                    doc.body.append(("quote", q))
                    chars += runs_len(q) + 150
                else:
                    runs = prose.runs(rng.randint(3, 8), doc, chapter)
                    doc.body.append(("p", runs, None, None))
                    chars += runs_len(runs) + 120
    return doc


# --------------------------------------------------------------------------
# Multi-script: a few sentences per language, shuffled into paragraphs.
SCRIPTS = {
    "ru": [
        "Гавань снова открыта для жителей города, и каждый вечер сюда приходят тысячи гостей.",
        "Фестиваль света продлится одиннадцать ночей, с двадцатого по тридцатое марта.",
        "Художники из девяти стран покажут свои работы вдоль маршрута длиной почти четыре километра.",
        "Вход на маршрут свободный, а билеты в залы старых элеваторов можно забронировать заранее.",
        "Инженеры подсчитали, что в этом году праздник потребует на шестьдесят процентов меньше энергии.",
        "Местные мастерские изготовили большую часть конструкций в нескольких шагах от причала.",
        "По вечерам паромы и ночные автобусы ходят чаще обычного.",
        "Экскурсии для семей начинаются у маяка каждые полчаса.",
    ],
    "el": [
        "Το λιμάνι ανοίγει ξανά για τους κατοίκους της πόλης, και κάθε βράδυ χιλιάδες επισκέπτες περπατούν στις αποβάθρες.",
        "Το φεστιβάλ φωτός διαρκεί έντεκα νύχτες, από τις είκοσι έως τις τριάντα Μαρτίου.",
        "Καλλιτέχνες από εννέα χώρες παρουσιάζουν έργα κατά μήκος μιας διαδρομής σχεδόν τεσσάρων χιλιομέτρων.",
        "Η είσοδος είναι ελεύθερη, ενώ οι εγκαταστάσεις στα σιλό απαιτούν κράτηση.",
        "Οι μηχανικοί εκτιμούν ότι η κατανάλωση ενέργειας θα είναι πολύ μικρότερη από πέρυσι.",
        "Τα περισσότερα έργα κατασκευάστηκαν σε εργαστήρια κοντά στην προκυμαία.",
        "Οι ξεναγήσεις ξεκινούν από τον φάρο κάθε μισή ώρα.",
    ],
    "ar": [
        "أعلنت هيئة الميناء اليوم عن برنامج مهرجان الضوء الذي يستمر إحدى عشرة ليلة.",
        "يشارك في المهرجان أربعة وثلاثون فنانًا من تسعة بلدان على طول مسار يقارب أربعة كيلومترات.",
        "الدخول إلى المسار مجاني، ويمكن حجز التذاكر للعروض الداخلية عبر الإنترنت.",
        "يقدّر المهندسون أن المهرجان سيستهلك طاقة أقل بكثير من الدورات السابقة.",
        "صُنعت معظم الأعمال في ورش محلية قريبة من الرصيف القديم.",
        "تنطلق الجولات المصحوبة بمرشدين من المنارة كل نصف ساعة.",
        "ستبقى المطاعم على طول المسار مفتوحة حتى منتصف الليل.",
    ],
    "he": [
        "רשות הנמל הודיעה היום על תוכנית פסטיבל האור, שיימשך אחד עשר לילות.",
        "שלושים וארבעה אמנים מתשע מדינות יציגו את עבודותיהם לאורך מסלול של כמעט ארבעה קילומטרים.",
        "הכניסה למסלול חופשית, ואת הכרטיסים למיצבים הפנימיים אפשר להזמין מראש.",
        "המהנדסים מעריכים שהפסטיבל יצרוך הרבה פחות אנרגיה מבעבר.",
        "רוב העבודות נבנו בבתי מלאכה מקומיים ליד הרציף.",
        "סיורים מודרכים יוצאים מהמגדלור כל חצי שעה.",
        "המסעדות לאורך המסלול יישארו פתוחות עד חצות.",
    ],
    "hi": [
        "बंदरगाह ट्रस्ट ने आज प्रकाश महोत्सव के कार्यक्रम की घोषणा की, जो ग्यारह रातों तक चलेगा।",
        "नौ देशों के चौंतीस कलाकार लगभग चार किलोमीटर लंबे मार्ग पर अपनी कृतियाँ प्रस्तुत करेंगे।",
        "मार्ग पर प्रवेश निःशुल्क है, और भीतरी प्रदर्शनियों के टिकट पहले से बुक किए जा सकते हैं।",
        "इंजीनियरों का अनुमान है कि इस वर्ष महोत्सव में पहले से बहुत कम ऊर्जा लगेगी।",
        "अधिकांश संरचनाएँ घाट के पास की स्थानीय कार्यशालाओं में बनाई गई हैं।",
        "निर्देशित यात्राएँ हर आधे घंटे पर प्रकाशस्तंभ से शुरू होती हैं।",
        "मार्ग के किनारे के भोजनालय आधी रात तक खुले रहेंगे।",
    ],
    "zh": [
        "港口信托今天公布了第十二届北方之光节的节目安排，活动将持续十一个夜晚。",
        "来自九个国家的三十四位艺术家将在近四公里长的步行路线上展示作品。",
        "步行路线免费开放，粮仓内的三处室内装置可以提前在网上预订。",
        "工程师估计，今年的节日将比往年节省大量能源。",
        "大部分装置由码头附近的本地工坊设计和制造。",
        "导览团每半小时从灯塔出发一次。",
        "沿线的餐馆将营业到午夜。",
    ],
    "ja": [
        "港湾トラストは本日、十一夜にわたって開催される光の祭典のプログラムを発表しました。",
        "九か国から集まった三十四人のアーティストが、約四キロの散策路に沿って作品を展示します。",
        "散策路への入場は無料で、サイロ内の展示は事前にオンラインで予約できます。",
        "技術者によると、今年の祭典は以前よりもはるかに少ないエネルギーで運営されます。",
        "作品の多くは、岸壁の近くにある地元の工房で作られました。",
        "ガイド付きツアーは三十分ごとに灯台から出発します。",
    ],
}
SCRIPT_NAMES = {"en": "English", "ru": "Russian", "el": "Greek", "ar": "Arabic", "he": "Hebrew",
                "hi": "Hindi", "zh": "Chinese", "ja": "Japanese"}
# Characters per line relative to Latin, for the page estimate.
SCRIPT_DENSITY = {"en": 1.0, "ru": 1.0, "el": 1.0, "ar": 1.1, "he": 1.1, "hi": 1.0, "zh": 0.45, "ja": 0.45}


def multiscript_document(pages, seed):
    prose = Prose(seed)
    rng = prose.rng
    doc = Doc("The Northern Light Festival in eight languages")
    langs = ["en", "ru", "el", "ar", "he", "hi", "zh", "ja"]
    target = pages * CHARS_PER_PAGE * 1.1  # calibrated: fewer source characters fill a page
    chars = 0
    section = 0
    while chars < target:
        section += 1
        doc.body.append(("h", 1, [("t", "{}. {}".format(section, prose.phrase(2, 5).capitalize()))],
                         "ch-{}".format(section)))
        chars += 600
        for lang in langs:
            doc.body.append(("h", 2, [("t", SCRIPT_NAMES[lang])], None))
            chars += 300
            for _ in range(rng.randint(1, 3)):
                if lang == "en":
                    runs = prose.runs(rng.randint(3, 6), doc, section)
                    if rng.random() < 0.5:
                        other = rng.choice(langs[1:])
                        runs = runs + [("t", " In " + SCRIPT_NAMES[other] + ": "),
                                       ("span", other, rng.choice(SCRIPTS[other])), ("t", "")]
                        runs = merge(runs)
                    doc.body.append(("p", runs, None, None))
                    chars += runs_len(runs) + 120
                else:
                    pool = SCRIPTS[lang]
                    sents = [rng.choice(pool) for _ in range(rng.randint(3, 6))]
                    sep = "" if lang in ("zh", "ja") else " "
                    text = sep.join(sents)
                    doc.body.append(("p", [("t", text)], lang, None))
                    chars += int(len(text) / SCRIPT_DENSITY[lang]) + 120
    return doc


# --------------------------------------------------------------------------
# Letters: a mail merge of one-page letters.
STREETS = ["Ropewalk Lane", "Chandler Row", "Quay Street", "Anchor Walk", "Sailmaker Court", "Tide Mill Road",
           "Lantern Hill", "Cooper’s Yard", "Net Loft Street", "Mariner Avenue"]
COMPANIES = ["Glass Studio", "Light Works", "Design Collective", "Metal Workshop", "Sound Lab", "Textile Atelier",
             "Print House", "Wood Guild", "Ceramics", "Projection Studio"]
WORKS = ["Tidal Glass", "Salt Lines", "The Night Ferry", "Harbour Choir", "Lantern Tide", "Iron Rain",
         "Quiet Signals", "The Lighthouse Keeper", "Grain Memory", "Copper Sea"]
VENUES = ["the ground-floor bay of the Customs House", "the east gallery of the grain silos",
          "the swing bridge", "the old ropewalk shed", "the pier head beside the lighthouse",
          "the courtyard of the maritime museum"]


def letter_document(i, seed):
    rng = random.Random(seed * 100003 + i)
    first = rng.choice(NAMES[0::2])
    last = rng.choice(NAMES[1::2])
    title = rng.choice(["Ms", "Mr", "Dr", "Mx"])
    company = last + " " + rng.choice(COMPANIES)
    work = rng.choice(WORKS)
    venue = rng.choice(VENUES)
    day = rng.randint(1, 28)
    fee = rng.randint(20, 95) * 100
    doc = Doc("Confirmation of your exhibition space")
    doc.date = "2026-02-{:02d}".format(day)
    doc.fields = [("sender", "Harbour Trust"),
                  ("reference", "Events office · Ref. HT-EV-2026-{:04d}".format(i)),
                  ("address", "12 Quay Street, Port Example 10001"), ("phone", "+1 555 0100"),
                  ("email", "events@harbourtrust.example")]
    doc.body = [
        ("addr", ["{} {} {}".format(title, first, last), company,
                  "{} {}".format(rng.randint(1, 120), rng.choice(STREETS)),
                  "Port Example {}".format(10000 + rng.randint(1, 99))]),
        ("p", [("t", "February {}, 2026".format(day))], None, "date"),
        ("h", 2, [("t", "Confirmation of your exhibition space")], None),
        ("p", [("t", "Dear {} {},".format(title, last))], None, None),
        ("p", [("t", "Thank you for your application to show "), ("em", [("t", work)]),
               ("t", " at this year’s Northern Light Festival. I am delighted to confirm that the selection panel "
                     "has offered you {} for the full eleven nights of the festival, from 20 to 30 March."
                .format(venue))], None, None),
        ("p", [("t", "The space measures {:.1f} by {:.1f} metres, with a ceiling height of {:.1f} metres and {} "
                     "16-ampere circuits on the harbour microgrid. Our technical team will contact you within the "
                     "week to agree the installation schedule; the building is available to exhibitors from 9 March, "
                     "and all work must be installed and tested by the preview evening on 19 March."
                .format(rng.uniform(4, 9), rng.uniform(3, 7), rng.uniform(2.8, 5), rng.choice(["two", "three", "four"])))],
         None, None),
        ("p", [("t", "As discussed, the Trust will cover the cost of transport from your studio, public-liability "
                     "insurance during the festival, and a fee of {:,} dollars, paid in two instalments: half on "
                     "signature of the enclosed agreement and half at the close of the festival.".format(fee))],
         None, None),
        ("p", [("t", "Please sign and return the agreement by {} March. If you have any questions in the meantime, "
                     "you can reach me directly on +1 555 01{:02d} or at the address above. The festival "
                     "programme is online at ".format(rng.randint(1, 9), rng.randint(10, 99))),
               ("url", "https://www.harbourtrust.example/festivals/northern-light-2026"), ("t", ".")], None, None),
        ("p", [("t", "With best wishes,")], None, None),
        ("addr", ["Amira Castellanos", "Director of Culture"]),
    ]
    return doc


# --------------------------------------------------------------------------
# Reading the press-release sample (for the peers): the inline subset it uses.
INLINE_RE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|<sup>(.*?)</sup>|\[\^([^\]]+)\]|<(https?://[^>]+)>|"
                       r"\[([^\]]+)\]\(([^)]+)\)|\^\[([^\]]+)\]")


def parse_inline(s):
    runs = []
    pos = 0
    for m in INLINE_RE.finditer(s):
        if m.start() > pos:
            runs.append(("t", s[pos:m.start()]))
        if m.group(1) is not None:
            runs.append(("strong", parse_inline(m.group(1))))
        elif m.group(2) is not None:
            runs.append(("em", parse_inline(m.group(2))))
        elif m.group(3) is not None:
            runs.append(("sup", m.group(3)))
        elif m.group(4) is not None:
            runs.append(("ref", m.group(4)))
        elif m.group(5) is not None:
            runs.append(("url", m.group(5)))
        elif m.group(6) is not None:
            runs.append(("link", m.group(7), parse_inline(m.group(6))))
        elif m.group(8) is not None:
            runs.append(("note", parse_inline(m.group(8))))
        pos = m.end()
    if pos < len(s):
        runs.append(("t", s[pos:]))
    return runs


def load_press_release(path):
    import yaml  # python3-yaml (tools/setup.sh installs it)
    with open(path, encoding="utf-8") as f:
        y = yaml.safe_load(f)
    doc = Doc(y["title"], y.get("layout", "letterhead"), y.get("language", "en"))
    doc.date = str(y.get("date", ""))
    doc.fields = list(y.get("fields", {}).items())
    doc.footnotes = {k: parse_inline(v) for k, v in y.get("footnotes", {}).items()}
    for b in y["body"]:
        if isinstance(b, str):
            doc.body.append(("p", parse_inline(b), None, None))
        elif "heading" in b:
            doc.body.append(("h", b.get("level", 1), parse_inline(b["heading"]), None))
        elif "paragraph" in b:
            doc.body.append(("p", parse_inline(b["paragraph"]), None, b.get("style")))
        elif "list" in b:
            doc.body.append(("list", [parse_inline(i) for i in b["list"]], False))
    return doc


# --------------------------------------------------------------------------
# Writers.

def md_escape(s):
    return re.sub(r"([\\`*_\[\]<>^])", r"\\\1", s)


def yq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def folio_inline(runs):
    out = []
    for r in runs:
        k = r[0]
        if k == "t":
            out.append(md_escape(r[1]))
        elif k == "em":
            out.append("*" + folio_inline(r[1]) + "*")
        elif k == "strong":
            out.append("**" + folio_inline(r[1]) + "**")
        elif k == "link":
            out.append("[" + folio_inline(r[2]) + "](" + r[1] + ")")
        elif k == "url":
            out.append("<" + r[1] + ">")
        elif k == "note":
            out.append("^[" + folio_inline(r[1]) + "]")
        elif k == "ref":
            out.append("[^" + r[1] + "]")
        elif k == "sup":
            out.append("<sup>" + md_escape(r[1]) + "</sup>")
        elif k == "span":
            out.append('<span lang="' + r[1] + '">' + md_escape(r[2]) + "</span>")
    return "".join(out)


def write_folio(doc, path, alias=False):
    """Writes content YAML. With `alias`, a file that would pass MAX_YAML_BYTES
    keeps its first plain paragraphs as anchors (&pN) and turns plain
    paragraphs after a cut-off into aliases (*pN) of them, the cut-off chosen
    so that the file fits."""
    lines = ["# Generated by bench/generate.py; do not edit.",
             "layout: " + doc.layout, "language: " + doc.language, "title: " + yq(doc.title),
             "author: " + yq(doc.author), "date: " + doc.date, "fields:"]
    for k, v in doc.fields:
        lines.append("  {}: {}".format(k, yq(v)))
    if doc.footnotes:
        lines.append("footnotes:")
        for k, v in doc.footnotes.items():
            lines.append("  {}: {}".format(k, yq(folio_inline(v))))
    lines.append("body:")
    head_size = sum(len(l.encode()) + 1 for l in lines)
    blocks = []  # (line, aliasable text or None)
    for b in doc.body:
        k = b[0]
        plain = None
        if k == "h":
            line = "  - heading: " + yq(folio_inline(b[2]))
            if b[1] != 1:
                line += "\n    level: {}".format(b[1])
            if b[3]:
                line += "\n    id: " + b[3]
        elif k == "p":
            text = yq(folio_inline(b[1]))
            if b[2] or b[3]:
                line = "  - paragraph: " + text
                if b[2]:
                    line += "\n    lang: " + b[2]
                if b[3]:
                    line += "\n    style: " + b[3]
            else:
                line = "  - " + text
                if not has_ref(b[1]):
                    plain = text
        elif k == "list":
            line = "  - list:\n" + "\n".join("      - " + yq(folio_inline(i)) for i in b[1])
            if b[2]:
                line += "\n    numbered: true"
        elif k == "quote":
            line = "  - quote: " + yq(folio_inline(b[1]))
        elif k == "addr":
            line = "  - paragraph: " + yq("\\\n".join(md_escape(x) for x in b[1])) + "\n    align: start"
        blocks.append((line, plain))

    cut = len(blocks)
    if alias:
        full = [len(l.encode()) + 1 + (9 if p else 0) for l, p in blocks]  # + " &p12345"
        aliased = [12 if p else len(l.encode()) + 1 for l, p in blocks]   # "  - *p12345"
        total = head_size + sum(full)
        if total > MAX_YAML_BYTES:
            suffix = sum(aliased)
            prefix = head_size
            cut = 0
            for i in range(len(blocks)):
                if prefix + full[i] + suffix - aliased[i] > MAX_YAML_BYTES:
                    break
                prefix += full[i]
                suffix -= aliased[i]
                cut = i + 1
    rng = random.Random(len(doc.body))
    anchors = 0
    for i, (line, plain) in enumerate(blocks):
        if plain is not None and cut < len(blocks):
            if i < cut:
                anchors += 1
                line = "  - &p{} {}".format(anchors, plain)
            elif anchors:
                line = "  - *p{}".format(rng.randint(1, anchors))
        lines.append(line)
    write(path, "\n".join(lines) + "\n")


def typ_escape(s):
    s = re.sub(r"([\\#*_$<>@\[\]`~=])", r"\\\1", s)
    return s.replace("//", "/\\/").replace("--", "-\\-").replace("...", ".\\..")


def typ_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typ_inline(runs, doc):
    out = []
    for r in runs:
        k = r[0]
        if k == "t":
            out.append(typ_escape(r[1]))
        elif k == "em":
            out.append("#emph[" + typ_inline(r[1], doc) + "]")
        elif k == "strong":
            out.append("#strong[" + typ_inline(r[1], doc) + "]")
        elif k == "link":
            if r[1].startswith("#"):
                out.append("#link(<" + r[1][1:] + ">)[" + typ_inline(r[2], doc) + "]")
            else:
                out.append("#link(" + typ_str(r[1]) + ")[" + typ_inline(r[2], doc) + "]")
        elif k == "url":
            out.append("#link(" + typ_str(r[1]) + ")")
        elif k == "note":
            out.append("#footnote[" + typ_inline(r[1], doc) + "]")
        elif k == "ref":
            out.append("#footnote[" + typ_inline(doc.footnotes[r[1]], doc) + "]")
        elif k == "sup":
            out.append("#super[" + typ_escape(r[1]) + "]")
        elif k == "span":
            out.append("#text(lang: " + typ_str(r[1]) + ")[" + typ_escape(r[2]) + "]")
        # A markup call followed by "." or "(" or "[" would continue the expression.
        if k != "t":
            out.append("#[]")
    return "".join(out)


TYP_FONTS = '("Noto Serif", "Noto Naskh Arabic", "Noto Serif Hebrew", "Noto Serif Devanagari", "Noto Serif CJK SC")'


def write_typst(doc, path):
    f = dict(doc.fields)
    head = [
        "// Generated by bench/generate.py; do not edit.",
        '#set document(title: {}, author: {})'.format(typ_str(doc.title), typ_str(doc.author)),
        # No `context` (Typst 0.11+) nor locate() (removed later): works in every version.
        '#set page(paper: "a4", margin: (top: 30mm, bottom: 24mm, left: 25mm, right: 25mm), numbering: "1",',
        '  header: [#text(size: 8pt)[{} #h(1fr) {}]])'.format(typ_escape(f.get("sender", "")), typ_escape(doc.title)),
        '#set text(font: {}, size: 10.5pt, lang: "{}", hyphenate: true)'.format(TYP_FONTS, doc.language),
        # Baselines 14.5pt apart as in Folio's body style: Typst's leading is the
        # gap below the cap height (~7.5pt at 10.5pt), paragraphs 6pt apart.
        "#set par(justify: true, leading: 7pt)",
        "#show par: set block(spacing: 13pt)",
        '#show heading: set text(font: ("Noto Sans",), size: 13.5pt, fill: rgb("#103a6e"))',
        "#text(size: 14pt, weight: \"bold\")[{}] \\".format(typ_escape(f.get("sender", ""))),
        "#text(size: 8pt)[{}] \\".format(typ_escape(" · ".join(v for k, v in doc.fields if k != "sender"))),
        "",
    ]
    if doc.layout == "letterhead" and os.path.exists(os.path.join(os.path.dirname(path), "emblem.png")):
        head.insert(9, '#place(top + right, image("emblem.png", width: 19mm))')
    body = []
    for b in doc.body:
        k = b[0]
        if k == "h":
            body.append("=" * b[1] + " " + typ_inline(b[2], doc) + (" <" + b[3] + ">" if b[3] else ""))
        elif k == "p":
            text = typ_inline(b[1], doc)
            if b[2]:
                body.append('#[#set text(lang: "{}")\n{}]'.format(b[2], text))
            else:
                body.append(text)
        elif k == "list":
            body.append("\n".join(("+ " if b[2] else "- ") + typ_inline(i, doc) for i in b[1]))
        elif k == "quote":
            body.append("#quote(block: true)[" + typ_inline(b[1], doc) + "]")
        elif k == "addr":
            body.append(" \\\n".join(typ_escape(x) for x in b[1]))
        body.append("")
    write(path, "\n".join(head + body) + "\n")


def tex_escape(s):
    rep = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
           "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
    return "".join(rep.get(c, c) for c in s)


def tex_url(u):
    return u.replace("%", r"\%").replace("#", r"\#")


TEX_LANG = {
    "ar": (r"\arabicfont\beginR ", r"\endR"),
    "he": (r"\hebrewfont\beginR ", r"\endR"),
    "hi": (r"\devanagarifont ", ""),
    "zh": (r'\cjkfont\XeTeXlinebreaklocale "zh"\XeTeXlinebreakskip=0pt plus 1pt ', ""),
    "ja": (r'\japanesefont\XeTeXlinebreaklocale "ja"\XeTeXlinebreakskip=0pt plus 1pt ', ""),
}


def tex_inline(runs, doc):
    out = []
    for r in runs:
        k = r[0]
        if k == "t":
            out.append(tex_escape(r[1]))
        elif k == "em":
            out.append(r"\emph{" + tex_inline(r[1], doc) + "}")
        elif k == "strong":
            out.append(r"\textbf{" + tex_inline(r[1], doc) + "}")
        elif k == "link":
            if r[1].startswith("#"):
                out.append(r"\hyperref[" + r[1][1:] + "]{" + tex_inline(r[2], doc) + "}")
            else:
                out.append(r"\href{" + tex_url(r[1]) + "}{" + tex_inline(r[2], doc) + "}")
        elif k == "url":
            out.append(r"\url{" + tex_url(r[1]) + "}")
        elif k == "note":
            out.append(r"\footnote{" + tex_inline(r[1], doc) + "}")
        elif k == "ref":
            out.append(r"\footnote{" + tex_inline(doc.footnotes[r[1]], doc) + "}")
        elif k == "sup":
            out.append(r"\textsuperscript{" + tex_escape(r[1]) + "}")
        elif k == "span":
            pre, post = TEX_LANG.get(r[1], ("", ""))
            out.append("{" + pre + tex_escape(r[2]) + post + "}")
    return "".join(out)


def write_latex(doc, path):
    f = dict(doc.fields)
    head = [
        "% Generated by bench/generate.py; do not edit.",
        r"\documentclass[a4paper]{article}",
        r"\usepackage[top=30mm,bottom=24mm,left=25mm,right=25mm]{geometry}",
        r"\usepackage{fontspec}",
        r"\setmainfont{Noto Serif}",
        r"\setsansfont{Noto Sans}",
        r"\newfontfamily\arabicfont[Script=Arabic]{Noto Naskh Arabic}",
        r"\newfontfamily\hebrewfont[Script=Hebrew]{Noto Serif Hebrew}",
        r"\newfontfamily\devanagarifont[Script=Devanagari]{Noto Serif Devanagari}",
        r"\newfontfamily\cjkfont{Noto Serif CJK SC}",
        r"\newfontfamily\japanesefont{Noto Serif CJK JP}",
        r"\TeXXeTstate=1",
        r"\usepackage{xcolor}",
        r"\usepackage{graphicx}",
        r"\usepackage{fancyhdr}",
        r"\usepackage[hidelinks]{hyperref}",
        r"\hypersetup{pdftitle={" + tex_escape(doc.title) + "}, pdfauthor={" + tex_escape(doc.author) + "}}",
        r"\pagestyle{fancy}\fancyhf{}",
        r"\fancyhead[L]{\small " + tex_escape(f.get("sender", "")) + r"}\fancyhead[R]{\small " +
        tex_escape(doc.title) + "}",
        r"\fancyfoot[C]{\small\thepage}",
        r"\setlength{\parindent}{0pt}\setlength{\parskip}{6pt}",
        r"\setcounter{secnumdepth}{0}",
        r"\begin{document}",
        r"\fontsize{10.5}{14.5}\selectfont",
        r"\thispagestyle{empty}",
    ]
    if doc.layout == "letterhead" and os.path.exists(os.path.join(os.path.dirname(path), "emblem.png")):
        head.append(r"\noindent\includegraphics[width=19mm]{emblem.png}\par")
    head.append(r"{\large\textbf{" + tex_escape(f.get("sender", "")) + r"}}\\")
    head.append(r"{\footnotesize " + tex_escape(" · ".join(v for k, v in doc.fields if k != "sender")) + r"}\par")
    body = []
    for b in doc.body:
        k = b[0]
        if k == "h":
            cmd = {1: "section", 2: "subsection", 3: "subsubsection"}[b[1]]
            body.append("\\" + cmd + "{" + tex_inline(b[2], doc) + "}" + (r"\label{" + b[3] + "}" if b[3] else ""))
        elif k == "p":
            text = tex_inline(b[1], doc)
            if b[2] in TEX_LANG:
                pre, post = TEX_LANG[b[2]]
                body.append("{" + pre + text + post + r"\par}")
            else:
                body.append(text)
        elif k == "list":
            env = "enumerate" if b[2] else "itemize"
            body.append(r"\begin{" + env + "}\n" + "\n".join(r"\item " + tex_inline(i, doc) for i in b[1]) +
                        r"\end{" + env + "}")
        elif k == "quote":
            body.append(r"\begin{quote}" + tex_inline(b[1], doc) + r"\end{quote}")
        elif k == "addr":
            body.append("\\\\\n".join(tex_escape(x) for x in b[1]))
        body.append("")
    write(path, "\n".join(head + [""] + body + [r"\end{document}", ""]))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def copy_emblem(repo, outdir):
    src = os.path.join(repo, "layouts", "emblem.png")
    if not os.path.exists(src):
        return
    data = open(src, "rb").read()
    for sub in ("typst", "latex", "typst/letters", "latex/letters"):
        d = os.path.join(outdir, sub)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "emblem.png"), "wb") as f:
            f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--sizes", default="100,1000,10000", help="page counts of the prose documents")
    ap.add_argument("--multiscript-pages", type=int, default=100)
    ap.add_argument("--letters", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--no-peers", action="store_true", help="write only the Folio sources")
    args = ap.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = args.outdir
    peers = not args.no_peers
    if peers:
        copy_emblem(repo, out)

    cases = []
    # The smallest document: start-up alone (plain layout, one word).
    one = Doc("One word", "plain")
    one.fields = []
    one.body.append(("p", [("t", "Hello")], None, None))
    cases.append(("one-word", one, False))
    press = os.path.join(repo, "content", "press-release.yaml")
    if peers and os.path.exists(press):
        try:
            cases.append(("press-release", load_press_release(press), False))
        except ImportError:
            print("generate.py: python3-yaml is missing; the peers' press release is not written", file=sys.stderr)
    for n in [int(x) for x in args.sizes.split(",") if x]:
        cases.append(("doc-{}".format(n), prose_document(n, args.seed), True))
    if args.multiscript_pages > 0:
        cases.append(("multi-script", multiscript_document(args.multiscript_pages, args.seed + 1), False))
    for name, doc, alias in cases:
        if name != "press-release":
            write_folio(doc, os.path.join(out, "folio", name + ".yaml"), alias=alias)
        if peers:
            write_typst(doc, os.path.join(out, "typst", name + ".typ"))
            write_latex(doc, os.path.join(out, "latex", name + ".tex"))
    for i in range(1, args.letters + 1):
        doc = letter_document(i, args.seed)
        name = "letter-{:04d}".format(i)
        write_folio(doc, os.path.join(out, "folio", "letters", name + ".yaml"))
        if peers:
            write_typst(doc, os.path.join(out, "typst", "letters", name + ".typ"))
            write_latex(doc, os.path.join(out, "latex", "letters", name + ".tex"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
