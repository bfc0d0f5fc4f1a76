"""The text reader: one Paragraph per line, table runs as one Table, raw text kept."""

from __future__ import annotations

import unicodedata

import pytest

from trienkhai.documents.model import Paragraph, Table
from trienkhai.documents.readers import read_bytes
from trienkhai.documents.readers.text import text_blocks


def test_one_paragraph_per_nonempty_line_with_its_line_number():
    blocks = text_blocks("KẾ HOẠCH\n\n**I. MỤC TIÊU**  \nTăng<sup>(1)</sup> trưởng¹\n")
    assert [(b.text, b.line) for b in blocks] == [
        ("KẾ HOẠCH", 1),
        ("**I. MỤC TIÊU**  ", 3),
        ("Tăng<sup>(1)</sup> trưởng¹", 4),
    ]


def test_markdown_pipe_table_drops_the_separator_row():
    text = (
        "PHỤ LỤC\n| STT | Nhiệm vụ | Chủ trì |\n|---|:---|---:|\n| 1 | Rà soát | Sở Tư pháp |\nHết"
    )
    blocks = text_blocks(text)
    assert isinstance(blocks[1], Table)
    assert blocks[1].line == 2
    assert blocks[1].rows == [["STT", "Nhiệm vụ", "Chủ trì"], ["1", "Rà soát", "Sở Tư pháp"]]
    assert isinstance(blocks[2], Paragraph) and blocks[2].line == 5


def test_group_heading_rows_are_padded_to_the_table_width():
    text = "STT\tNhiệm vụ\tChủ trì\tPhối hợp\nI\tThể chế\n1\tRà soát\tSở Tư pháp\tCác sở\n"
    (table,) = text_blocks(text)
    assert isinstance(table, Table)
    assert table.rows[1] == ["I", "Thể chế", "", ""]


def test_bar_separated_rows_copied_from_the_web():
    text = "STT | Nhiệm vụ | Chủ trì\n1 | Rà soát | Sở Tư pháp\n2 | Kiểm tra | Công an tỉnh"
    (table,) = text_blocks(text)
    assert isinstance(table, Table)
    assert table.rows[2] == ["2", "Kiểm tra", "Công an tỉnh"]


@pytest.mark.parametrize(
    "text",
    [
        "a)\tSở Khoa học và Công nghệ chủ trì.\nb)\tSở Tài chính phối hợp.",
        "Hà Nội | ngày 5 tháng 3",
        "\tThụt đầu dòng bằng tab",
    ],
)
def test_list_items_with_a_tab_and_lone_bars_stay_paragraphs(text):
    assert all(isinstance(b, Paragraph) for b in text_blocks(text))


def test_blank_lines_between_rows_do_not_break_a_table():
    text = "STT\tNhiệm vụ\tChủ trì\n\n1\tRà soát\tSở Tư pháp\n\n2\tKiểm tra\tCông an"
    (table,) = text_blocks(text)
    assert len(table.rows) == 3


def test_line_endings_are_normalised_and_text_is_nfc():
    decomposed = "Vie\u0323\u0302t Nam\r\nKe\u0302\u0301 hoa\u0323ch\r\n"
    doc = read_bytes(decomposed.encode("utf-8"), "a.txt")
    assert [b.text for b in doc.blocks] == ["Việt Nam", "Kế hoạch"]
    assert doc.format == "txt"


def test_md_extension_gives_md_format():
    assert read_bytes("# Kế hoạch".encode(), "a.md").format == "md"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("\ufeffKế hoạch số 12".encode(), "utf-8-sig"),
        ("Kế hoạch số 12".encode("utf-16"), "utf-16"),
        ("Kế hoạch số 12 về chuyển đổi số".encode("utf-16-le"), "utf-16-le"),
        ("Kế hoạch số 12 về chuyển đổi số".encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_with_and_without_bom(data, encoding):
    doc = read_bytes(data, "a.txt")
    assert doc.blocks[0].text.startswith("Kế hoạch số 12")
    assert doc.encoding == encoding


def _cp1258(text: str) -> bytes:
    """Windows-1258 spelling: base letters (â, ơ, ư…) precomposed, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def test_windows_1258_with_combining_marks_becomes_nfc():
    text = "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện Nghị quyết về chuyển đổi số"
    doc = read_bytes(_cp1258(text), "a.txt")
    assert doc.blocks[0].text == text
    assert doc.encoding == "cp1258"


def test_fixture_appendix_tables(documents):
    doc = read_bytes((documents / "ubnd_2025_tabs.txt").read_bytes(), "ubnd_2025_tabs.txt")
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 2
    assert tables[0].rows[0][:3] == ["STT", "Nhiệm vụ", "Cơ quan chủ trì"]
    assert tables[0].rows[1] == ["I", "Dịch vụ công trực tuyến", "", "", "", ""]
    assert tables[1].rows[2][4] == "Thường xuyên"


def test_html_table_with_colspan_rowspan_and_breaks():
    text = (
        "PHỤ LỤC\n"
        "<table><tr><th>STT</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Thời gian</th></tr>\n"
        '<tr><td>I</td><td colspan="3">Thể chế</td></tr>\n'
        '<tr><td>1</td><td>Rà soát<br>văn bản</td><td rowspan="2">Sở Tư pháp</td>'
        "<td>Quý II/2025</td></tr>\n"
        "<tr><td>2</td><td>Sửa đổi &amp; bổ sung</td><td>Quý IV/2025</td></tr></table>\n"
        "Hết"
    )
    _heading, table, tail = text_blocks(text)
    assert isinstance(table, Table) and table.line == 2
    assert table.rows == [
        ["STT", "Nhiệm vụ", "Chủ trì", "Thời gian"],
        ["I", "Thể chế", "", ""],
        ["1", "Rà soát\nvăn bản", "Sở Tư pháp", "Quý II/2025"],
        ["2", "Sửa đổi & bổ sung", "", "Quý IV/2025"],
    ]
    assert tail.line == 6


def test_unclosed_html_table_stays_text():
    blocks = text_blocks("<table> là thẻ HTML\nDòng sau")
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph"]


def test_pandoc_grid_table_joins_wrapped_cell_lines():
    text = "\n".join(
        [
            "+-----+-------------+-----------+",
            "| STT | Nhiệm vụ    | Chủ trì   |",
            "+=====+=============+===========+",
            "| I   | Thể chế                 |",
            "+-----+-------------+-----------+",
            "| 1   | Rà soát,    | Sở Tư     |",
            "|     | đề xuất     | pháp      |",
            "+-----+-------------+-----------+",
            "Sau bảng",
        ]
    )
    table, after = text_blocks(text)
    assert table.rows == [
        ["STT", "Nhiệm vụ", "Chủ trì"],
        ["I", "Thể chế", ""],
        ["1", "Rà soát, đề xuất", "Sở Tư pháp"],
    ]
    assert after.line == 9


def test_merged_cell_repeated_across_columns_is_kept_once():
    text = "| STT | Nhiệm vụ | Chủ trì |\n|---|---|---|\n| I | Thể chế | Thể chế |\n| 1 | Rà soát | Sở Tư pháp |"
    (table,) = text_blocks(text)
    assert table.rows[1] == ["I", "Thể chế", ""]
