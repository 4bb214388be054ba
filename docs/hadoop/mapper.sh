#!/bin/sh
# Hadoop Streaming mapper (docs/scaling.md): JSON Lines documents in, one
# knowledge record per map task out (a map-side merge).
glean-normalize --jsonl | glean-tokenize | glean-entities | glean-dates |
    glean-money | glean-quotes | glean-ratings | glean-merge
