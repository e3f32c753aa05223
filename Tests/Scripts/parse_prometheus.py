"""Parses a Prometheus text exposition with prometheus_client's own parser.

Usage: parse_prometheus.py EXPOSITION_FILE OUTPUT_FILE
Writes {"families": [{"name", "type", "samples": [{"name", "labels", "value"}]}]} as
JSON. A malformed exposition makes the parser raise, and this script exit non-zero.
"""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

with open(sys.argv[1], encoding="utf-8") as source:
    text = source.read()
families = [
    {
        "name": family.name,
        "type": family.type,
        "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in family.samples],
    }
    for family in text_string_to_metric_families(text)
]
with open(sys.argv[2], "w", encoding="utf-8") as target:
    json.dump({"families": families}, target)
