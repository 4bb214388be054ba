#!/bin/sh
# Hadoop Streaming reducer (docs/scaling.md): the map records in, sorted,
# each with the tab streaming adds to a line that has none; one record out.
sed 's/\t$//' | glean-merge
