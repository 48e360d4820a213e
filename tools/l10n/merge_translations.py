#!/usr/bin/env python3
"""Merges English translations into SharedResource.en.resx and rewrites it sorted, with the standard header.

  python3 tools/l10n/merge_translations.py src/Kovablik.Web/Resources/SharedResource.en.resx new.tsv
      new.tsv: one entry a line, "<Indonesian key><TAB><English text>"; blank lines and lines starting
      with # are skipped. Existing entries with the same key are replaced.
  --prune   also drop entries whose key extract_strings.py no longer finds in the source.
  --missing print the keys the source uses but the resx lacks, as a TSV skeleton to fill in, and stop.

Creates the file when it does not exist. Keys and values are written with &, < and > escaped.
"""

from __future__ import annotations

import argparse
import os
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extract_strings  # noqa: E402

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <!--
    English texts of Kovablik's shared string table (IStringLocalizer<SharedResource>).
    The name of each entry is the Indonesian text used as the key in the source; Indonesian itself needs no
    resource file. tools/l10n/extract_strings.py lists the keys the source uses (and checks this file);
    tools/l10n/merge_translations.py merges new translations and keeps the entries sorted.
  -->
  <xsd:schema id="root" xmlns="" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:msdata="urn:schemas-microsoft-com:xml-msdata">
    <xsd:import namespace="http://www.w3.org/XML/1998/namespace" />
    <xsd:element name="root" msdata:IsDataSet="true">
      <xsd:complexType>
        <xsd:choice maxOccurs="unbounded">
          <xsd:element name="metadata">
            <xsd:complexType>
              <xsd:sequence>
                <xsd:element name="value" type="xsd:string" minOccurs="0" />
              </xsd:sequence>
              <xsd:attribute name="name" use="required" type="xsd:string" />
              <xsd:attribute name="type" type="xsd:string" />
              <xsd:attribute name="mimetype" type="xsd:string" />
              <xsd:attribute ref="xml:space" />
            </xsd:complexType>
          </xsd:element>
          <xsd:element name="assembly">
            <xsd:complexType>
              <xsd:attribute name="alias" type="xsd:string" />
              <xsd:attribute name="name" type="xsd:string" />
            </xsd:complexType>
          </xsd:element>
          <xsd:element name="data">
            <xsd:complexType>
              <xsd:sequence>
                <xsd:element name="value" type="xsd:string" minOccurs="0" msdata:Ordinal="1" />
                <xsd:element name="comment" type="xsd:string" minOccurs="0" msdata:Ordinal="2" />
              </xsd:sequence>
              <xsd:attribute name="name" type="xsd:string" use="required" msdata:Ordinal="1" />
              <xsd:attribute name="type" type="xsd:string" msdata:Ordinal="3" />
              <xsd:attribute name="mimetype" type="xsd:string" msdata:Ordinal="4" />
              <xsd:attribute ref="xml:space" />
            </xsd:complexType>
          </xsd:element>
          <xsd:element name="resheader">
            <xsd:complexType>
              <xsd:sequence>
                <xsd:element name="value" type="xsd:string" minOccurs="0" msdata:Ordinal="1" />
              </xsd:sequence>
              <xsd:attribute name="name" type="xsd:string" use="required" />
            </xsd:complexType>
          </xsd:element>
        </xsd:choice>
      </xsd:complexType>
    </xsd:element>
  </xsd:schema>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
"""


def ordinal_key(s: str) -> list[int]:
    """Sorts like .NET's StringComparer.Ordinal (UTF-16 code units)."""
    b = s.encode("utf-16-be")
    return [int.from_bytes(b[i:i + 2], "big") for i in range(0, len(b), 2)]


def write_resx(path: str, entries: dict[str, str]) -> None:
    folded: dict[str, str] = {}
    for key in sorted(entries, key=ordinal_key):
        if key.casefold() in folded:
            sys.exit(f"\"{key}\" and \"{folded[key.casefold()]}\" differ only in case; .resx names are case-insensitive "
                     "(resgen keeps only the first), so rename one of the keys in the source")
        folded[key.casefold()] = key
    out = [HEADER]
    for key in sorted(entries, key=ordinal_key):
        out.append(f'  <data name={quoteattr(key)} xml:space="preserve">\n')
        out.append(f"    <value>{escape(entries[key])}</value>\n")
        out.append("  </data>\n")
    out.append("</root>\n")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("".join(out))
    ET.parse(tmp)  # refuse to write malformed XML
    os.replace(tmp, path)


def read_tsv(path: str) -> dict[str, str]:
    out: dict[str, str] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                sys.exit(f"{path}:{n}: expected <key><TAB><translation>")
            key, value = line.split("\t", 1)
            if not value.strip():
                sys.exit(f"{path}:{n}: empty translation for \"{key}\"")
            out[key] = value
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description="Merge English translations into SharedResource.en.resx.")
    ap.add_argument("resx")
    ap.add_argument("tsv", nargs="?")
    ap.add_argument("--prune", action="store_true", help="drop entries no longer used in the source")
    ap.add_argument("--missing", action="store_true", help="print a TSV skeleton of the missing keys and stop")
    ap.add_argument("--root", help="repository root (default: the folder holding Kovablik.slnx)")
    args = ap.parse_args()

    entries = extract_strings.read_resx(args.resx) if os.path.exists(args.resx) else {}
    if args.missing or args.prune:
        root = os.path.abspath(args.root) if args.root else extract_strings.find_root()
        used = extract_strings.extract(root).keys
        if args.missing:
            for k in sorted(used, key=ordinal_key):
                if k not in entries:
                    print(f"{k}\t")
            return 0
        for k in [k for k in entries if k not in used]:
            print(f"pruned: \"{k}\"", file=sys.stderr)
            del entries[k]
    if args.tsv:
        entries.update(read_tsv(args.tsv))
    write_resx(args.resx, entries)
    print(f"{args.resx}: {len(entries)} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
