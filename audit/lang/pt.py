"""What the audit knows about Portuguese (pt)."""

NAME = "Portuguese"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
de que o a os as do da em um uma para com não é no na por mais dos das se como foi ao mas
ele ela também seu sua
"""
# The word before an author's name in a byline.
BYLINE_BY = ("por",)
# Other words and labels a byline opens with.
BYLINE_OPENERS = ("publicado por", "autor", "autora")
# Month names, January to December; a month's spellings are space-separated.
MONTHS = (
    "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
    "outubro", "novembro", "dezembro dez",
)
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
PHOTO_WORDS = ("foto", "imagem")
PHOTO_CREDIT_WORDS = ("de",)
SOURCE_LABELS = ("fonte",)
TRANSLATED_BY = (r"tradução(?: de| por)?",)
NEWSLETTER_PROMPTS = (r"assine (?:a|nossa) newsletter",)
SUBSCRIBE_WORDS = ("assine",)
COMMENTS_WORDS = ("comentários?",)
COMMENT_PROMPTS = (r"deixe (?:um|seu) comentário", "deixe uma resposta")
NO_COMMENTS = ("sem comentários",)
PREV_NEXT = (r"(?:artigo anterior|próximo artigo)\b",)
SKIP_LINKS = ("ir para o conteúdo",)
MENU_WORDS = ("início", "pesquisar")
SHARE_WORDS = ("compartilhe",)
RELATED_PROMPTS = (r"leia (?:também|mais)", r"você (?:também )?(?:pode|poderá) gostar")
AD_LABELS = ("publicidade",)
COOKIE_NOTICES = ("usamos cookies",)
ALL_RIGHTS_RESERVED = ("todos os direitos reservados",)
COUNTER_OF = ("de",)
ABOUT_AUTHOR = ("sobre o autor",)
ABOUT = ("sobre",)
BIO_CUES = (r"\bé (?:também )?(?:jornalista|escritor|escritora|autor|autora|editor|editora|"
            r"coordenador)",)
OPINION_LABELS = ("opinião",)
SPONSORED_LABELS = ("publieditorial",)
PUBLISHED_WORDS = ("publicado", "atualizado")
AUTHOR_LABELS = ("autor(?:es)?", "autora", "texto")
AUTHOR_WORDS = ("autor", "autora")
PUBLISHED_LABELS = ("publicado",)
REPLY_WORDS = ("responder", "responda")
COMMENTER_SAID = ("disse",)
NAME_AND = ("e",)
SITE_SMALL_WORDS = ("de", "da")
