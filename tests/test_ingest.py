"""Ingest: every kind of input becomes a Page or a Rejected naming the input and the reason."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from newsweave.errors import InputError, Skip
from newsweave.ingest import Rejected, decode, iter_pages, load_manifest
from newsweave.model import TEXT_HTML, TEXT_PLAIN, Page
from newsweave.settings import Settings

S = Settings()


def items(*args: str, settings: Settings = S) -> list[Page | Rejected]:
    return list(iter_pages(list(args), settings))


def test_folder_is_walked_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.html").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "a.txt").write_text("texte")
    (tmp_path / "notes.md").write_text("ignored: not a page type")
    (tmp_path / ".hidden.txt").write_text("ignored")
    found = items(str(tmp_path))
    assert [Path(p.source).name for p in found] == ["a.txt", "z.html"]
    assert [p.content_type for p in found if isinstance(p, Page)] == [TEXT_PLAIN, TEXT_HTML]


def test_gzip_and_truncated_gzip(tmp_path: Path) -> None:
    good = tmp_path / "good.html.gz"
    good.write_bytes(gzip.compress(b"<html><body><p>bonjour</p></body></html>"))
    bad = tmp_path / "bad.txt.gz"
    blob = gzip.compress(bytes(range(256)) * 64 + "é".join(map(str, range(9999))).encode())
    bad.write_bytes(blob[: len(blob) // 2])
    found = items(str(good), str(bad))
    assert isinstance(found[0], Page) and found[0].content_type == TEXT_HTML
    assert isinstance(found[1], Rejected) and found[1].code == "bad-gzip"
    assert found[1].source == str(bad)


def test_missing_path_is_rejected_and_run_goes_on(tmp_path: Path) -> None:
    ok = tmp_path / "ok.txt"
    ok.write_text("un texte")
    found = items(str(tmp_path / "nope.txt"), str(ok))
    assert isinstance(found[0], Rejected) and found[0].code == "missing"
    assert isinstance(found[1], Page)


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"mot " * 1000)
    (found,) = items(str(big), settings=Settings(max_bytes=1000))
    assert isinstance(found, Rejected) and found.code == "too-large"


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    lines = [
        json.dumps({"url": "https://a.example/1", "html": "<p>x</p>", "date": "2026-03-05"}),
        "{not json",
        json.dumps({"url": "https://a.example/2"}),
        json.dumps({"text": "un texte brut"}),
    ]
    path.write_text("\n".join(lines))
    found = items(str(path))
    assert isinstance(found[0], Page) and found[0].user_date == "2026-03-05"
    assert found[0].key == "https://a.example/1" and found[0].content_type == TEXT_HTML
    assert isinstance(found[1], Rejected) and found[1].source.endswith("#L2")
    assert isinstance(found[2], Rejected) and found[2].code == "bad-record"
    assert isinstance(found[3], Page) and found[3].content_type == TEXT_PLAIN


def test_manifest_gives_url_and_date(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text("texte")
    (tmp_path / "manifest.csv").write_text("path,url,date\np.txt,https://x.example/a,2020-11-05\n")
    (page,) = items(str(tmp_path))  # a folder's manifest.csv is used automatically
    assert isinstance(page, Page)
    assert (page.url, page.user_date, page.key) == (
        "https://x.example/a",
        "2020-11-05",
        "https://x.example/a",
    )


def test_bad_manifest_is_a_usage_error(tmp_path: Path) -> None:
    bad = tmp_path / "m.csv"
    bad.write_text("url,date\nhttps://x.example,2020-01-01\n")
    with pytest.raises(InputError, match="path"):
        load_manifest(bad)


def test_cli_date_applies_to_every_page(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("texte")
    (page,) = items(str(tmp_path), settings=Settings(user_date="2020-11-04"))
    assert isinstance(page, Page) and page.user_date == "2020-11-04"


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
        (b"abc\x00def" * 10, "binary"),
    ],
)
def test_decode_rejects(data: bytes, code: str) -> None:
    with pytest.raises(Skip) as err:
        decode(data)
    assert err.value.code == code


def test_decode_legacy_encodings() -> None:
    text = "Le président a déclaré à l'Élysée que la réunion était reportée à jeudi. " * 5
    assert decode(text.encode("cp1252")) == text
    assert decode(text.encode("utf-8")) == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    html = f'<html><head><meta charset="iso-8859-15"></head><body>{text}</body></html>'
    assert text in decode(html.encode("iso-8859-15"))


def test_undecodable_bytes() -> None:
    rng = random.Random(1)
    noise = bytes(rng.randrange(128, 256) for _ in range(3000))  # no encoding makes sense of it
    with pytest.raises(Skip) as err:
        decode(noise)
    assert err.value.code == "undecodable"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    page = tmp_path / "locked.txt"
    page.write_text("texte")

    def denied(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    (found,) = items(str(page))
    assert isinstance(found, Rejected) and found.code == "unreadable"
    assert "Permission denied" in found.reason


def test_jsonl_is_streamed_with_a_limit_per_record(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    small = json.dumps({"url": "https://a.example/s", "text": "petit texte"})
    huge = json.dumps({"url": "https://a.example/h", "text": "mot " * 2000})
    path.write_bytes(gzip.compress("\n".join([small, huge, small, small]).encode()))
    found = items(str(path), settings=Settings(max_bytes=2000))  # the file is larger than that
    assert [type(f).__name__ for f in found] == ["Page", "Rejected", "Page", "Page"]
    assert isinstance(found[1], Rejected) and found[1].code == "too-large"
    assert found[1].source.endswith("#L2")


def test_truncated_gzip_jsonl_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    lines = [
        json.dumps({"text": f"texte {i} " + "é" * (i % 50), "url": f"u{i}"}) for i in range(3000)
    ]
    blob = gzip.compress("\n".join(lines).encode())
    path.write_bytes(blob[: len(blob) // 2])
    found = items(str(path))
    assert all(isinstance(f, Page) for f in found[:-1]) and len(found) > 10
    assert isinstance(found[-1], Rejected) and found[-1].code == "bad-gzip"
