"""Word lists for attribution: cue verbs, and the head nouns that tell a source's type.

Kept as data in one place so that a reviewer can see, and extend, what the extractor
knows without reading its logic. Everything is lower case.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text, as a set."""
    return frozenset(text.split())


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
calculates called
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
confirming denying
""")

# Cues that may come before their source ("..., said the minister").
INVERTIBLE_CUES = words("""
said says added adds explained explains wrote writes noted notes recalled
replied responded countered argued argues insisted insists warned warns stated observed
concluded acknowledged conceded admitted remarked asked continued cautioned claimed
declared according
""")

# Cues of evidence: attribution only for documents or with "that" ("the study found").
EVIDENCE_CUES = words("found finds showed shows revealed reveals reveal")

# Cues that report only with "that" after them ("Beijing has calculated that ...").
THAT_ONLY_CUES = words("calculated calculates")

# Belief cues that still report when negated ("I don't think ...", "he does not think").
BELIEF_CUES = words("think thinks thought believe believes believed expect expects doubt")
NEGATIONS = words("not don't doesn't didn't don’t doesn’t didn’t never")

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
OBJECT_CUES = words("told tells tell")

# Words between a subject and its cue that are not part of the subject.
AUX = words("""
has have had will would also recently previously repeatedly later earlier publicly
privately already once often again further still even just first then
may might could should can must is are was were do does did been only long
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

# Types in order of specificity; a source with two readings keeps the more specific.
SPECIFICITY = ("person", "role", "organization", "outlet", "document", "unnamed", "vague",
               "pronoun")
NAMED_TYPES = frozenset({"person", "role", "organization", "outlet", "document"})

OUTLET_NAMES = (
    "associated press", "reuters", "afp", "agence france-presse", "bloomberg", "cnn",
    "bbc", "nhk", "kyodo", "xinhua", "tass", "yonhap", "new york times", "washington post",
    "wall street journal", "financial times", "guardian", "nikkei", "fox news", "nbc",
    "abc news", "cbs", "politico", "axios", "al jazeera", "dpa", "asahi", "yomiuri",
    "mainichi", "south china morning post", "global times", "people's daily", "the hill",
    "usa today", "npr", "the economist", "times of india", "le monde", "der spiegel",
)
OUTLET_ABBREVIATIONS = words("ap afp upi ani pti efe ansa dpa cnn bbc nhk npr")
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
""")
# Plural documents with no determiner are "reports in general": vague.
GENERIC_PLURAL_DOCUMENTS = words("reports studies surveys polls rumors rumours accounts")

VAGUE_HEADS = words("""
attendees participants users customers fans voters investors traders consumers viewers
readers patients parents students teachers doctors economists
experts observers critics analysts commentators some many others people scientists
researchers economists skeptics sceptics supporters opponents proponents pundits watchers
voices rumors rumours most few everyone anyone someone somebody lots
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

ORG_HEADS = words("""
ministry ministries agency agencies department government governments company companies
firm firms administration office house pentagon kremlin council commission committee
court parliament congress senate police military army navy bank university institute
party union association organization organisation group corporation inc corp ltd llc
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

# Base forms: a cue only after a plural subject or a pronoun ("officials say").
BASE_CUES = frozenset(w for w in CUE_VERBS if not w.endswith(("s", "ed"))) - {
    "said", "told", "found", "thought", "wrote", "forecast", "according"}

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
