#!/usr/bin/env python3
"""Writes records.xlsx for the xlsx-damaged-cells case from the batch fixture
(tests/data/batch/certificates.xlsx, sheet "Cá nhân"): record 1's golden-book a shared
string past the table, record 2's date the serial 1e300, record 5's name given twice (two
cells C6). Only needed to remake it; it is committed."""
import pathlib
import re
import zipfile

here = pathlib.Path(__file__).parent
source = here.parent.parent / "data" / "batch" / "certificates.xlsx"
with zipfile.ZipFile(source) as book:
    parts = {name: book.read(name) for name in book.namelist()}
sheet = parts["xl/worksheets/sheet1.xml"].decode()
sheet = sheet.replace('<c r="E2" t="n"><v>101</v></c>', '<c r="E2" t="s"><v>999</v></c>')
sheet = sheet.replace('<c r="F3" s="1" t="n"><v>44007</v></c>', '<c r="F3" s="1" t="n"><v>1e300</v></c>')
sheet = re.sub(r'(<c r="C6" t="inlineStr"><is><t>[^<]*</t></is></c>)',
               r'\1<c r="C6" t="inlineStr"><is><t>Nguy&#7877;n V&#259;n B&#236;nh</t></is></c>', sheet)
parts["xl/worksheets/sheet1.xml"] = sheet.encode()
with zipfile.ZipFile(here / "records.xlsx", "w", zipfile.ZIP_DEFLATED) as out:
    for name, data in parts.items():
        out.writestr(zipfile.ZipInfo(name, date_time=(2020, 6, 22, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
