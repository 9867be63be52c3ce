"""Reads an xAIF file with the `xaif` package as a client of the format
would, and prints what it finds as JSON for the test to compare with the
map: every locution with its speaker and the proposition it asserts, and
every argument relation between propositions.

Usage: check.py FILE.json
"""

import json
import sys

from xaif import AIF


def main(path):
    with open(path, encoding="utf-8") as f:
        aif = AIF(json.load(f))
    assert aif.is_valid_json_aif(), "nodes, locutions and edges"
    assert aif.is_json_aif_dialog(), "a dialogue: it has locutions"
    text = {node["nodeID"]: node["text"] for node in aif.nodes}
    kinds = {node["nodeID"]: node["type"] for node in aif.nodes}
    locutions = []
    for node in aif.nodes:
        if node["type"] != "L":
            continue
        i_node, ya_node = aif.get_i_node_ya_nodes_for_l_node(node["nodeID"])
        speaker, _ = aif.get_speaker(node["nodeID"])
        locutions.append(
            {
                "text": node["text"],
                "speaker": speaker,
                "asserting": text.get(ya_node),
                "proposition": text.get(i_node),
            }
        )
    relations = aif.get_csv("argument-relation")
    relations = relations[relations["relation"] != "None"]
    # Transitions join locutions: from the one answered to the answer.
    transitions = []
    for edge in aif.aif["edges"]:
        if kinds.get(edge["toID"]) == "TA" and kinds.get(edge["fromID"]) == "L":
            for out in aif.aif["edges"]:
                if out["fromID"] == edge["toID"] and kinds.get(out["toID"]) == "L":
                    transitions.append([text[edge["fromID"]], text[out["toID"]]])
    json.dump(
        {
            "locutions": locutions,
            "relations": relations[["proposition1_text", "proposition2_text", "relation"]].values.tolist(),
            "transitions": transitions,
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main(*sys.argv[1:])
