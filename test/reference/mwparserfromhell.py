#!/usr/bin/env python3
"""A second opinion on template transclusions: Debian's python3-mwparserfromhell over wikitext files.

    python3 test/reference/mwparserfromhell.py --template=project [--alias=NAME]... FILE [FILE...]

Prints the same JSON shape as preprocess.php (without offsets or sections): one FILE gives an array,
several give an object keyed by the path as given. mwparserfromhell is not MediaWiki: it has bugs of
its own (tables, tags it does not know, unbalanced markup), so the tests only report where it differs.
"""

import html
import json
import os
import re
import sys
import unicodedata

# This file's own name would shadow the library: look it up without this directory on the path.
sys.path = [entry for entry in sys.path if os.path.abspath(entry or ".") != os.path.dirname(os.path.abspath(__file__))]
import mwparserfromhell  # noqa: E402
from mwparserfromhell.nodes import Comment, Template  # noqa: E402


def template_key(title):
    """MediaWiki's title rules, as far as matching one template needs them (see preprocess.php)."""
    title = title.strip()
    if re.match(r"(?i)subst:|(safesubst:)?msgnw:", title):
        return None
    title = re.sub(r"(?i)^(safesubst:)?(msg:)?(raw:)?", "", title)
    title = unicodedata.normalize("NFC", html.unescape(title))
    key = re.sub(r"[\u200e\u200f\u202a-\u202e]+", "", title)
    key = re.sub(r"[ _\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+", "_", key).strip("_")
    in_template_namespace = True
    if key.startswith(":"):
        in_template_namespace = False
        key = key[1:].strip("_")
    prefixed = re.match(r"^(.+?)_*:_*(.*)$", key, re.S)
    if prefixed and prefixed.group(1).lower() == "template":
        in_template_namespace = True
        key = prefixed.group(2)
    key = key.split("#", 1)[0].rstrip("_")
    if not in_template_namespace or not key:
        return None
    return key[0].upper() + key[1:]


def without_comments(wikicode):
    return "".join(str(node) for node in wikicode.nodes if not isinstance(node, Comment))


def php_trim(text):
    # PHP's trim(), which MediaWiki uses for names: ASCII blanks only, never U+00A0 and friends.
    return text.strip(" \t\n\r\0\x0b")


def read_transclusions(text, wanted):
    code = mwparserfromhell.parse(text, skip_style_tags=True)
    found = []
    for template in code.filter_templates(recursive=True):
        title = php_trim(without_comments(template.name))
        if template_key(title) not in wanted:
            continue
        nested = any(isinstance(node, Template) for node in code.get_ancestors(template))
        params = [
            {
                "name": php_trim(without_comments(param.name)),
                "value": str(param.value),
                "positional": not param.showkey,
            }
            for param in template.params
        ]
        found.append({"template": title, "nested": nested, "params": params})
    return found


def main(argv):
    names, files = [], []
    for arg in argv[1:]:
        match = re.match(r"^--(template|alias)=(.*)$", arg, re.S)
        if match:
            names.append(match.group(2))
        elif arg.startswith("--"):
            sys.exit(f"mwparserfromhell.py: unknown option {arg}")
        else:
            files.append(arg)
    if not names or not files:
        sys.exit("mwparserfromhell.py: give --template=NAME and at least one file")
    wanted = {template_key(name) for name in names}
    results = {}
    for path in files:
        with open(path, encoding="utf-8", newline="") as handle:
            results[path] = read_transclusions(handle.read(), wanted)
    output = next(iter(results.values())) if len(results) == 1 else results
    json.dump(output, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv)
