#!/usr/bin/env bash
# Regenerates extract/models/en-ewt.pos, the part-of-speech model, from the
# Universal Dependencies English Web Treebank (CC BY-SA 4.0), byte for byte:
# training is deterministic (fixed-seed shuffling, integer arithmetic).
#
#   scripts/train_tagger.sh [TREEBANK_DIR]          # rewrites the model
#   scripts/train_tagger.sh --check [TREEBANK_DIR]  # fails if it would change
#
# TREEBANK_DIR holds en_ewt-ud-{train,dev,test}.conllu (default
# ../shared/treebank). Takes a few minutes on one core; prints dev and test
# accuracy. The settings below are the ones the shipped model was made with.
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
if [ "${1:-}" = "--check" ]; then
  check=1
  shift
fi
treebank="${1:-../shared/treebank}"
for split in train dev test; do
  if [ ! -f "$treebank/en_ewt-ud-$split.conllu" ]; then
    echo "train_tagger: no $treebank/en_ewt-ud-$split.conllu" >&2
    exit 2
  fi
done

cmake --preset release >/dev/null
cmake --build --preset release --target kg_train_tagger >/dev/null
model=extract/models/en-ewt.pos
out="$model"
if [ "$check" = 1 ]; then
  out=$(mktemp)
  trap 'rm -f "$out"' EXIT
fi
build/release/extract/pos/kg_train_tagger \
  --train "$treebank/en_ewt-ud-train.conllu" \
  --dev "$treebank/en_ewt-ud-dev.conllu" \
  --test "$treebank/en_ewt-ud-test.conllu" \
  --features word,context,history,lexical,context-lexical,long-shape,hints,word-pairs \
  --epochs 10 --seed 1 --max-classes 64 --min-vocabulary 1 --scale 32 --prune 1 \
  --hint-min 3 --hint-share 50 \
  --out "$out"
if [ "$check" = 1 ]; then
  if cmp -s "$out" "$model"; then
    echo "train_tagger: $model is reproduced byte for byte" >&2
  else
    echo "train_tagger: retraining gives a different $model" >&2
    exit 1
  fi
fi
