"""The one list of news and photo agencies, with the names pages call them by.

Read for wire credits in the text ("(AP)"), photo and source credits (audit.provenance,
ATT-WIRE-PHOTO-NO-CREDIT) and for typing a source as an outlet ("Reuters reported",
audit.lang.en). Add an agency here and every reader knows it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Agency:
    """An agency's name as reports give it, the names pages call it by, and whether it
    supplies text (a photo agency's name in parentheses is something else: "(EPA)" is an
    environment agency)."""

    name: str
    aliases: tuple[str, ...]
    text: bool = True


AGENCIES: tuple[Agency, ...] = (
    Agency("AP", ("Associated Press", "AP")),
    Agency("Reuters", ("Reuters",)),
    Agency("AFP", ("Agence France-Presse", "Agence France Presse", "AFP")),
    Agency("UPI", ("United Press International", "UPI")),
    Agency("dpa", ("Deutsche Presse-Agentur", "dpa")),
    Agency("Xinhua", ("Xinhua",)),
    Agency("Bloomberg", ("Bloomberg",)),
    Agency("PTI", ("Press Trust of India", "PTI")),
    Agency("IANS", ("IANS",)),
    Agency("ANI", ("ANI",)),
    Agency("ANSA", ("ANSA",)),
    Agency("EFE", ("EFE",)),
    Agency("Kyodo", ("Kyodo News", "Kyodo")),
    Agency("Yonhap", ("Yonhap",)),
    Agency("TASS", ("TASS",)),
    Agency("Antara", ("Antara",)),
    Agency("Lusa", ("Lusa",)),
    Agency("APA", ("APA",)),
    Agency("AAP", ("Australian Associated Press", "AAP")),
    Agency("Anadolu", ("Anadolu Agency", "Anadolu Ajansı", "Anadolu")),
    Agency("KNA", ("KNA",)),
    Agency("epd", ("epd",)),
    Agency("CNN", ("CNN",)),
    Agency("Getty Images", ("Getty Images", "Getty"), text=False),
    Agency("EPA", ("EPA-EFE", "EPA"), text=False),
)
