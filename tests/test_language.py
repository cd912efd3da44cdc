"""Language detection: scripts, then function words for Latin script."""

from __future__ import annotations

import pytest

from audit.language import detect_language


@pytest.mark.parametrize(("text", "expected"), [
    ("The minister said that the bridge would reopen in May, and the city was glad of it.",
     "en"),
    ("Der Minister sagte, dass die Brücke im Mai wieder geöffnet wird, und die Stadt ist froh.",
     "de"),
    ("Le ministre a dit que le pont sera rouvert en mai, et la ville est contente pour les gens.",
     "fr"),
    ("El ministro dijo que el puente se abrirá en mayo y que la ciudad está contenta con la obra.",
     "es"),
    ("Министр сказал, что мост откроется в мае, и город этому рад.", "ru"),
    ("大臣は、橋が5月に再開すると述べ、市はそれを喜んでいる。", "ja"),
    ("部长说，这座桥将于五月重新开放，这座城市对此感到高兴。", "zh"),
    ("장관은 다리가 5월에 다시 열릴 것이라고 말했고, 시민들은 그 소식을 반겼다.", "ko"),
    ("Hi there.", None),
    ("1234 5678 — 9012", None),
])
def test_languages(text, expected):
    assert detect_language(text) == expected
