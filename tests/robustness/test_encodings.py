"""Legacy encodings of news in the region (issue 14): detected, not guessed as Latin.

Before: every file that was not UTF-8 was read as Windows-1252, so Windows-1256 Arabic
became Latin mojibake with only a warning, and UTF-16 Arabic without a byte-order mark
was refused as binary. The texts below are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.read import ReadReport, iter_file, sniff_encoding

ARABIC = (
    "أعلنت الحكومة العراقية اليوم أن القوات الأمريكية ستغادر القاعدة الجوية في الأنبار "
    "خلال الأشهر المقبلة، وفق بيان رسمي صدر بعد اجتماع مطول في بغداد.\n\n"
    "وقال متحدث باسم وزارة الدفاع إن الانسحاب سيتم على مراحل وبالتنسيق مع الشركاء.\n"
)
FRENCH = (
    "Le ministère français des Affaires étrangères a déclaré que la délégation arrivera "
    "à Beyrouth jeudi; les négociations porteront sur la sécurité régionale.\n"
)
ENGLISH_1252 = ("\u201cThe garrison stays,\u201d the colonel said \u2013 a caf\u00e9 "
                "rumour in Erbil that week.\n")
TURKISH = ("Türkiye Dışişleri Bakanlığı, Şam'daki görüşmelerin gelecek hafta "
           "Ankara'da süreceğini açıkladı; heyetler güvenlik konularını ele alacak.\n")
RUSSIAN = ("Министерство обороны России сообщило, что колонна техники прибыла на базу "
           "в Латакии после переговоров в Дамаске.\n")

CASES = [
    ("windows-1256 arabic", ARABIC, "cp1256"),
    ("iso-8859-6 arabic", ARABIC, "iso8859_6"),
    ("windows-1252 french", FRENCH, "cp1252"),
    ("windows-1252 english", ENGLISH_1252, "cp1252"),
    ("windows-1254 turkish", TURKISH, "cp1254"),
    ("windows-1251 russian", RUSSIAN, "cp1251"),
    ("utf-16-le arabic, no bom", ARABIC, "utf_16_le"),
]


def _read(path: Path) -> tuple[str, ReadReport]:
    report = ReadReport()
    docs = list(iter_file(path, report))
    assert docs, report.skipped
    return "\n\n".join(d.text for d in docs), report


@pytest.mark.parametrize(("label", "text", "encoding"), CASES, ids=[c[0] for c in CASES])
def test_legacy_encodings_are_read_as_what_they_are(tmp_path, label, text, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    got, report = _read(path)
    assert got == text.strip().replace("\n\n", "\n\n")
    assert not any("replaced" in w.reason for w in report.warnings)


def test_arabic_windows_1256_is_named_in_the_warning(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    _, report = _read(path)
    assert any("Windows-1256" in w.reason for w in report.warnings), report.warnings


def test_utf8_with_a_few_bad_bytes_stays_utf8():
    head = ARABIC.encode("utf-8") + b"\xff" + "تم.".encode()
    assert sniff_encoding(head) == ("utf-8", None)


def test_binary_data_is_still_refused():
    assert sniff_encoding(bytes(range(256)) * 40)[0] == ""
