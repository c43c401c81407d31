#!/usr/bin/env python3
"""Compares two HTML pages as a reader sees them: the text content (whitespace
collapsed, entities decoded) and the element structure (tag names with id, class,
href and colspan attributes), ignoring how the bytes are written (e.g. &#39; vs ',
an empty class="" attribute). Used to show that moving the report into templates
changed no figure or element.

  python3 scripts/html_text_diff.py OLD.html NEW.html [--structure] [--skip TAG ...]

Prints a unified diff of the text (and with --structure, of the element outline)
and exits 1 when they differ. --skip TAG leaves out TAG elements and their text
(e.g. --skip desc: the map features' hover properties, added on purpose).
"""
import difflib
import sys
from html.parser import HTMLParser

KEEP = ("id", "class", "href", "colspan", "open")


class Outline(HTMLParser):
    def __init__(self, skipped=()):
        super().__init__(convert_charrefs=True)
        self.text, self.tags, self.skip, self.hidden, self.skipped = [], [], 0, 0, set(skipped)

    def handle_starttag(self, tag, attrs):
        if tag in self.skipped:
            self.hidden += 1
            return
        if self.hidden:
            return
        if tag in ("script", "style"):
            self.skip += 1
        a = " ".join(f'{k}="{v}"' for k, v in sorted(attrs) if k in KEEP and v not in ("", None) or k == "open")
        self.tags.append(f"<{tag}{' ' + a if a else ''}>")

    def handle_endtag(self, tag):
        if tag in self.skipped:
            self.hidden -= 1
            return
        if self.hidden:
            return
        if tag in ("script", "style"):
            self.skip -= 1
        self.tags.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skip and not self.hidden:
            words = data.split()
            if words:
                self.text.append(" ".join(words))


def outline(path, skipped):
    p = Outline(skipped)
    p.feed(open(path, encoding="utf-8").read())
    return p.text, p.tags


def main():
    old, new = sys.argv[1], sys.argv[2]
    skipped = [sys.argv[i + 1] for i, a in enumerate(sys.argv) if a == "--skip" and i + 1 < len(sys.argv)]
    (ot, og), (nt, ng) = outline(old, skipped), outline(new, skipped)
    differ = False
    for name, a, b in [("text", ot, nt)] + ([("structure", og, ng)] if "--structure" in sys.argv else []):
        diff = list(difflib.unified_diff(a, b, f"{old} ({name})", f"{new} ({name})", lineterm="", n=1))
        if diff:
            differ = True
            print("\n".join(diff))
    print(f"html_text_diff: {'differ' if differ else 'same'} ({len(ot)} text runs, {len(og)} tags)")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
