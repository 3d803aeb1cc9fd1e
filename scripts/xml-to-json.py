#!/usr/bin/python3
"""Writes a document's XML data as the JSON vanban reads (docs/data-schema.md, "JSON").

    scripts/xml-to-json.py samples/ke-hoach-54.xml > docs/examples/ke-hoach-54.json

An element of text (and <b>, <i>, <u>) becomes a string; any other an object of its
attributes and children, in order, a run of children of one name an array; where a name comes
back after another (a body's p, section, p), the element becomes an array of one-key objects,
which keeps the order. docs/examples/ was made with it; the tests check that each example
lays out as its sample.
"""
import json, re, sys
import xml.etree.ElementTree as ET
from collections import OrderedDict

BLOCKS = {"p", "section", "item", "point", "bullet", "table", "article"}
INLINE = {"b", "i", "u"}

def collapse(s):
    return re.sub(r"\s+", " ", s)

def inline_text(e):
    out = collapse(e.text or "")
    for c in e:
        out += "<%s>%s</%s>" % (c.tag, inline_text(c), c.tag) + collapse(c.tail or "")
    return out

def is_rich(e):
    return not e.attrib and all(c.tag in INLINE for c in e) and all(is_rich_inner(c) for c in e)

def only_inline_children(e):
    return len(e) > 0 and all(c.tag in INLINE for c in e)

def is_rich_inner(e):
    return all(c.tag in INLINE for c in e)

def convert(e):
    if is_rich(e):
        return inline_text(e).strip()
    entries = [(k, v) for k, v in e.attrib.items()]
    if only_inline_children(e):
        entries.append(("text", inline_text(e).strip()))
        return OrderedDict(entries)
    own = collapse(e.text or "").strip()
    children = list(e)
    names = [c.tag for c in children]
    if own:
        entries.append(("text", own))
    for c in children:
        entries.append((c.tag, convert(c)))
    keys = [k for k, _ in entries]
    if len(set(keys)) == len(keys):
        return OrderedDict(entries)
    runs = [k for i, k in enumerate(keys) if i == 0 or keys[i - 1] != k]
    if len(set(runs)) != len(runs):  # a name in two places: only an array of one-key objects keeps the order
        return [OrderedDict([(k, v)]) for k, v in entries]
    grouped = OrderedDict()
    for k, v in entries:
        grouped.setdefault(k, []).append(v)
    return OrderedDict((k, v[0] if len(v) == 1 else v) for k, v in grouped.items())

root = ET.parse(sys.argv[1]).getroot()
doc = convert(root)
print(json.dumps(doc, ensure_ascii=False, indent=2))
