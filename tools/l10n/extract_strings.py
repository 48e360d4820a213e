#!/usr/bin/env python3
"""Lists the user-facing Indonesian resource keys of Kovablik.

The UI is localised with IStringLocalizer<SharedResource> whose keys ARE the Indonesian texts, so
Indonesian needs no resource file and English lives in
src/Kovablik.Web/Resources/SharedResource.en.resx. This script finds every key by scanning
src/Kovablik.Web (*.cshtml, *.cs) and src/Kovablik.Core (*.cs):

  * L["..."] / l["..."]                          views, page models, API
  * ErrorMessage = "...", [Display(Name = "...")] DataAnnotations (localised through SharedResource)
  * errors.Add(field, "..."), .Add(nameof(x), "...")            domain validation (ErrorBag)
  * Invalid(field, "..."), Conflict("...")        Result<T>.Invalid/Conflict, ApiResults.Invalid
  * [field] = ["..."]                             error dictionaries (InnovationFilter.Validate, pages)
  * (null, "...")                                 error tuples (FileInspector)
  * (nameof(x), "...")                            section titles (InnovationSections) and similar
  * const string ...Message = "..."               shared messages (InnovationService.StaleMessage)
  * Description = "..."  (Core only)             IdentityError descriptions
  * Message.Format("...", args)                   messages with arguments (Platform/Message.cs); the key keeps {0}
  * import reasons: AddError(...), SkipReason = "...", Refused("...")  (localised by the import pages and API)
  * every literal of Infrastructure/Labels.cs, the arms of any `static string Display(...)`
    (OrganisationTypeNames, Roles) plus the role constants Roles.Display passes through,
    and the Categories / Sdgs / TargetGroups names of Reference/ReferenceData.cs
  * sentence-like literals in page models (Pages/**/*.cshtml.cs) that reach l[...] indirectly
    (Error = "...", ChangeStatusAsync(..., "Inovasi diarsipkan.", ...))
  * raw literals that reach people WITHOUT the localiser (ModelState.AddModelError(x, "..."),
    Problem(title: "...", detail: "..."), TempData[...] = "...", Response.WriteAsync("..."));
    they are keys too (so the translation is ready) and are reported as warnings.

Interpolated strings ($"...") cannot be keys; they are reported as warnings (use Message.Format instead).

The same rules are ported to C# in tests/Kovablik.Tests/Localization/SourceStrings.cs; keep both in step.

Usage:
  python3 tools/l10n/extract_strings.py                 # sorted unique keys on stdout, warnings on stderr
  python3 tools/l10n/extract_strings.py --check src/Kovablik.Web/Resources/SharedResource.en.resx
        # exit 1 listing keys missing from the resx (or with mismatched {0} placeholders);
        # resx entries no longer used are listed as warnings only.
  Options: --root DIR (repository root; default: found from this script), --no-warnings, --where
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

# A C# string literal: optional $ / @ prefix, then "...". Group "p" = prefix, "s" = body.
STR = r'(?P<p>\$@|@\$|\$|@)?"(?P<s>(?:[^"\\\r\n]|\\.)*)"'
# A first argument naming a field: nameof(...), a plain literal or an identifier.
ARG = r'(?:nameof\([^()]*\)|"[^"\\\r\n]*"|[A-Za-z_][\w.]*)'

# Lookahead: the literal reads like text - a letter first, then a space or a closing full stop,
# question or exclamation mark (so not ".pdf", "application/pdf" or "Page").
TEXT = r'(?=(?:\$@|@\$|\$|@)?"[^\W\d_](?:[^"\\\r\n]|\\.)*?(?:\s|[.!?]"))'

# (rule name, regex, scope, raw) - scope: "all", "web", "core", "pages" (Web/Pages/**/*.cs).
# raw = True: the literal reaches people without going through the localiser (warn).
RULES = [
    ("localizer", r'\b[Ll]\[\s*' + STR + r'\s*\]', "all", False),
    ("error-message", r'\bErrorMessage\s*=\s*' + STR, "all", False),
    ("display-name", r'\[\s*Display\s*\([^\]]*?\bName\s*=\s*' + STR, "all", False),
    ("errors-add", r'\berrors\.Add\(\s*' + ARG + r'\s*,\s*' + STR + r'\s*\)', "all", False),
    ("add-nameof", r'\.Add\(\s*nameof\([^()]*\)\s*,\s*' + STR + r'\s*\)', "all", False),
    ("invalid", r'\bInvalid\(\s*' + ARG + r'\s*,\s*' + STR + r'\s*[,)]', "all", False),
    ("conflict", r'\bConflict\(\s*' + STR + r'\s*\)', "all", False),
    ("error-dictionary", r'\[\s*' + ARG + r'\s*\]\s*=\s*\[\s*' + TEXT + STR + r'\s*\]', "all", False),
    ("error-tuple", r'\(\s*null\s*,\s*' + STR + r'\s*\)', "all", False),
    ("nameof-tuple", r'\(\s*nameof\([^()]*\)\s*,\s*' + STR + r'\s*\)', "all", False),
    ("fail", r'\bFail\(\s*' + STR, "all", False),
    ("message-format", r'\bMessage\.Format\(\s*' + STR, "all", False),
    ("identity-description", r'\bDescription\s*=\s*' + STR, "core", False),
    ("model-error", r'\bAddModelError\(\s*' + ARG + r'\s*,\s*' + STR + r'\s*\)', "all", True),
    ("problem-text", r'\b(?:title|detail)\s*:\s*' + STR, "web", True),
    ("problem-text", r'\b(?:title|detail)\s*:\s*[^,;"]*\?\s*' + STR + r'\s*:', "web", True),
    ("problem-text", r'\b(?:title|detail)\s*:\s*[^,;"]*\?\s*"[^"\\\r\n]*"\s*:\s*' + STR, "web", True),
    ("tempdata", r'\bTempData\[[^\]]*\]\s*=\s*' + STR + r'\s*;', "web", True),
    ("response-write", r'\bResponse\.WriteAsync\(\s*' + STR, "web", True),
    ("skip-reason", r'\bSkipReason\s*=\s*' + STR, "all", False),
    ("refused", r'\bRefused\(\s*' + STR, "all", False),
]
# Blocks whose every literal is a key: (rule name, regex with group "body", raw).
BLOCK_RULES = [
    ("add-error", r'\bAddError\((?P<body>[^;]*)\)\s*;', False),  # import row errors, also inside ?: branches
    ("problem-details", r'\bProblemDetails\b[^{};]*\{(?P<body>[^{}]*)\}', True),  # ProblemDetails { Title = "...", Detail = "..." }
]
BLOCK_LITERAL = {"add-error": None, "problem-details": re.compile(r'\b(?:Title|Detail)\s*=\s*' + STR)}
COMPILED = [(name, re.compile(rx), scope, raw) for name, rx, scope, raw in RULES]
COMPILED_BLOCKS = [(name, re.compile(rx), raw) for name, rx, raw in BLOCK_RULES]

ANY_STR = re.compile(STR)
# Sentence-like literal: capital letter first, at least one space, ends like a sentence.
SENTENCE = re.compile(r'^[A-Z][^{}\r\n]*\s[^{}\r\n]*[.!?:]$')
DISPLAY_METHOD = re.compile(r'\bstatic\s+string\s+Display\s*\([^)]*\)\s*=>\s*(?:[^;{}]|\{[^{}]*\})*;')
SWITCH_ARM = re.compile(r'\b(?P<n>\w+)\s*=>\s*' + STR)
CONST_STRING = re.compile(r'\bconst\s+string\s+(?P<n>\w+)\s*=\s*' + STR)
REFERENCE_LIST = re.compile(r'\b(?:Categories|Sdgs|TargetGroups)\s*=\s*\[(?P<body>.*?)\];', re.S)
RAZOR_COMMENT = re.compile(r'@\*.*?\*@', re.S)
LINE_COMMENT = re.compile(r'^[ \t]*//.*$', re.M)
INTERPOLATED = re.compile(r'\$+"""(?P<raw>.*?)"""|\$@?"(?P<s>(?:[^"\\\r\n]|\\.)*)"', re.S)
# Prose: two words in a row, at least one of them a common Indonesian word.
PROSE = re.compile(r'[A-Za-z]{2,}[ \t]+[A-Za-z]{2,}')
INDONESIAN = re.compile(r'\b(?:yang|dan|di|ke|dari|untuk|tidak|atau|dengan|ini|itu|Anda|sudah|belum|wajib|maksimal|minimal|'
                        r'berkas|inovasi|organisasi|kata|sandi|akun|halaman|tautan|harus|dapat|baru|lagi)\b')
# Files whose Indonesian prose is data, not UI (demo content).
NOT_UI = ("src/Kovablik.Core/Demo/",)
SKIP_LINE = re.compile(r'throw new|\bLog[A-Z]\w*\(|Console\.Write|\bnew\s+(?:Invalid|Argument|NotSupported)\w*Exception')


@dataclass
class Finding:
    key: str
    file: str
    line: int
    rule: str


@dataclass
class Extraction:
    keys: dict[str, list[Finding]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add(self, key: str, file: str, line: int, rule: str) -> None:
        if key.strip():
            self.keys.setdefault(key, []).append(Finding(key, file, line, rule))


def unescape(body: str, prefix: str | None) -> str:
    if prefix and "@" in prefix:
        return body.replace('""', '"')

    def repl(m: re.Match[str]) -> str:
        c = m.group(1)
        simple = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "\\": "\\", '"': '"', "'": "'",
                  "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
        if c in simple:
            return simple[c]
        if c[0] in "uU":
            return chr(int(c[1:], 16))
        if c[0] == "x":
            return chr(int(c[1:], 16))
        return c

    return re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{1,4}|.)', repl, body)


def blank(m: re.Match[str]) -> str:
    """Replaces a comment by spaces, keeping newlines so line numbers stay right."""
    return re.sub(r'[^\n]', ' ', m.group(0))


def strip_comments(text: str, razor: bool) -> str:
    if razor:
        text = RAZOR_COMMENT.sub(blank, text)
    return LINE_COMMENT.sub(blank, text)


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def source_files(root: str) -> list[tuple[str, str]]:
    """(relative path with /, scope) of every scanned file, sorted."""
    out = []
    for project, scope, exts in (("src/Kovablik.Web", "web", (".cs", ".cshtml")), ("src/Kovablik.Core", "core", (".cs",))):
        base = os.path.join(root, project)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = [d for d in dirnames if d not in ("bin", "obj", "Migrations", "wwwroot")]
            for f in filenames:
                if f.endswith(exts):
                    out.append((os.path.relpath(os.path.join(dirpath, f), root).replace(os.sep, "/"), scope))
    return sorted(out)


def in_scope(rule_scope: str, file_scope: str, rel: str) -> bool:
    if rule_scope == "all":
        return True
    if rule_scope == "pages":
        return rel.startswith("src/Kovablik.Web/Pages/") and rel.endswith(".cs")
    return rule_scope == file_scope


def extract(root: str) -> Extraction:
    result = Extraction()
    for rel, scope in source_files(root):
        with open(os.path.join(root, rel), encoding="utf-8-sig") as fh:
            text = strip_comments(fh.read(), rel.endswith(".cshtml"))
        scan_file(result, rel, scope, text)
    return result


def scan_file(result: Extraction, rel: str, scope: str, text: str) -> None:
    seen_spans: set[tuple[int, int]] = set()  # literals already taken by a rule
    warned: set[tuple[int, int]] = set()  # literals already reported as shown without the localiser

    def take(m: re.Match[str], rule: str, raw: bool) -> None:
        span = m.span("s")
        line = line_of(text, m.start("s"))
        prefix = m.group("p")
        if prefix and "$" in prefix:
            result.warnings.append(f"{rel}:{line}: interpolated string cannot be a resource key ({rule}): $\"{m.group('s')}\"")
            seen_spans.add(span)
            return
        key = unescape(m.group("s"), prefix)
        result.add(key, rel, line, rule)
        if raw and span not in warned:
            warned.add(span)
            result.warnings.append(f"{rel}:{line}: shown without the localiser ({rule}); wrap it in l[...]: \"{key}\"")
        seen_spans.add(span)

    for name, rx, rule_scope, raw in COMPILED:
        if not in_scope(rule_scope, scope, rel):
            continue
        for m in rx.finditer(text):
            take(m, name, raw)

    for name, rx, raw in COMPILED_BLOCKS:
        inner = BLOCK_LITERAL[name] or ANY_STR
        for b in rx.finditer(text):
            for m in inner.finditer(b.group("body")):
                shifted = _offset(m, b.start("body"), text)
                if shifted.span("s") not in seen_spans:  # e.g. AddError(Message.Format("...", x)): taken already
                    take(shifted, name, raw)

    # Constants holding an Indonesian sentence (StaleMessage, RootLocked, ...) are messages.
    for m in CONST_STRING.finditer(text):
        body = unescape(m.group("s"), m.group("p"))
        if not m.group("p") and SENTENCE.match(body) and INDONESIAN.search(body):
            take(m, "message-constant", False)

    file_name = rel.rsplit("/", 1)[-1]

    # Infrastructure/Labels.cs: every literal is a label key.
    if rel.endswith("Infrastructure/Labels.cs"):
        for m in ANY_STR.finditer(text):
            take(m, "labels", False)

    # Display(...) methods: the switch arms' values are keys.
    arm_names: set[str] = set()
    for d in DISPLAY_METHOD.finditer(text):
        body = d.group(0)
        for a in SWITCH_ARM.finditer(body):
            arm_names.add(a.group("n"))
        for m in ANY_STR.finditer(body):
            take(_offset(m, d.start(), text), "display", False)

    # Roles.Display returns the role name itself for every role it does not map.
    if file_name == "Roles.cs":
        for m in CONST_STRING.finditer(text):
            if m.group("n") not in arm_names:
                take(m, "role-constant", False)

    # Reference data names (categories, SDGs, target groups) are shown through L[...].
    if file_name == "ReferenceData.cs":
        for b in REFERENCE_LIST.finditer(text):
            for m in ANY_STR.finditer(b.group("body")):
                take(_offset(m, b.start("body"), text), "reference-data", False)

    # Page models: sentence-like literals reach l[...] indirectly.
    if in_scope("pages", scope, rel):
        for m in ANY_STR.finditer(text):
            if m.span("s") in seen_spans or m.group("p"):
                continue
            body = unescape(m.group("s"), None)
            if SENTENCE.match(body):
                take(m, "page-sentence", False)

    if rel.startswith(NOT_UI):
        return

    # Any other interpolated literal that reads like Indonesian prose.
    for m in INTERPOLATED.finditer(text):
        span = m.span("s") if m.group("s") is not None else m.span("raw")
        if span in seen_spans:
            continue
        body = m.group("s") if m.group("s") is not None else m.group("raw")
        if _skipped_line(text, m.start()):
            continue
        prose = re.sub(r'\{[^{}]*\}', ' ', body)
        if PROSE.search(prose) and INDONESIAN.search(prose):
            snippet = " ".join(body.split())
            if len(snippet) > 100:
                snippet = snippet[:97] + "..."
            result.warnings.append(f"{rel}:{line_of(text, m.start())}: interpolated text cannot be localised: $\"{snippet}\"")

    # Any other plain literal that reads like Indonesian prose: no rule knows how it reaches people.
    for m in ANY_STR.finditer(text):
        if m.group("p") or m.span("s") in seen_spans:
            continue
        body = unescape(m.group("s"), None)
        if not (body[:1].isupper() and PROSE.search(body) and INDONESIAN.search(body)):
            continue
        if _skipped_line(text, m.start()):
            continue
        result.warnings.append(f"{rel}:{line_of(text, m.start())}: Indonesian text outside any localisation pattern: \"{body}\"")


def _skipped_line(text: str, pos: int) -> bool:
    """Log messages and exceptions are for operators, in English: not UI."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return bool(SKIP_LINE.search(text[line_start:line_end if line_end >= 0 else len(text)]))


class _Shifted:
    """A match of a sub-string, re-based onto the whole file text."""

    def __init__(self, m: re.Match[str], offset: int, text: str):
        self._m, self._o, self.string = m, offset, text

    def group(self, name: str):
        return self._m.group(name)

    def span(self, name: str):
        s, e = self._m.span(name)
        return (s + self._o, e + self._o)

    def start(self, name: str):
        return self._m.start(name) + self._o


def _offset(m: re.Match[str], offset: int, text: str):
    return _Shifted(m, offset, text)


def read_resx(path: str) -> dict[str, str]:
    tree = ET.parse(path)
    out: dict[str, str] = {}
    for data in tree.getroot().findall("data"):
        name = data.get("name")
        if name is None or data.get("type") is not None:
            continue
        value = data.find("value")
        out[name] = "" if value is None or value.text is None else value.text
    return out


PLACEHOLDER = re.compile(r'\{(\d+)(?:[,:][^{}]*)?\}')


def placeholders(s: str) -> list[str]:
    return sorted(set(PLACEHOLDER.findall(s)))


def find_root() -> str:
    d = os.path.dirname(os.path.abspath(__file__))
    while True:
        if os.path.exists(os.path.join(d, "Kovablik.slnx")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            sys.exit("extract_strings.py: cannot find Kovablik.slnx above this script; pass --root")
        d = parent


def main() -> int:
    ap = argparse.ArgumentParser(description="List Kovablik's Indonesian resource keys.")
    ap.add_argument("--check", metavar="RESX", help="compare the keys with this .resx")
    ap.add_argument("--root", help="repository root (default: the folder holding Kovablik.slnx)")
    ap.add_argument("--no-warnings", action="store_true", help="do not print warnings")
    ap.add_argument("--where", action="store_true", help="print file:line and rule after each key (tab-separated)")
    args = ap.parse_args()
    root = os.path.abspath(args.root) if args.root else find_root()
    result = extract(root)
    keys = sorted(result.keys)
    err = sys.stderr

    # .resx names are case-insensitive: resgen keeps only the first of names that differ only in case,
    # and the ResourceManager then misses the others. Such keys must be renamed in the source.
    by_folded: dict[str, list[str]] = {}
    for k in keys:
        by_folded.setdefault(k.casefold(), []).append(k)
    collisions = {k: [o for o in group if o != k] for group in by_folded.values() if len(group) > 1 for k in group}

    if not args.no_warnings:
        for w in result.warnings:
            print(f"warning: {w}", file=err)
        for group in sorted({tuple(g) for g in by_folded.values() if len(g) > 1}):
            where = ", ".join(f"\"{k}\" ({result.keys[k][0].file}:{result.keys[k][0].line})" for k in group)
            print(f"warning: keys differ only in case, so only one can be translated (.resx names are case-insensitive): {where}", file=err)

    if not args.check:
        for k in keys:
            shown = k.replace("\n", "\\n")
            if args.where:
                f = result.keys[k][0]
                print(f"{shown}\t{f.file}:{f.line}\t{f.rule}")
            else:
                print(shown)
        print(f"{len(keys)} keys", file=err)
        return 0

    resx = read_resx(args.check)
    resx_folded: dict[str, list[str]] = {}
    for k in resx:
        resx_folded.setdefault(k.casefold(), []).append(k)
    resx_dups = sorted(tuple(sorted(g)) for g in resx_folded.values() if len(g) > 1)
    missing = [k for k in keys if k not in resx]
    empty = [k for k in keys if k in resx and not resx[k].strip()]
    bad_placeholders = [k for k in keys if k in resx and resx[k].strip() and placeholders(k) != placeholders(resx[k])]
    unused = sorted(k for k in resx if k not in result.keys)
    for k in unused:
        print(f"warning: resx entry no longer used in the source: \"{k}\"", file=err)
    for k in missing:
        f = result.keys[k][0]
        note = ""
        if k in collisions:
            note = (" - differs only in case from " + ", ".join(f"\"{o}\"" for o in collisions[k])
                    + "; .resx names are case-insensitive, so rename one of them in the source")
        print(f"missing: \"{k}\"  ({f.file}:{f.line}){note}")
    for group in resx_dups:
        print("resx names differ only in case (resgen keeps only the first): " + ", ".join(f"\"{k}\"" for k in group))
    for k in empty:
        print(f"empty translation: \"{k}\"")
    for k in bad_placeholders:
        print(f"placeholders differ: \"{k}\" -> \"{resx[k]}\"")
    problems = len(missing) + len(empty) + len(bad_placeholders) + len(resx_dups)
    print(f"{len(keys)} keys, {len(resx)} resx entries, {len(missing)} missing, {len(empty)} empty, "
          f"{len(bad_placeholders)} placeholder mismatches, {len(unused)} unused", file=err)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
