"""The corpus index: perturbed copies are found, the file round-trips, bad files are refused."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from trienkhai.compare.errors import CompareError
from trienkhai.compare.index import NUM_HASHES, CorpusIndex
from trienkhai.compare.plans import Plan


def build(*plans: Plan) -> CorpusIndex:
    index = CorpusIndex()
    for p in plans:
        index.add_document(p.name, [t.text for t in p.tasks])
    return index


def test_a_districts_task_finds_its_provinces(
    binh_thuan: Plan, la_gi: Plan, thanh_hoa: Plan
) -> None:
    index = build(binh_thuan, thanh_hoa)
    hits = index.query([t.text for t in la_gi.tasks], top=3)
    firsts = [h[0] for h in hits if h]
    on_target = sum(
        1 for k, h in enumerate(firsts) if h.document == binh_thuan.name and h.task == k
    )
    assert on_target >= 36  # 40 La Gi tasks copy or adapt Bình Thuận's, in the same order
    assert all(0.0 <= h.similarity <= 1.0 for h in firsts)


def test_place_names_do_not_separate_copies() -> None:
    index = CorpusIndex()
    index.add_document(
        "tinh.txt",
        ["Tuyên truyền, vận động người Bình Thuận ở nước ngoài hướng về quê hương tỉnh Bình Thuận"],
    )
    (hit,) = index.query(
        ["Tuyên truyền, vận động người Thanh Hóa ở nước ngoài hướng về quê hương tỉnh Thanh Hóa"]
    )[0]
    assert hit.similarity == 1.0


def test_save_and_load_round_trip(tmp_path: Path, binh_thuan: Plan, la_gi: Plan) -> None:
    index = build(binh_thuan)
    before = index.query([t.text for t in la_gi.tasks[:5]])
    path = tmp_path / "ix.npz"
    index.save(path)
    loaded = CorpusIndex.load(path)
    assert loaded.signatures.shape == (40, NUM_HASHES)
    assert loaded.query([t.text for t in la_gi.tasks[:5]]) == before


def test_own_document_can_be_left_out(binh_thuan: Plan) -> None:
    index = build(binh_thuan)
    assert index.query([binh_thuan.tasks[0].text], exclude_document=binh_thuan.name) == [[]]


def test_empty_index_and_empty_texts() -> None:
    index = CorpusIndex()
    assert index.query(["bất kỳ"]) == [[]]
    index.add_document("d", ["", "-", "Một"])
    sigs = index.signatures_of(["", "x y"])
    assert sigs.shape == (2, NUM_HASHES) and sigs.dtype == np.uint16


@pytest.mark.parametrize("content", [b"", b"not an index", b"PK\x03\x04broken"])
def test_a_bad_index_file_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "ix.npz"
    path.write_bytes(content)
    with pytest.raises(CompareError, match="chỉ mục"):
        CorpusIndex.load(path)


def test_a_missing_index_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CompareError, match="không tìm thấy"):
        CorpusIndex.load(tmp_path / "none.npz")
