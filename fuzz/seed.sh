#!/usr/bin/env bash
# Seeds the fuzz corpora (fuzz/corpus/<target>/, git-ignored) from the project corpus
# (corpus/**/*.sql) and, when present, the TPC queries of ../shared/corpus. Idempotent.
#   bash fuzz/seed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for target in parse lex fastparse pipeline roundtrip; do
  dir="fuzz/corpus/$target"
  mkdir -p "$dir"
  find corpus -name '*.sql' | while read -r f; do
    cp "$f" "$dir/seed_$(echo "$f" | tr '/' '_')"
  done
  if [ -d ../shared/corpus ]; then
    for f in ../shared/corpus/tpch/*.sql ../shared/corpus/tpcds/*.sql; do
      cp "$f" "$dir/seed_$(basename "$(dirname "$f")")_$(basename "$f")"
    done
  fi
done
echo "seeded fuzz/corpus/{parse,lex,fastparse,pipeline,roundtrip} (parse now holds $(ls fuzz/corpus/parse | wc -l) inputs)"
