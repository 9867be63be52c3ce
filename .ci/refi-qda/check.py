"""Reads a REFI-QDA project as a client of the format: validates project.qde
against the REFI-QDA schema with the reader of the `qualitative-coding`
package, then reads every coded selection back out of the plain text under
sources/ and prints them as JSON for the test to compare with the map.

Usage: check.py PROJECT.qdpx [CODEBOOK.qdc]
"""

import json
import sys
import xml.etree.ElementTree as ET
import zipfile

from qualitative_coding.refi_qda.reader import REFIQDAReader

PROJECT = "{urn:QDA-XML:project:1.0}"
CODEBOOK = "{urn:QDA-XML:codebook:1.0}"


def main(qdpx, qdc=None):
    # The package's reader validates project.qde against the REFI-QDA XSD
    # as it opens the file, and raises on any violation.
    REFIQDAReader(qdpx)
    report = {"sources": {}, "selections": [], "links": [], "codes": {}, "notes": [], "sets": []}
    with zipfile.ZipFile(qdpx) as archive:
        root = ET.fromstring(archive.read("project.qde"))
        for code in root.iter(PROJECT + "Code"):
            report["codes"][code.get("guid")] = code.get("name")
        for source in root.iter(PROJECT + "TextSource"):
            path = source.get("plainTextPath").removeprefix("internal://")
            raw = archive.read("sources/" + path)
            text = raw.decode("utf-8")
            report["sources"][source.get("name")] = {
                "bom": raw.startswith(b"\xef\xbb\xbf"),
                "crlf": text.count("\r\n"),
                "lone_lf": text.count("\n") - text.count("\r\n"),
            }
            for selection in source.iter(PROJECT + "PlainTextSelection"):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                codes = [ref.get("targetGUID") for ref in selection.iter(PROJECT + "CodeRef")]
                report["selections"].append(
                    {
                        "source": source.get("name"),
                        "guid": selection.get("guid"),
                        # Positions are code points: Python slices a str by them.
                        "text": text[start:end],
                        "codes": codes,
                        "description": selection.findtext(PROJECT + "Description"),
                    }
                )
        for link in root.iter(PROJECT + "Link"):
            report["links"].append([link.get("name"), link.get("originGUID"), link.get("targetGUID")])
        for note in root.iter(PROJECT + "Note"):
            report["notes"].append(note.findtext(PROJECT + "PlainTextContent"))
        for member_set in root.iter(PROJECT + "Set"):
            report["sets"].append([member_set.get("name"), len(list(member_set.iter(PROJECT + "MemberSource")))])
        project_codes = [(c.get("guid"), c.get("name")) for c in root.iter(PROJECT + "Code")]
    if qdc:
        book = ET.parse(qdc).getroot()
        assert book.tag == CODEBOOK + "CodeBook", book.tag
        report["codebook_matches_project"] = [
            (c.get("guid"), c.get("name")) for c in book.iter(CODEBOOK + "Code")
        ] == project_codes
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(*sys.argv[1:])
