"""What the audit knows about English: its name, the words that tell it apart, its
bylines and month names (read by language detection, bylines and dates), the labels of
its pages (furniture, credits, author boxes, the words around a byline's names: the
fields of audit.lang.LABEL_FIELDS, each with what it is for), and the sourcing pack:
every word list, word and pattern the sourcing stage reads.

The sourcing pack holds cue verbs, the head nouns that tell a source's type, and (at the
end) the patterns of the cue scan (cues.py), of carried quotes and pronouns (carry.py), of
titles and headline labels (consistency.py), of check-worthy claims (claims.py), of the
extractor's reader (content.py, reported.py: datelines, clause ends) and of the author's
own voice (voice.py). Kept as data in one place so that a reviewer can see, and extend,
what the extractor knows without reading its logic. Word lists are lower case
unless they match capitalised text. A language whose module has CUE_VERBS is covered by
the sourcing stage (audit/lang/__init__.py).
"""

from __future__ import annotations

from audit.agencies import AGENCIES
from audit.lang.patterns import trie_pattern


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text, as a set."""
    return frozenset(text.split())


NAME = "English"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
the of and to in is that for it was on with as be by at this are from have has not but
they which said were an will would their been who its or he she we more
"""
# The word before an author's name in a byline.
BYLINE_BY = ("by",)
# Other words and labels a byline opens with.
BYLINE_OPENERS = ("written by", "posted by", "published by", "reported by", "words by",
                  "text by", "author")
# Month names, January to December; a month's spellings are space-separated.
MONTHS = (
    "jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
    "aug august", "sep sept september", "oct october", "nov november", "dec december",
)

# Function words (and reporting verbs that every article shares) that copy detection leaves
# out of a sentence's content words (audit/copies/text.py): they carry no evidence that one
# text was taken from another.
COPY_STOP_WORDS = words("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours said says say told according also
mr mrs ms s t one two new like get got many much may might must us via per
""")

# Page furniture, credits and labels (audit/strip/furniture.py, audit/strip/textroles.py,
# audit/provenance.py): regular-expression fragments, matched case-insensitively at the
# start of a block unless said otherwise; audit.lang.alternation joins every language's.
# A photo ("Photo: X", "Image 3 of 5"), and the words between it and a credit's colon.
PHOTO_WORDS = ("photo", "image", "picture")
PHOTO_CREDIT_WORDS = ("credit", "courtesy")
# A source credit's label ("Source: Reuters"), before a colon.
SOURCE_LABELS = ("sources?",)
# What opens a translator's credit ("Translated by X"), and labels that need a colon.
TRANSLATED_BY = (r"translated(?: from [\w-]+)? by",)
TRANSLATION_LABELS = (r"translation(?: by)?",)
# Newsletter prompts, and the words of a bare "Subscribe" button with what may follow it.
NEWSLETTER_PROMPTS = (
    r"(?:sign up|subscribe|join|get|receive|enter|register|never miss)\b.*\b(?:newsletters?|"
    r"mailing list|e-?mail list|inbox|updates)\b",)
SUBSCRIBE_WORDS = ("subscribe", "sign up")
SUBSCRIBE_TAILS = ("now", "today", "here", "for free", r"(?:for|to) (?:our|free)\b.*",
                   r"to (?-i:[A-Z]).*")
# A comments heading ("Comments (3)"), a prompt to comment, and "no comments yet".
COMMENTS_WORDS = ("comments?",)
COMMENT_PROMPTS = (
    r"(?:leave|write|post|add|submit|view|show|hide|read)\s+(?:a |your |the |all )?"
    r"(?:\d+ )?(?:comments?|reply|replies|response)\b",)
NO_COMMENTS = (r"no comments?(?: yet)?", "be the first to comment")
# Anywhere in a short block: "log in to comment" (being logged in, then commenting).
LOGGED_IN = ("register", "log ?in", "sign in", "logged in")
TO_COMMENT = ("comment", "post a comment", "join the discussion")
# Links to the previous or next article, and skip links.
PREV_NEXT = (r"(?:[«‹<←]\s*)?(?:previous|next|older|newer|prev)\s*(?:article|post|story|"
             r"entry|page|posts|entries)?\s*[:»›>→]?$",)
SKIP_LINKS = (r"skip to (?:main )?content", r"skip to (?:site )?navigation", "back to top",
              r"go to (?:home ?page|top)", r"continue reading(?: the main story)?",
              "toggle navigation")
# A menu item alone on its line.
MENU_WORDS = ("home", "menu", "search", "log ?in", "log ?out", "sign ?in", "sign ?out",
              "register", "account", "my account", "close", "open", "more")
# A share button alone, or with what it shares ("Share this article").
SHARE_WORDS = ("share", "tweet", "pin it", "email", "e-mail", "print")
# A list of related stories ("Related", "More stories", "You may also like").
RELATED_PROMPTS = (
    r"related\s*:?$", r"related\s*:\s*\S",
    r"(?:related|recent|popular|trending|latest|more|top|recommended|similar)\s+"
    r"(?:articles?|posts?|stories|news|reading|videos?|coverage|content|from|in)\b",
    r"you (?:may|might) (?:also )?(?:like|enjoy)", r"read (?:more|next|also)", "see also",
    "also read", "more from")
# An advertisement's label alone on its line.
AD_LABELS = ("advertisement", "advertising", "sponsored", "ad")
# Anywhere in a short block: a cookie notice.
COOKIE_NOTICES = ("we use cookies", "uses cookies", r"cookie (?:policy|settings|preferences)")
# Anywhere in a block of any length: a prompt to join a mailing list, a cookie banner.
MAILING_LIST_PROMPTS = (
    r"(?:join|sign up (?:for|to)|subscribe to) (?:our|the) (?:mailing list|newsletter)",)
COOKIE_BANNERS = ("we use cookies", r"this (?:site|website) uses cookies",
                  r"by continuing to use this (?:site|website)")
# Anywhere in a block: a copyright notice's "all rights reserved".
ALL_RIGHTS_RESERVED = ("all rights reserved",)
# The word of a slideshow counter ("Image 1 of 5").
COUNTER_OF = ("of",)
# The heading of an author box ("About the author"), and the word of "About Jane Doe".
ABOUT_AUTHOR = ("about the author", r"about (?:the )?writer")
ABOUT = ("about",)
# Anywhere in a block: what a biography says of its author ("is a staff writer").
BIO_CUES = (r"\bmy name is\b",
            r"\bis an? (?:\w+ ){0,3}(?:writer|journalist|reporter|editor|correspondent|"
            r"author|contributor|columnist|blogger)\b", r"\beditor[- ]in[- ]chief\b")
# A page's own label: an opinion piece ("Opinion |"), sponsored content ("Paid post").
OPINION_LABELS = ("opinion", "op-ed", "editorial", "commentary", "column")
SPONSORED_LABELS = (r"sponsored(?: content| post| by\b.*)?", r"paid (?:post|content)",
                    "advertorial", "partner content")
# Bylines (audit/provenance.py, audit/metadata/authors.py): the words after a name that open
# its date ("By X, updated May 5"), the word before a date ("on May 5") and a date's label
# ("Updated:").
PUBLISHED_WORDS = ("published", "posted", "updated")
DATE_ON = ("on",)
UPDATED_LABELS = ("updated",)
# The labels of a publication's date, not an update's ("Published 3 March 2020").
PUBLISHED_LABELS = ("published", "publication date", "posted on", "written")
# Words before the "by" of a byline ("Written by", "View all posts by"), the other word
# before a name ("From"), an author's label ("Author: X", "Text: X") and the words that
# name an author before the name ("Author Jane Doe").
BYLINE_LEADS = ("written", "posted", "reported", "text", "words", "interview", "story",
                "view all posts", "all posts", "post author", "article author", "posts",
                "articles?", "published", "more")
BYLINE_FROM = ("from",)
AUTHOR_LABELS = ("author", "reporter", "text", "photos?", "written")
AUTHOR_WORDS = ("author",)
# Job titles after a name ("Jane Doe, Senior Reporter"), the words before them, and the
# titles cut from a name's end ("Jane Doe Staff Writer").
JOB_TITLE_LEADS = ("senior", "staff", "chief", "contributing", "political", "deputy",
                   "managing", "news", "sports", "associate", "executive", "special",
                   "freelance")
JOB_TITLES = ("writer", "journalist", "columnist", "reporter", "correspondent", "editor",
              "contributor", "producer", "photographer", "author", "staff", "phd", r"dr\.?",
              r"prof\.?", "md")
JOB_TITLE_TAILS = ("staff writer", "staff", "reporter", "correspondent", "journalist", "editor")
# Words around a byline that are never (part of) a name, and an author's links after it.
NOT_NAMES = ("from", "about", "close", "author page", "profile", "published", "posted",
             "sponsored", "advertisement", "more", "follow", "share", "view", "all", "contact",
             "text", "interview", "author", "photo", "ago")
AUTHOR_LINKS = ("all articles", r"view (?:my )?(?:complete )?profile", "more from", "contact",
                "e-?mail", "follow")
# Small words a site's name may hold in lower case ("The Times of India"; textroles.py).
SITE_SMALL_WORDS = ("of", "the", "and", "for")
# Words of the HTML classes of an author's element ("author", "writer").
BYLINE_CLASS_WORDS = ("author", "writer", "journalist")
# A reader's comment: its reply button, and "X said:" opening it (audit/strip/textregion.py).
REPLY_WORDS = ("reply",)
COMMENTER_SAID = ("says", "said", "wrote")
# The word that joins two names in a byline ("Jane Doe and John Roe"; audit/metadata/authors.py).
NAME_AND = ("and",)


# Cue verbs that are almost always attribution whatever their subject.
STRONG_CUES = words("""
said says say told tells tell stated added adds explained explains according
""")

# Strong cues after which a subject of unknown kind still counts ("the man said").
FALLBACK_CUES = words("said says say told tells stated according")

# All single-word cue verbs: speech, reporting, belief and knowledge, in any tense.
# Base forms ("say", "note") are for plural subjects ("officials say", "observers note").
CUE_VERBS = STRONG_CUES | words("""
noted notes note argued argues argue warned warns warn estimated estimates estimate
predicted predicts predict believes believe believed expects expect thinks think fears
fear feared hopes hoped suggested suggests suggest urged urges urge promised promises
promise stressed stresses stress emphasized emphasizes emphasize emphasised emphasises
emphasise acknowledged acknowledges admitted admits asserted asserts reported reports
report disclosed discloses revealed reveals declared declares indicated indicates
wrote writes concluded concludes found finds showed shows outlined outlines described
describes expressed expresses praised praises criticized criticised criticizes
referenced references cited cites recalled recalls alleged alleges maintained
maintains contended contends insisted insists insist claimed claims claim confirmed
confirms denied denies announced announces testified testifies conceded concedes vowed
vows pledged pledges complained complains observed observes observe remarked
reiterated reiterates cautioned cautions countered responded replied knows know
doubted doubts worried worries agreed agrees agree recommended recommends projected
projects forecast forecasts accused accuses accuse tweeted tweets reveal calculated
calculates called calls call continued continues answered answers show find indicate quipped
quips joked jokes mused muses wondered wonders retorted lamented laments proclaimed proclaims
exclaimed yelled shouted chanted recounted recounts pleaded boasted boasts bragged brags scoffed
snapped texted emailed elaborated elaborates surmised fumed acknowledge implied implies
imply
""")

# Nouns that attribute what follows "that" to their owner ("Smith’s claim that ...").
NOMINAL_CUES = words("""
claim claims assertion allegation allegations belief warning warnings statement
announcement suggestion view argument insistence prediction estimate contention
admission promise pledge assurance assurances denial conclusion finding findings
""")
POSSESSIVE_PRONOUNS = words("his her their its our my")

# Participles that report for the subject of their sentence ("..., saying that ...").
PARTICIPLE_CUES = words("""
saying adding noting warning arguing explaining claiming insisting stressing telling
urging stating admitting acknowledging asserting describing accusing predicting
confirming denying citing suggesting criticizing criticising praising blaming questioning
asking promising vowing declaring announcing calling referring recalling emphasizing
emphasising reiterating cautioning conceding hoping expecting fearing believing denouncing
mentioning threatening pledging proposing refusing offering tweeting writing
""")

# Cues that may come before their source ("..., said the minister").
INVERTIBLE_CUES = words("""
said says added adds explained explains wrote writes noted notes recalled
replied responded countered argued argues insisted insists warned warns stated observed
concluded acknowledged conceded admitted remarked asked continued cautioned claimed
declared according quipped joked mused wondered retorted lamented proclaimed exclaimed
yelled shouted chanted recounted pleaded boasted bragged scoffed snapped tweeted
elaborated surmised fumed
""")

# Cues of evidence: attribution only for documents or with "that" ("the study found").
EVIDENCE_CUES = words("found finds find showed shows show shown revealed reveals reveal")

# Cues that report only with an object and what it is called ("called the plan a sham",
# "calls it “insanity”"); "called off", "calls for" are other verbs.
NAMING_CUES = words("called calls call calling")

# Cues that report only a quote they close or open ("“A,” she continued.", "He continued,
# “B.”"): "continued to rise" reports nothing.
QUOTE_ONLY_CUES = words("continued continues answered answers went goes read reads")
# ("went on" with the phrase in MORE_PHRASES; "“A,” the statement read.")

# Cues that report only with "that" after them ("Beijing has calculated that ...").
THAT_ONLY_CUES = words("calculated calculates")

# Belief cues that still report when negated ("I don't think ...", "he does not think").
BELIEF_CUES = words("think thinks thought believe believes believed expect expects doubt")
NEGATIONS = words("""
not don't doesn't didn't don’t doesn’t didn’t never isn't isn’t wasn't wasn’t aren't aren’t
weren't weren’t won't won’t wouldn't wouldn’t hasn't hasn’t haven't haven’t
""")

# Belief and knowledge cues read inside a quote after "I" or "we" ("“I think we won,”").
NESTED_CUES = words("""
think believe know feel fear noted find suspect doubt
""")

# Cues that state an intention, not a report, when "to" follows ("vowed to fight").
INTENT_CUES = words("""
pledged pledges vowed vows promised promises agreed agrees agree hoped hopes expects
expect threatened claims claimed claim
""")

# Verbs whose object comes before the reported clause ("told reporters that ...").
OBJECT_CUES = words("told tells tell telling")
# Stance verbs whose object may be the one addressed, a "that" clause after it being what
# was said ("warned lawmakers that ..."), not a relative clause of the object.
ADDRESSEE_CUES = words("warn warns warned warning")

# Words between a subject and its cue that are not part of the subject.
AUX = words("""
has have had will would also recently previously repeatedly later earlier publicly
privately already once often again further still even just first then
may might could should can must is are was were do does did been only long now
""")

# Words that end a noun phrase when walking away from a cue.
CLAUSE_WORDS = words("""
that which who whom whose when while as because but if although though after before
since where so than whether until unless whereas what how why to nor yet despite
""")

# Verbs and auxiliaries: a noun phrase does not run through them. Present-tense cues
# that double as nouns ("report", "claims", "estimate") are left out on purpose.
VERBISH = words("""
is are was were be been being has have had do does did will would can could may might
must should shall said says told tells wrote writes found thought
""") | frozenset(w for w in CUE_VERBS if w.endswith("ed"))

DETERMINERS = words("""
the a an this that these those one two three four five several some many most
his her their its our my your
""")

# Prepositions that start an adverbial phrase before a subject ("On Monday the ministry").
LEADING_PREPS = words("""
on in at during after before since by for with under over last this meanwhile however
earlier later yesterday today but and also still moreover additionally now then
""")

# Prepositions that may continue a noun phrase ("officials from the ministry").
NP_PREPS = words("of from in at for with on familiar close to")
# Role nouns whose "to" names whom they serve, inside the source: "the ambassador to Britain
# said", "an adviser to the president said" ("to" otherwise ends a source).
TO_ROLE_HEADS = words("""
ambassador ambassadors envoy envoys adviser advisers advisor advisors aide aides assistant
assistants counselor counsellor consultant consultants emissary
""")

# What a quote may be said of before it ("says of Clinton, “...”", "said about the plan: “...”").
TOPIC_PREPS = words("of about")

# Words after a source that end it ("said the minister in a statement on Monday").
TIME_WORDS = words("""
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
morning evening afternoon night week month year last this next earlier later recently
on in during at after before a an his her their its
""")

# Words that say when: never the start of a source ("said Tuesday at the conference").
WHEN_WORDS = words("""
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning
evening afternoon night last next earlier later recently
""")

PRONOUNS = words("he she they it we i him her them us")
# Pronouns that open a clause as its subject ("said he would", "told them she was").
SUBJECT_PRONOUNS = words("he she they we i it you")

# The news agencies that supply text (audit.agencies, the one list): a name of five letters
# or more is looked for anywhere in a source phrase ("Reuters", "the Associated Press's
# correspondent"); a shorter one or an abbreviation only as the phrase's last word of at
# most two ("AP", "the AFP"), as "ap" or "ani" inside other words is no agency.
_AGENCY_NAMES = tuple(dict.fromkeys(
    alias.casefold() for agency in AGENCIES if agency.text for alias in agency.aliases))
OUTLET_NAMES = tuple(name for name in _AGENCY_NAMES if len(name) >= 5) + (
    "bbc", "nhk", "new york times", "washington post",
    "wall street journal", "financial times", "guardian", "nikkei", "fox news", "nbc",
    "abc news", "cbs", "politico", "axios", "al jazeera", "asahi", "yomiuri",
    "mainichi", "south china morning post", "global times", "people's daily", "the hill",
    "usa today", "npr", "the economist", "times of india", "le monde", "der spiegel",
)
OUTLET_ABBREVIATIONS = frozenset(name for name in _AGENCY_NAMES if len(name) < 5) | words(
    "bbc nhk npr")
OUTLET_HEADS = words("""
media newspaper newspapers broadcaster broadcasters tabloid magazine daily outlet outlets
television tv channel network wire agency website site blog
""")
# Capitalised last words of newspaper names ("Argus Leader", "Boston Globe").
NEWSPAPER_HEADS = words("""
times post journal herald tribune gazette chronicle globe news telegraph examiner observer
leader star sun mirror express register inquirer bulletin standard independent monitor
dispatch courier press review guardian today daily weekly magazine
""")

DOCUMENT_HEADS = words("""
report agreement study statement filing document documents survey analysis memo
memorandum letter ruling data figures poll paper policy bill law estimate estimates
assessment census records release communique communiqué declaration proposal budget
audit review investigation indictment complaint lawsuit affidavit transcript minutes
guidelines treaty accord framework charter research findings results forecast projection
strategy decree resolution report’s study’s statistics survey’s tests scans
presentation slides email emails tweet tweets post posts video advertisement ad ads
website page filings record note notes message messages polling files numbers returns
photos photographs images testimony receipts logs
""")
# Forces and offices named only by what they are: unnamed unless a name says whose.
GENERIC_FORCES = words("authorities police authority""")
# Plural documents with no determiner are "reports in general": vague.
GENERIC_PLURAL_DOCUMENTS = words("reports studies surveys polls rumors rumours accounts")

VAGUE_HEADS = words("""
attendees participants users customers fans voters investors traders consumers viewers
readers patients parents students teachers doctors economists
experts observers critics analysts commentators some many others people scientists
researchers economists skeptics sceptics supporters opponents proponents pundits watchers
voices rumors rumours most few everyone anyone someone somebody lots all both
""") | GENERIC_PLURAL_DOCUMENTS

UNNAMED_HEADS = words("""
official officials source sources person insider insiders aide aides diplomat diplomats
employee employees staffer staffers member members lawmaker lawmakers executive
executives resident residents witness witnesses individual individuals adviser advisers
advisor advisors negotiator negotiators officer officers investigator investigators man
woman men women worker workers soldier soldiers spokesperson spokesman spokeswoman
representative representatives analyst expert observer critic insider colleague
colleagues friend friends relative relatives bosses attorneys lawyers chiefs managers
""")
# Heads that name an office only when definite ("the spokesman"), not "a spokesman".
DEFINITE_ROLE_HEADS = words("spokesperson spokesman spokeswoman representative")

ROLE_HEADS = words("""
president vice-president minister secretary chairman chairwoman chair ceo director
governor mayor ambassador chancellor premier king queen senator general admiral
commander chief head leader prosecutor judge attorney-general sheriff commissioner envoy
administrator president-elect spokesperson spokesman spokeswoman sen rep gov gen adm
justice speaker treasurer founder manager coach principal dean provost superintendent
leaders
""")

# Abbreviations that end a name, their point part of it ("Apple Inc. said", "John Smith Jr.
# said"; sources.py).
ABBREVIATED_NAME_ENDS = words("inc corp co cos ltd plc llc bros jr sr")
# What "the company" or "the firm" says stands for the organization named last (carry.py),
# when that one's name holds no other head of ORG_HEADS than these.
GENERIC_COMPANY_HEADS = words("company firm")
COMPANY_WORDS = words("company companies firm inc corp co plc ltd llc corporation technologies "
                      "systems industries group")
ORG_HEADS = words("""
ministry ministries agency agencies department government governments company companies
firm firms administration office house pentagon kremlin council commission committee
court parliament congress senate police military army navy bank university institute
party union association organization organisation group corporation inc corp co plc ltd llc
authority authorities board bureau service cabinet embassy consulate foundation center
centre regulator watchdog coalition alliance nato un eu fbi cia nasa jaxa command forces
force team club federation league hospital school technologies systems industries
holdings airlines motors labs partners tribunal secretariat directorate automaker
automakers carmaker carmakers retailer retailers manufacturer manufacturers maker makers
startup airline insurer lender lenders developer developers operator operators provider
providers brand chain giant conglomerate utility regulators prosecutors equities
securities capital investments fund funds associates consulting ventures brokerage unions
parties groups banks councils committees departments offices universities institutes
centers centres
""")

# Past participles that end a source's head ("the letter [signed by seven physicians]").
PARTICIPLES = words("""
signed published released issued written obtained seen filed sent prepared commissioned
led run based cited quoted posted shared reviewed
""")

CAPITALS = words("""
tokyo washington beijing moscow seoul pyongyang kyiv kiev london paris berlin brussels
tehran ankara delhi islamabad manila canberra ottawa taipei hanoi jakarta riyadh cairo
jerusalem damascus baghdad kabul rome madrid warsaw budapest havana caracas brasilia
pretoria nairobi abuja bangkok dhaka minsk
""")
COUNTRIES = words("""
japan china russia ukraine iran israel india pakistan france germany britain america
taiwan philippines australia canada korea turkey syria italy spain poland mexico brazil
vietnam indonesia thailand the-united-states united-states us u.s the-us the-u.s
north-korea south-korea the-philippines the-uk uk u.k
""")

# What an attribution's cue says the source did, beyond speaking or writing (model.Kind):
# held a belief or an intention, or took a stance.
BELIEF_KIND = words("""
think thinks thought believe believes believed expect expects expected fear fears feared
hope hopes hoped know knows knew doubt doubts doubted worry worries worried feel feels
felt suspect suspects suspected want wants wanted plan plans planned intend intends
intended decided decides decide declined declines refuse refuses refused seem seems
appear appears appeared
see sees saw view views viewed regard regards regarded
seemed understand understands understood predicted predicts predict estimated estimates
estimate projected projects forecast forecasts calculated calculates assume assumes
assumed hoping believing thinking fearing expecting wanting planning prefer prefers preferred
""")
STANCE_KIND = words("""
support supports supported endorse endorses endorsed back backs backed oppose opposes
opposed reject rejects rejected attack attacks attacked praised praises praise
criticized criticizes criticised criticises criticize criticise accused accuses accuse
pledged pledges pledge vowed vows vow promised promises promise condemned condemns
condemn welcomed welcomes welcome agreed agrees agree disagreed disagrees defended
defends defend blamed blames blame denounced denounces denounce favor favors favored
favour favours favoured applauded applauds slammed slams blasted blasts lambasted
questioned questions challenged challenges disputed disputes dismissed dismisses
accusing criticizing praising backing supporting opposing rejecting
decried decries decry assailed assails assail
""")

# Cues whose content may be their object, a noun phrase ("endorsed Trump", "called for an
# investigation", "cited a poll"): stance, mention and request verbs, and phrasal cues
# (NP_OBJECT_CUES, below, adds the stance participles).
_NP_OBJECT_VERBS = words("""
endorse endorses endorsed supports supported backed oppose opposes opposed reject
rejects rejected criticize criticizes criticized criticise criticises criticised defend
defends defended praise praises praised blame blames blamed condemn condemns condemned
denounce denounces denounced questioned mention mentions mentioned cite cites cited
discuss discusses discussed propose proposes proposed sought seeks welcome welcomes
welcomed applauded applauds slammed slams blasted blasts mocked mocks echoed echoes
urged urges urge demanded demands demand predicted predicts predict described describes
warned warns announced announces recommended recommends
support backs favor favors favour favours
attacked challenged disputed dismissed dismisses lambasted favored favoured
decried decries decry assailed assails assail encouraged encourages encourage
touted touts tout
""")
# Intention cues that also take a clause with no "that" ("supporters hope her bid works").
HOPE_CUES = words("hope hopes hoped")
# Intention cues that also take a noun phrase ("wants a recount", "sought the nomination").
NP_INTENT_CUES = words("want wants wanted seek seeks sought")
# Question cues: what was asked is a question ("asked whether ...", "asked Trump to ...").
ASK_CUES = words("asked asks ask")
WH_WORDS = words("whether if how why what who when where which")
# Phrasal cues whose object is their content ("called for an inquiry", "spoke about jobs").
PHRASAL_CUES = tuple(line.strip() for line in """
called for
called on
calls for
calls on
calling for
calling on
call for
call on
pointed to
points to
pointing to
spoke about
spoke of
speaks about
talked about
talks about
talking about
asked about
commented on
weighed in on
warned of
warned about
warned against
complained about
focused on
insisted on
argued for
argued against
voted for
voted against
raised questions about
raised concerns about
expressed concern about
expressed concerns about
expressed support for
objected to
boasted about
bragged about
joked about
lashed out at
railed against
rails against
railing against
hit back at
pushed back against
pushed back on
pushes back against
pushes back on
lobbied for
lobbies for
lobby for
lobbying for
shot back
fired back
spoke out against
spoke out about
referred to
refers to
referring to
""".strip().splitlines())

# Cues whose content is an intention, "to" and its verb ("pledged to cut taxes", "wants to
# run", "declined to comment"), or else their object ("wants a recount").
INTENT_TO_CUES = words("""
want wants wanted plan plans planned pledged pledges pledge vowed vows vow promised
promises promise declined declines refused refuses refuse hope hopes hoped intend
intends intended decided decides agreed agrees agree threatened threatens seek seeks
sought offered offers vowing prefer prefers preferred
""")

# Verbs of regard, which report a belief only as "X as Y" ("sees Cruz as a uniter", "views
# itself as a leader", "considers him as a rival"): "saw the car" is not one.
AS_ONLY_CUES = words("see sees saw view views viewed regard regards regarded consider "
                     "considers considered")

# Base forms: a cue only after a plural subject or a pronoun ("officials say", "voters
# want").
BASE_CUES = (frozenset(w for w in CUE_VERBS if not w.endswith(("s", "ed"))) - {
    "said", "told", "found", "thought", "wrote", "forecast", "according"}) | frozenset(
    w for w in _NP_OBJECT_VERBS | INTENT_TO_CUES | ASK_CUES | AS_ONLY_CUES
    if not w.endswith(("s", "ed")))

# Stance participles after their noun, a reduced relative ("a group backing Bush", "voters
# supporting Clinton"): the noun takes the stance, singular or plural.
STANCE_PARTICIPLES = words("supporting backing opposing endorsing")
NP_OBJECT_CUES = _NP_OBJECT_VERBS | STANCE_PARTICIPLES

# Heads of a quantity of people, typed vague ("Another 19 percent", "about four in 10",
# "a majority of voters", "half").
QUANTITY_HEADS = words("""
percent per cent majority minority plurality half third thirds quarter quarters fifths
share fraction
proportion handful dozens hundreds thousands millions number numbers two three four five
six seven eight nine ten 10 dozen
""")
IN = "in"
IF = "if"
# What "according to" names that is no source ("according to plan").
NOT_ACCORDING_SOURCES = words("plan plans schedule tradition custom form script design")
# What opens a quantity with "than" ("more than 4 in 10 said"), read as a source, not as
# a comparison.
MORE_OR_FEWER = words("more fewer less")
# The word of "more likely to say" between a subject and its cue (sources.py).
LIKELY = "likely"
# Fractions written with a hyphen ("two-thirds", "three-quarters"), typed like QUANTITY_HEADS.
FRACTIONS = words("half third thirds quarter quarters fifth fifths tenths")
# Heads of a share of people, whose participle is theirs ("with 62 percent saying", "a
# majority calling", "a fifth of voters saying").
SHARE_HEADS = words("percent per majority minority plurality") | FRACTIONS
# Nouns of polls: "in [the latest Quinnipiac poll]" attributes the finding it ends.
POLL_NOUNS = words("poll polls survey surveys")
# What a poll's finding holds: a figure or a standing ("leads by 8 points in the survey").
POLL_FIGURE_PATTERN = (r"\d|\b(?:percent|points?|majority|half|third|quarter|most|leads?|led"
                       r"|ahead|behind|trails?|trailed)\b")
# Words opening a clause whose cue does not report the words before it ("about double what
# Bradley said", "drew boos when he told").
SUBORDINATORS = words("what when which where because after before while until since whom than")
# What opens a clause saying when or why something was said, not what ("“...,” she said as
# she accepted her award").
OCCASION_CLAUSES = words("as while when after before because since though although")
# Words in -ing that are not participles ("said, nothing more").
NOT_PARTICIPLES = words("nothing something everything anything king spring morning evening "
                        "thing things")
# More heads of sources met in political reporting.
MORE_UNNAMED_HEADS = words("""
candidate candidates respondents delegates donors activists protesters demonstrators
advocates strategists operatives consultants organizers organisers pollster pollsters
staff voter leaders republicans democrats conservatives liberals progressives
independents evangelicals allies rivals backers surrogates insiders veterans
""")
MORE_ORG_HEADS = words("""
panel campaign campaigns jury caucus delegation coalition network pac super-pac
legislature assembly agencies tribunal court courts
""")

# First words of a line's "Word: ..." that do not name a speaker.
NOT_LABELS = words("""
photo photos update updated note editor editor’s editor's related read watch video image
images credit credits correction corrections warning source sources also bottom via
subscribe advertisement ad click follow sign share listen contact email tags tag topics
filed published posted last see more story stories here this that these those it the a
an and but or so what why how when where who which there sponsored caption graphic
chart map audio transcript disclosure clarification ps p.s story: adding translation exhibit
disclaimer summary dear plus
""")
# Words before a name and a colon that make the name an object, not the quote's speaker
# ("screamed at Keith Scott: “...”", "his view of Lester Holt: “...”").
NOT_BEFORE_COLON_NAMES = words("at of")

# Irregular past tenses, so that a sentence's first verb is found ("The senator [took] a
# heckler in stride, saying ...").
IRREGULAR_PAST = words("""
took sought made went came gave got sent spoke wrote ran began became held led left met
put set kept brought bought stood struck won lost saw knew felt hit cut let paid chose
drew fell grew rose threw drove broke spent heard meant taught fought built caught sold
shook stuck swore sat slid spun told said found thought
""")

# A stance noun owned by its source and followed by what it is about: "his criticism of
# [the deal]", "Trump’s attacks on [Cruz]" (pairs that held up on annotated news).
OWNED_STANCES = tuple(line.strip() for line in """
attacks on
attack on
calls for
criticism of
criticisms of
critique of
critiques of
assessment of
proposal to
embrace of
view of
endorsement of
push for
condemnation of
questions about
denunciation of
defense of
""".strip().splitlines())


# ---- Words the cue shapes test around a cue (verb_shapes.py, verb_content.py, participles.py,
# passive.py, shapes.py).

PASSIVE_BEFORE = AUX & {"is", "are", "was", "were", "be", "been", "being"} | {
    "to", "who", "which", "the", "a", "an", "that", "its", "his", "her", "their", "our",
    "my", "your"}
# Words that may follow the source of an inverted cue ("said a spokesperson when asked").
AFTER_INVERTED_SOURCE = CLAUSE_WORDS | TIME_WORDS | {
    "adding", "speaking", "citing", "referring", "explaining", "noting", "told", "via"}
# Auxiliaries between an apposition's comma and its verb ("Smith, the engineer, has said");
# not "will": what one will say is not yet reported.
PERFECT_AUX = words("has have had")
# A place after a name, set off by commas: "Cory James, 22, [of Flint], Mich., said".
PLACE_PREPS = words("of from")
ASIDES = {"however", "though", "too", "also", "meanwhile", "instead", "moreover", "in", "turn"}
CLAIMED_THINGS = {"responsibility", "credit", "victory", "ownership", "asylum", "benefits"}
NOT_A_CLAUSE = {"as", "by", "with", "into", "from", "up", "off", "over", "to", "of", "and",
                "but", "or"}
# Auxiliaries after which a cue takes its base form whatever the subject ("he does not
# think", "the report may suggest").
BASE_AFTER = words("""
do does did don't doesn't didn't don’t doesn’t didn’t not never may might can could will
would should must
""")

# A subject of unknown kind opening with these is still a noun phrase ("the panel found").
NP_LEADS = words("the a an another one two three four five several some many most")
# Cues whose object may be followed by what it is asked to do ("urged Congress to act").
TO_AFTER_OBJECT = words("urged urges urge asked asks ask called calls calling call")
NP_STOPS = CLAUSE_WORDS | WHEN_WORDS | words("""
on in at during after before last this earlier later over since amid among despite
because via while through
""")

# Verbs that put out a document for its subject ("issued a statement warning that ...").
ISSUING_VERBS = words("issued issues released releases sent sends published publishes posted")
SPEECH_CUES = words("said says say saying told tells telling")
OBJECT_PRONOUNS = words("him them us me")
MONTHS_AND_WHEN = words("""
january february march april may june july august september october november december
""") | WHEN_WORDS

# Words before a hedging adverb that do not belong to the clause it hedges.
HEDGE_STOPS = NP_PREPS | {"by", "about", "over", "and", "or", "was", "were", "is", "are"}

# Words that open an adverbial phrase after a cue ("said at a rally last week").
# Words that open a figure, not a place or time, though their first is a preposition.
QUANTITY_STARTS = ("at least ", "at most ", "about ", "more than ", "fewer than ")
ADVERBIAL_STARTS = {"at", "in", "on", "during", "after", "before", "last", "this", "earlier",
                    "later", "while", "when", "recently", "yesterday", "today", "repeatedly",
                    "aboard", "onstage", "backstage", "without", "of", "about", "amid", "with",
                    "outside", "inside", "through", "via"}
TRIVIAL_STARTS = TIME_WORDS | {"in", "on", "to", "at", "after", "before", "during", "from"}

# Nouns whose "that" clause is part of a cue's object ("questioned the idea that ...").
COMPLEMENT_NOUNS = words("""
idea notion claim claims fact suggestion suggestions view argument assertion belief
possibility prospect theory allegation allegations report reports premise charge charges
""")

# ---- Small word sets the cue shapes test (content.py, nominal.py, participles.py,
# shapes.py, verb_shapes.py), each named for the test it serves.
# The word that opens a reported clause ("said that ...").
THAT = "that"
# The infinitive's mark ("pledged to cut taxes", "urged Congress to act").
TO = "to"
# What "X as Y" turns on ("described the push as ...", "sees Cruz as ...", "..., as one
# CEO told me").
AS = "as"
# The relative pronoun of a person ("A spokesperson who ... said", "Smith, who ..., said"),
# and its clause set off by commas inside a content.
WHO = "who"
# Forms of "be" that make the verb after "who" passive ("who was widely quoted by ..."):
# no one in the clause reports.
BE_FORMS = words("is are was were be been being")
WHO_ASIDE = ", who "
# Relative pronouns opening a content that is a relative clause, not what was said.
RELATIVE_OPENERS = ("who ", "which ")
# The preposition of "replied by saying".
BY = "by"
# The preposition of a figure after a participle ("estimated at $1 billion").
AT = "at"
# A comparison before a subject ("more than [Bradley] said"): not a source.
THAN = "than"
# What makes a subject plural ("Smith and Jones say").
AND = "and"
# The first word of "according to": what comes after a closing cue is then no clause.
ACCORDING = "according"
# A participle that lets a determiner follow without a report ("adding jobs").
ADDING = "adding"
# "believes in sedans": the cue's stem and the preposition that make it another verb.
BELIEVE_STEM = "believ"
BELIEVE_IN = "in"
# The stem of "claimed responsibility", "claims credit": a thing claimed, no report.
CLAIM_STEM = "claim"
# Word endings read by the shapes: adverbs ("gently urging"), participles ("is talking"),
# past tenses ("estimated"), plurals ("officials") and possessives ("Swift’s claims").
ADVERB_ENDING = "ly"
PARTICIPLE_ENDING = "ing"
PAST_ENDING = "ed"
PLURAL_ENDING = "s"
POSSESSIVE_ENDINGS = ("’s", "'s")
# The characters stripped from a possessive name's end before it is looked up ("Trump’s").
POSSESSIVE_STRIP = "’'s"
# Branches of CLAUSE_END_PATTERN that do not end a clause at its first word ("that he and
# Giles had been ...", "that if the talks fail, a bargain is possible"), by how they open.
CLAUSE_END_AND = " and"
CLAUSE_END_APPOSITION = (", a ", ", an ")
# What is passed over between a cue and what it reports ("said that ...", "said: ...").
SKIP_AFTER_CUE = words("that , : — –")
# What opens a reported clause right after a cue or its addressee ("told them that ...").
CLAUSE_OPENERS = words("that :")
# What opens a clause, not a noun phrase, after a cue ("announced that", "asked whether").
CLAUSE_LEADS = words("that whether if")
# Words after a poll's noun that keep it the poll itself ("the poll by X", "a survey of
# voters"), unlike "in poll numbers".
POLL_PREPS = words("by from of for")
# Words after a poll's noun that still tell of the poll ("a poll released Monday").
POLL_AFTER = words("released conducted published taken")
# What joins a second cue to the subject of the first ("He said X and added that Y").
SHARED_SUBJECT_JOINS = words("and but")
# Subjects that take a base-form verb though they do not end in -s ("we say", "many
# believe", "people say", "police say").
PLURAL_SUBJECT_HEADS = words("i we they you some many others most few")
PLURAL_NOUNS = words("people police media staff men women children data")
# Endings of a head in -s that is not a plural ("press", "Trump’s").
NOT_PLURAL_ENDINGS = ("ss", "’s", "'s")
# Particles that make another verb of a cue ("showed up", "backed off", "called off").
PARTICLES = words("up off down away back")
# Adverbs that may follow a cue's object and come before a verb without making the object
# the subject of a clause ("endorsed him also").
ADVERBS_AFTER_OBJECT = words("also then once first only long even just again further still "
                             "recently")
# Indefinite articles: an aside after a clause ("..., a move that ...").
INDEFINITE_ARTICLES = words("a an")
# What may follow the comma after a cue set off inside its clause without going on with
# what was said ("..., aides said, adding ..."); "and" and "but" go on with it ("He had no
# known affiliations, the airline added, and had passed all checks").
AFTER_ASIDE_STOPS = words("adding according")
# Words that open an aside's clause after the source, not a further name ("Smith, who ...,
# said", "Smith, when asked ..., said").
RELATIVE_APPOSITION = words("who which when")
# Words of an approximate figure after "at" ("estimated at about 40").
APPROXIMATORS = words("about around roughly nearly some least")
# Prepositions of an absolute construction ("with costs expected to rise").
WITH_WORDS = words("with without")
# Prepositions of an occasion after a cue's object ("endorsed Trump [at a news conference]").
OCCASION_PREPS = words("at during amid via while through after before")
# Words before a month or a day that go with it ("on Tuesday", "in early March").
BEFORE_MONTH = words("on in since by until early late mid this next last earlier later")
# Words that join a second verb, ending a noun phrase ("endorsed Trump and said ...").
NP_COORDINATORS = words("and but or")
# Finite auxiliaries: verbs that go on with a clause past a cue set off by commas ("Among
# the precedents at risk, according to Ms. Epstein, are 16 ...", "One decision, a source
# said, is to ..."), and a noun's own verb after an infinitive ("plans to widen the road
# were shelved": "plans" is a noun there, participles.py).
AUX_VERBS = words("is are was were has have had will would can could may might must should")
# Words that close a list of objects after its commas ("cites A, B and C").
SERIES_ENDS = words("and or")
# Participles that open a list rather than a clause ("focused on pay, including A and B").
SERIES_LEADS = words("including")

# Patterns of the cue scan (cues.py compiles them once per pack).
# Prepositional and nominal cues whose source follows ("according to X", "remarks by X").
PREPS = ("according to", "According to", "reported by")
NOMINALS = tuple(f"{w} {p}" for w in ("remarks", "Remarks", "comments", "Comments",
                                       "testimony", "Testimony") for p in ("from", "by")
                 if f"{w} {p}".lower() != "comments from")
# Phrases scanned as cues besides PHRASAL_CUES ("pointed out", "made it clear", "referred to
# it as").
MORE_PHRASES = ("pointed out", "points out", "point out", "went on", "goes on",
                *(f"{v} {o}clear" for v in ("made", "makes", "make") for o in ("", "it ")),
                "left no doubt", "leaves no doubt",
                *(f"{v} to {o}as" for v in ("referred", "refers", "refer")
                  for o in ("", "it ", "them ", "him ", "her ", "this ", "that ")))
_BE = (r"(?:is|are|was|were|be|been|being) "
       r"(?:also |widely |generally |now |still |often |repeatedly )?")
# Passive and hedged forms, one named group each (read in passive.py; "asked" opens a
# reporter's question: "Asked on Monday whether ...", "when asked about ...", "Trump was
# asked, “...”", its content from the group asked_what or asked_quote on). The lookahead on
# the forms' first letters lets the scan skip most offsets at once (three times faster than
# starting at "\b").
PASSIVE_PATTERN = (
    r"(?=[IiarpsdwbhAe])\b(?:"
    r"(?P<asked>(?:Asked|asked(?:(?<=[Ww]hen asked)|(?<=[Ii]f asked)|(?<=being asked)"
    r"|(?<=was asked)|(?<=were asked)|(?<=been asked)|(?<=is asked)|(?<=are asked)))"
    r"(?= (?:[\w’'.-]+ ){0,5}?(?P<asked_what>if|whether|about|why|how|what|when|where|who"
    r"|which|whom|to)\b|[,:]? (?P<asked_quote>[“\"])))|"
    r"(?P<it>[Ii]t (?:is|was|has been|had been) (?:widely |generally |now |also )?"
    r"(?:expected|believed|thought|estimated|reported|said|understood|feared|hoped|known"
    r"|claimed|rumou?red|alleged|anticipated|projected|predicted) that)"
    r"|(?P<adverb>reportedly|allegedly|purportedly|supposedly)"
    r"|(?P<raised>expected(?= to )|(?:seems?|seemed|appears?|appeared)(?= to | like | as if "
    r"| as though )"
    r"|(?:seems?|seemed)(?= (?!(?:on|in|at|by|for|from|with|that|of|as|and|or|but)\b)[a-z]))"
    rf"|(?P<seen>{_BE}(?:(?:seen|regarded|viewed|perceived) as|considered to be))"
    r"|(?P<deemed>deemed)"
    rf"|(?P<accused>{_BE}accused)"
    r"|(?P<told>(?:have|has|had) been (?:told|informed|assured|advised|warned)"
    r"|(?:was|were) (?:told|informed|assured|advised)))\b"
)
# The owner just before an owned stance noun ("his criticism of", "Trump’s attacks on").
OWNER_PATTERN = (
    r"\b(?P<owner>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[A-Z][\w.-]*[’']s)"
    r"(?: (?:own|latest|new|recent|early|strong|fierce|harsh|repeated|public|frequent|"
    r"sharp|vocal|past|full|initial|continued|first|staunch|broad|long-standing))? $")
# "leads by 8 points in the survey", "ahead in national polls": the poll reports the finding.
# The word boundary is tested after the first letter ("[Ii](?<!\w[Ii])" is "\b[Ii]"): a
# pattern that opens with a letter lets the scan skip to the next I or i at once (twice as fast).
IN_POLL_PATTERN = (r"[Ii](?<!\w[Ii])n(?= (?:[\w.&/’'-]+ ){0,7}?(?:" + "|".join(sorted(POLL_NOUNS))
                   + r")\b)")

# Patterns of carried quotes and pronouns (carry.py).
# Why a source is not named ("on condition of anonymity", "not authorized to speak").
ANONYMITY_PATTERN = (
    r"\b(?:on (?:the )?condition (?:of|that) (?:\w+ )?anonymity|anonymously|on background"
    r"|not authori[sz]ed to (?:speak|talk|comment|discuss)[^.;]{0,120}"
    r"|declined to be (?:named|identified)|not to be (?:named|identified))"
)
# The next sentence going on about the same unnamed source ("They spoke on condition ...").
FOLLOW_UP_PATTERN = r"(?:The|Both|They|He|She|All|Those|These) "
# The reason given after the anonymity phrase ("... to discuss private negotiations").
ANONYMITY_REASON_PATTERN = r",? *(?:in order to|to|because|as|since|so as to) [^.;\n]{3,200}"
# A person's full name in running text ("Taylor Swift", "Jean-Claude Juncker").
FULL_NAME_PATTERN = r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)? (?:[A-Z]\. )?[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b"
# First words of two capitalised words that are a place, not a first name ("New York").
PLACE_FIRST_WORDS = words("""
new north south east west san los las united white supreme saint st fort mount great middle
hong el la le de
""")
# Object and possessive pronouns, and the subject form a source is resolved by.
SUBJECT_FORM = {"his": "he", "him": "he", "her": "she", "its": "it"}

# Titles and headlines (consistency.py).
# Offices written before a name (patterns: "Sen\." is an abbreviation).
TITLES = tuple("""
Vice President|President|Deputy Prime Minister|Prime Minister|Deputy Secretary of State
|Secretary of State|Defense Secretary|Defence Secretary|Foreign Minister|Defense Minister
|Defence Minister|Finance Minister|Chief Cabinet Secretary|Secretary|Senator|Sen\\.
|Representative|Rep\\.|Governor|Gov\\.|Mayor|Chancellor|King|Queen|Crown Prince|Prince
|General|Gen\\.|Admiral|Adm\\.|Chief Justice|Justice|Speaker|Minister|Ambassador
|Attorney General|Premier""".replace("\n", "").split("|"))
# Words before a title that make it a past or passing office ("former President X").
TITLE_QUALIFIERS = ("former", "then-", "ex-", "acting", "late")
# Two spellings of one title.
SAME_TITLE = {"Sen.": "Senator", "Rep.": "Representative", "Gov.": "Governor",
              "Gen.": "General", "Adm.": "Admiral", "Defence Secretary": "Defense Secretary",
              "Defence Minister": "Defense Minister"}
# Capitalised words after a title that are not a name ("President Of", "Mayor Will").
NOT_NAMES_AFTER_TITLE = {"Of", "The", "And", "In", "On", "For", "To", "At", "Will", "Has",
                         "Had", "Is"}
# A headline's "Source: claim" label.
TITLE_SOURCE_PATTERN = r"\s*([A-Z][\w.’' -]{1,40}?)\s*:\s+\S"

# Check-worthy claims (claims.py): what makes a sentence worth a source, as patterns. The
# literals a sentence must hold before a pattern is run there are read from the patterns.
_MONTHS_RE = trie_pattern({name.capitalize() for names in MONTHS for name in names.split()})
_DAYS_RE = trie_pattern({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                         "Sunday"})
_COUNTED_RE = trie_pattern(words("""
people persons deaths dead killed injured wounded cases infections jobs votes voters troops
soldiers residents workers employees children patients homes households users customers
migrants refugees members students protesters civilians victims arrests times percent
"""))
_CURRENCIES_RE = trie_pattern({"dollars", "euros", "pounds", "yen", "yuan", "won",
                               "rupees", "roubles", "rubles"})
CHECKWORTHY_PATTERNS: tuple[tuple[str, str], ...] = (
    ("percentage", r"\d(?:[\d.,]*\d)? ?(?:%|per ?cent\b|percentage points?\b)"),
    ("money", (
        r"[$€£¥]\s?\d|\b(?:US\$|USD|EUR)\s?\d|\b\d[\d.,]*(?: (?:million|billion|trillion))?"
        rf" {_CURRENCIES_RE}\b")),
    # Counts that a reader would want sourced: large numbers and counted people or events;
    # not "a 16-inch screen" or "60 minutes" (specifications and recipes are not claims).
    ("number", (
        r"\b\d{1,3}(?:,\d{3})+\b|\b(?!(?:19|20)\d\d\b)\d{4,}\b"
        r"|\b(?:million|billion|trillion|thousands of|hundreds of|dozens of)\b"
        rf"|\b\d[\d,.]* (?:[a-z]+ )?{_COUNTED_RE}\b")),
    ("date", (
        rf"\b(?:{_MONTHS_RE})\.? (?:\d{{1,2}}|\d{{4}})\b|\b(?:in|since|by|until|from) \d{{4}}\b"
        r"|\b(?:mid-|early |late )?\d{4}s\b"
        rf"|\b(?:on|last|this|next) {_DAYS_RE}"
        r"|\b(?:last|next) (?:week|month|year)\b|\byesterday\b")),
    ("prediction", (
        r"\b(?:is|are|was|were|be) (?:now |also )?(?:expected|set|likely|poised|projected"
        r"|anticipated|forecast|scheduled|slated|due|predicted|estimated) to\b"
        r"|\bwill (?:likely|probably|soon)\b")),
    ("superlative", (
        r"\bfirst-ever\b|\bthe (?:first|only|last) \w+|\bthe (?:most|least) \w+"
        r"|\b(?:record|unprecedented|historic|largest|biggest|highest|lowest|fastest"
        r"|strongest|worst|best|deadliest)\b")),
    ("causal", (
        r"\b(?:because of|due to|as a result of|led to|leads to|caused|causes|resulted in"
        r"|results in|blamed (?:for|on)|thanks to|contributed to)\b")),
    ("event", (
        r"\b(?:has|have|had) been (?:granted|given|approved|signed|awarded|arrested|charged"
        r"|killed|injured|banned|fined|sanctioned|deployed|sent|ordered|allowed|denied"
        r"|authori[sz]ed)\b")),
)

# Patterns of the extractor's reader (content.py, participles.py, reported.py), compiled
# once per pack by content.reader_patterns.
# "VIENNA — " or "WASHINGTON (Reuters) - " opening a story is not part of what was said.
DATELINE_PATTERN = r"[A-Z][A-Z .,'’-]{1,40}(?:\([\w .]{1,30}\))? ?[—–-]{1,2} "
# Where a reported clause ends when the writer takes over again: "He said it would be
# provided next year, but he gave no details", "..., which it said crashed in Logar".
CLAUSE_END_PATTERN = (
    r",[”\"]? (?:but(?! that\b)|although|though|however|which|whereas|while|who|whom|where"
    r"|despite|compared"
    r"|even as|putting|leaving"
    r"|adding|noting|saying|arguing|explaining|insisting|stressing|warning|telling|calling"
    r"|accusing|describing|citing|suggesting|claiming|referring)[ :]"
    r"|, an? (?=[a-z]+ )"
    r"|; | and (?:who|which) | and (?:also |then |later )?(?:said|says|added|told|noted)[ ,:]"
    r"|, and (?:he|she|they|it|we|I|both|his|her|their|its) "
    r"|, (?:he|she|they|we|I) (?:also |later |then )?(?:said|says|say|added|noted|told"
    r"|argued|warned|insisted) (?!,)"
    r"| and (?:he|she|they|others|it|[A-Z][a-z]+) (?:accused|said|says|added|noted|warned"
    r"|called|urged|argued|told|also|has|had) | and (?:they|others) have ")
# (" and Biden have been fair": "have" after a name joins it to the subject before "and")
# Where the last piece of a clause opens, for what a trailing "according to X" vouches for
# (from the match's end): a relative clause, "with ...", a parenthesis, a second clause.
LAST_PIECE_PATTERN = r", (?=who |which )|, with |, and (?=(?:he|she|they|it|the|his|her) )|\("
# What joins a second clause to the one before it, at the end of the text before the second
# clause's source: a comma, a semicolon, a dash, "and" or "but" ("X said A, and B said C").
CLAUSE_JOINT_PATTERN = r"(?:[,;]|,? (?:and|but)| [—–-]{1,2})$"
# A sentence that opens with a subordinate clause, the main clause after its comma ("After
# Scalia said ..., Trump said", "While critics argue ..., the president", "Having announced").
# Also after a short lead of when or a conjunction ("Last month, when I asked ...", "But
# when ...").
FRONTED_PATTERN = (r"\W{0,3}(?:(?:(?:In|On|At|Last|Earlier|Later|Then|During|But|And|Yet|So)"
                   r"\b[^,]{0,30}?,? )?(?:[Ee]ven |[Jj]ust |[Oo]nly )?(?:[Aa]fter|[Ww]hile|[Ww]hen"
                   r"|[Aa]lthough|[Tt]hough|[Bb]ecause|[Ss]ince|[Bb]efore|[Oo]nce|[Uu]ntil|[Ww]hereas"
                   r"|[Aa]s|[Ii]f|[Ee]ven if|[Ee]ven though)\b|Having\b)"
                   r"(?=[^,]*$)")
# Prepositions opening a phrase set off before a reported clause's subject ("said that
# [despite the excitement], he ...", "reported that [during the visit], Erdogan ...").
FRONTED_PREPS = words("despite during given amid")
# A dash and a name signing the quote just before (labels.dash_tags): "“...” ― Carla
# Sanchez", "“...”\n\n- Bernie Sanders.", "... — Paul Ryan (@SpeakerRyan) July 5, 2016".
DASH_TAG_PATTERN = (r"[ \t\xa0]*(?:\n{1,2}[ \t\xa0]*)?(?P<cue>―|—|–|--?)[ \t\xa0]*"
                    r"(?P<name>[A-Z][\w.’'-]*(?:[ \xa0][A-Z][\w.’'-]*){0,4}?)"
                    r"(?:[ \xa0]\(@\w+\))?[ \t\xa0.]*(?:\n|$|,|\()")
# A name and a colon just before a quote, inside a line (labels.colon_quotes): "Pollsters
# agree - Carl Bialik: “...”", "More from Jones: “...”".
COLON_QUOTE_PATTERN = (r"(?<![\w.’'&-])(?P<name>[A-Z][\w.’'&-]*"
                       r"(?:[ \xa0](?:[A-Z][\w.’'&-]*|and)){0,4})[ \t\xa0]?(?P<cue>:)[ \t\xa0]*$")
# A speaker's or a headline's label (labels.py): a capitalised label of at most seven words
# (initials, "Rep.", "(R-S.C.)" allowed, and the small words of names and offices: "Secretary
# of State", "Beto O'Rourke", "Ursula von der Leyen") opening a line (an all-caps one also
# after a quotation mark: a quoted transcript's “PENCE: ... paragraphs), a colon, then the
# line's text.
LABEL_PATTERN = (
    r"^(?:[\"“](?=[A-Z][A-Z.’'-]+:))?"
    r"(?P<label>[A-Z][\w.’'&-]*(?: (?:[A-Z(][\w.’'&()-]*|of|the|at|on|de|van|von|al|new)){0,6})"
    r": ?(?P<content>[^\n]+)")
# A relative pronoun standing for the subject of a passive view ("a group which is
# expected to ...", "The DNC, which is seen as ...").
RELATIVE_PRONOUNS = words("who which that")
# What comes before "expected to" in a view held by no one named ("is expected to").
RAISING_BE = words("is are was were be been isn't aren't wasn't weren't isn’t aren’t wasn’t "
                   "weren’t")
# Adverbs between "is" and "expected" ("is widely expected to").
RAISING_ADVERBS = words("also widely now still generally")
# Words opening a fronted clause inside a reported one ("said that if the talks fail, a
# bargain is possible": the comma before "a" closes the condition, not the report).
CONDITIONS = words("if when although though while because since unless once as after before")
# "I" or "we" just before a cue inside a quote, with a negation or an adverb between.
FIRST_PERSON_CUE_PATTERN = (
    r"(?:^|[\s“\"])(I|[Ww]e)(?: (?:do|did|don't|don’t|didn't|didn’t|do not|did not|just|really"
    r"|also|still|firmly|strongly|truly|all|now|certainly))? $")
# "what I think are ...": a relative clause, not a belief stated.
RELATIVE_WHAT_PATTERN = r"\b(?:[Ww]hat|[Ww]hich|[Hh]ow)\s"
# "“A,” said Raffaello Pantucci, director of ..., “but B.”": an apposition, then the quote.
APPOSITION_THEN_QUOTE_PATTERN = r",[^.!?;:\n“”\"]{3,160}?,\s*(?=[“\"])"
# "“A,” one aide said late last month, “but B.”": words after the cue, then the quote.
OCCASION_THEN_QUOTE_PATTERN = r"\s[^,.!?;:\n“”\"]{1,80},\s*(?=[“\"]|'')"
# "“A,” he said, but “B.”": the quote goes on past a conjunction.
CONJUNCTION_THEN_QUOTE_PATTERN = r",\s+(?:but|and)\s+(?=[“\"]|'')"
# "“A,” Corker said in an interview, pointing out that B", "the governor said, before
# clarifying that B": after a cue that closes a quote, a participle's clause for the same
# source (a participle the cue scan knows is read as a cue of its own).
TRAILING_THAT_PATTERN = (r"[^,.;:!?“”\"\n]{0,60},\s+(?:(?:before|after|while|instead)\s+)?"
                         r"(?P<cue>[a-z]+ing(?:\s+out)?)\b(?:\s+[\w'’-]+){0,4}?\s+that\s")

# The author's own voice (voice.py): first and second person words.
FIRST_PERSON = words("i me my mine myself we us our ours ourselves")
SECOND_PERSON = words("you your yours yourself yourselves")
# One pattern for every first- and second-person word: "I" only in capitals, "us" not in
# capitals ("US" is the country), the others in any case. The lookahead on the words' first
# letters lets the scan skip most offsets at once (a third of the time of the plain pattern).
_CASED = {"i": "I", "us": "[Uu]s"}
_ANY_CASE = sorted((FIRST_PERSON | SECOND_PERSON) - _CASED.keys(), key=len, reverse=True)
_VOICE_FIRSTS = "".join(sorted({"I", "U", "u"} | {w[0] for w in _ANY_CASE}
                               | {w[0].upper() for w in _ANY_CASE}))
VOICE_PATTERN = (rf"(?=[{_VOICE_FIRSTS}])\b(?:{'|'.join(_CASED.values())}"
                 rf"|(?i:{'|'.join(_ANY_CASE)}))\b")

# Source phrases (sources.py): words in -ly that are not adverbs ("a family spokesman"), the
# one-word openers skipped before a source ("Now Bloomberg says"), the words that end a
# source's head, and the words before a surname that are not a first name ("Mr", "like").
LY_NOUNS = words("""
family ally assembly daily weekly monthly quarterly rally supply anomaly monopoly july
fly
""")
ONE_WORD_LEADS = frozenset({"now", "meanwhile", "however", "also", "still", "then", "but",
                            "and", "moreover", "additionally", "yesterday", "today", "later",
                            "earlier", "so", "yet", "instead", "indeed", "separately",
                            "summary"})  # a section heading run into its first line
ENDS_HEAD = frozenset({"there", "here", "who", "and", "or", "by"})
NOT_GIVEN_NAMES = words("""
mr ms mrs dr like unlike without even once both either neither every each all any such
other another there here thus hence so no yes not did does do can
""")
# More of source phrases (sources.py): the words that join two names in one source, the
# words before a time that is not the source ("on Tuesday", "last week"), the prepositions
# that open a time after a source, capitalised words of offices that are not names ("State
# Department"), one-word phrases that are never a source, the words that make an office
# indefinite ("a minister"), the titles before a surname, and the contractions cut from a
# one-word source ("I’d expect", "she’s said").
NAME_JOINERS = words("and or")
WHEN_LEADS = words("on last this next early")
# Periods said with a lead ("this month", "last week") and words before them ("earlier this
# year", "just this month"): a time between a subject and its verb, not part of the source.
PERIOD_WORDS = words("week weekend month year spring summer fall autumn winter")
PERIOD_LEADS = words("earlier later just only")
TIME_PREPS = words("in on at during after before last this earlier later")
NOT_NAME_WORDS = words("state defense foreign house")
NOT_SOURCE_WORDS = words("you this that there here what which regardless")
INDEFINITES = words("a an one another some several")
HONORIFICS = words("Mr Ms Mrs Dr Mr. Ms. Mrs. Dr.")
CONTRACTION_PATTERN = r"[’'](?:d|ll|ve|re|m|s)$"
# A pronoun with "are", "am" or "will" run on ("they’re focused", "I’ll explain"): the verb after
# it is an adjective or a future, not a report made.
NOT_REPORTING_CONTRACTION = r"[’'](?:ll|re|m)$"
# "did not say whether ...": nothing reported (content.py); the pronouns that name a person
# of known gender (carry.py); an interview's question and answer labels (labels.py).
IF_WORDS = words("whether if")
GENDERED_PRONOUNS = words("he she")
INTERVIEW_LABELS = words("Q A")
# Words left out of a source's identity when sources are counted ("the ministry" = "ministry"),
# and the possessive ending dropped from it ("Trump’s campaign" = "Trump campaign").
NOT_IDENTITY_WORDS = words("the a an one")
IDENTITY_POSSESSIVE = "’s"
# More single words the sourcing modules test: the raising verb read apart ("is expected
# to"), what follows "accused" ("accused [of] ..."), the pronoun of a thing (carry.py), how
# ANONYMITY_PATTERN's branch that gives its own reason opens ("not authorized to speak"),
# "the" between joined names ("Japan and the United States") and left out of a country's
# name, the preposition of "a spokesperson for Apple", the outlet head that is also an
# office ("the agency"), and "people" before what they are ("people familiar with").
EXPECTED = "expected"
ACCUSED_OF = "of"
IT = "it"
NOT_AUTHORIZED = "not authori"
THE = "the"
SPEAKS_FOR = "for"
NOT_OUTLET_HEAD = "agency"
NEWS_AGENCY_WORDS = words("news press wire")  # "the news agency", an outlet
PEOPLE = "people"

# Quantifiers that float off a subject ("Cruz and Rubio have both urged", "they all said"):
# the source is the phrase before them (sources.np_before).
FLOATING_QUANTIFIERS = words("both all each")

# Verbs that renew, voice or temper one's own words: "Cruz reboots his attacks on",
# "she escalated her attacks on", "he reiterated his claim that" make the subject the
# source of the owned noun, not the pronoun (nominal.py).
OWN_NOUN_VERBS = words("""
reiterate reiterates reiterated repeat repeats repeated renew renews renewed restate restates
restated escalate escalates escalated intensify intensifies intensified reboot reboots rebooted
ratchet ratchets ratcheted step steps stepped ramp ramps ramped tone tones toned soften softens
softened sharpen sharpens sharpened temper tempers tempered expand expands expanded broaden
broadens broadened share shares shared voice voices voiced air airs aired launch launches
launched continue continues continued press presses pressed rescind rescinds rescinded
withdraw withdraws withdrew withdrawn double doubles doubled stiffen stiffens stiffened
""")
OWN_NOUN_LINKS = words("on upon")  # "expanded upon his calls", "doubled down on its attacks"
