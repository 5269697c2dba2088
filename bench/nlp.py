"""The English pipeline (timeline.nlp): load time, parsing speed, NER accuracy, set-up time.

    python bench/nlp.py [--shared PATH] [--runs N] [--setup]

Prints, all through `timeline.nlp`:
- the load time in a fresh process (import of spaCy, then load()), median of --runs;
- words/s parsing the demo articles' passages and the 256 TempEval-3 documents' passages (main
  text as `furniture.main_text` gives it, each passage one text), with 1 and 2 processes (the
  2-process figure includes starting the workers, as a build would pay it), best of --runs;
- what the attribute ruler and lemmatizer cost: words/s with and without them, 1 process;
- NER precision, recall and F1 on ../shared/nlp/uner-english-ewt/test.iob2 (gold tokens; PER, ORG,
  LOC exact spans; PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC; OTH is not scored);
- with --setup, the README's set-up and build command timed in a fresh clone of this checkout.

A word is a token that is not whitespace. The load average is printed, so a figure can be read
with its conditions (the machine has 2 cores).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout

from timeline import nlp
from timeline.ingest import furniture, ingest
from timeline.model import Article

UNER_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
SCORED = ("PER", "ORG", "LOC")
LOAD_SCRIPT = (
    "import time; start = time.perf_counter(); from timeline import nlp; nlp.load(); "
    "print(time.perf_counter() - start)"
)


def find_shared(given: Path | None) -> Path:
    """The shared folder: --shared, else ../shared or ../../shared."""
    candidates = [given] if given else [ROOT.parent / "shared", ROOT.parent.parent / "shared"]
    for folder in candidates:
        if folder is not None and (folder / "bench" / "score_timex.py").is_file():
            return folder.resolve()
    raise SystemExit(
        f"no bench/score_timex.py under {', '.join(map(str, candidates))}; pass --shared PATH"
    )


def demo_passages() -> list[str]:
    """The main-text passages of the demo articles, as a build would parse them."""
    articles, _ = ingest.read_articles(ROOT / "articles")
    return [p.text for a in articles for p in furniture.main_text(a).passages]


def tempeval_passages(shared: Path) -> tuple[int, list[str]]:
    """The main-text passages of the 256 TempEval-3 training documents (TimeBank and AQUAINT)."""
    path = shared / "bench" / "score_timex.py"
    spec = importlib.util.spec_from_file_location("score_timex", path)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    docs = [
        doc
        for name in ("TimeBank", "AQUAINT")
        for doc in scorer.load_set(str(shared / "bench" / "tempeval3" / "train" / name))
    ]
    passages = [
        p.text
        for doc in docs
        for p in furniture.main_text(
            Article(doc["name"], date.fromisoformat(doc["dct"]), doc["text"])
        ).passages
    ]
    return len(docs), passages


def load_seconds(runs: int) -> list[float]:
    """Seconds to import spaCy and load the pipeline, each in a fresh process."""
    seconds = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", LOAD_SCRIPT],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        seconds.append(float(done.stdout))
    return seconds


def words(texts: Sequence[str]) -> int:
    """Tokens that are not whitespace, as the pipeline's tokenizer counts them."""
    tokenizer = nlp.load().tokenizer
    return sum(1 for text in texts for token in tokenizer(text) if not token.is_space)


def best_rate(count: int, run: Callable[[], object], runs: int) -> float:
    """`count` per second, the best of `runs` timings of `run()`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return count / min(times)


def speed(name: str, texts: list[str], runs: int) -> None:
    count = words(texts)
    one = best_rate(count, lambda: nlp.parse(texts), runs)
    two = best_rate(count, lambda: nlp.parse(texts, jobs=2), runs)
    print(
        f"{name}: {len(texts):,} passages, {count:,} words: "
        f"{one:,.0f} words/s in 1 process, {two:,.0f} in 2 (workers' start included)"
    )


def lemmatizer_cost(texts: list[str], runs: int) -> None:
    """Words/s with the pipeline as load() gives it, and without attribute ruler and lemmatizer,
    timed in turns so that both see the same load; the best of `runs` each."""
    import spacy

    count = words(texts)
    full = nlp.load()
    lean = spacy.load(nlp.package(), exclude=[*nlp.EXCLUDED, "attribute_ruler", "lemmatizer"])
    with_them, without = 0.0, 0.0
    for _ in range(runs):
        with_them = max(
            with_them,
            best_rate(count, lambda: list(full.pipe(texts, batch_size=nlp.BATCH_SIZE)), 1),
        )
        without = max(
            without, best_rate(count, lambda: list(lean.pipe(texts, batch_size=nlp.BATCH_SIZE)), 1)
        )
    print(
        f"attribute ruler + lemmatizer, same passages, 1 process: {with_them:,.0f} words/s with "
        f"them, {without:,.0f} without: they cost {100 * (1 - with_them / without):.1f} % of "
        f"the speed; without them token.lemma_ and token.pos_ are empty"
    )


def read_iob2(path: Path) -> list[tuple[list[str], list[bool], set[tuple[int, int, str]]]]:
    """Sentences of an IOB2 file: words, whether a space follows each (from `# text`), and the
    gold entity spans (start, end, label) in token indices."""
    sentences = []
    text, rows = "", []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif line.startswith("#"):
            continue
        elif line.strip():
            rows.append(line.split("\t"))
        elif rows:
            tokens = [row[1] for row in rows]
            sentences.append((tokens, spaces_after(text, tokens), spans([row[2] for row in rows])))
            text, rows = "", []
    return sentences


def spaces_after(text: str, tokens: list[str]) -> list[bool]:
    """Whether a space follows each token in the sentence's text (True where it cannot tell)."""
    result, at = [], 0
    for token in tokens:
        found = text.find(token, at)
        if found < 0:
            result.append(True)
            continue
        at = found + len(token)
        result.append(text[at : at + 1] == " ")
    return result


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans from IOB2 tags."""
    found, start, label = set(), -1, ""
    for index, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            found.add((start, index, label))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, label = index, tag[2:]
    return {span for span in found if span[2] in SCORED}


def ner_score(path: Path) -> None:
    """NER P/R/F1 of load()'s pipeline on the gold tokens of the UNER test file."""
    from spacy.tokens import Doc

    pipeline = nlp.load()
    sentences = read_iob2(path)
    docs = [Doc(pipeline.vocab, words=tokens, spaces=spaces) for tokens, spaces, _ in sentences]
    hits = predicted = gold = 0
    for doc, (_, _, truth) in zip(pipeline.pipe(docs, batch_size=nlp.BATCH_SIZE), sentences):
        found = {
            (e.start, e.end, UNER_LABELS[e.label_]) for e in doc.ents if e.label_ in UNER_LABELS
        }
        hits += len(found & truth)
        predicted += len(found)
        gold += len(truth)
    precision, recall = hits / predicted, hits / gold
    f1 = 2 * precision * recall / (precision + recall)
    print(
        f"NER on {path.name} ({len(sentences):,} sentences, {gold:,} gold PER/ORG/LOC): "
        f"P {100 * precision:.1f} R {100 * recall:.1f} F1 {100 * f1:.1f}"
    )


def setup_seconds() -> float:
    """The README's set-up and build command, timed in a fresh clone of this checkout."""
    with tempfile.TemporaryDirectory() as folder:
        clone = Path(folder) / "timeline"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        start = time.perf_counter()
        subprocess.run(
            "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/timeline build",
            shell=True,
            cwd=clone,
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, help="the shared folder (default: ../shared)")
    parser.add_argument("--runs", type=int, default=3, help="timings per figure (default 3)")
    parser.add_argument(
        "--setup",
        action="store_true",
        help="also time the README's set-up command in a fresh clone",
    )
    args = parser.parse_args()
    shared = find_shared(args.shared)
    print(
        f"load average {os.getloadavg()[0]:.2f}; pipeline {nlp.model_id()} "
        f"({', '.join(nlp.load().pipe_names)})"
    )
    seconds = load_seconds(args.runs)
    print(
        f"load (import spaCy + load(), fresh process): median {statistics.median(seconds):.2f} s "
        f"(of {', '.join(f'{s:.2f}' for s in seconds)})"
    )
    demo = demo_passages()
    speed("demo articles", demo, args.runs)
    documents, tempeval = tempeval_passages(shared)
    speed(f"TempEval-3, {documents} documents", tempeval, args.runs)
    lemmatizer_cost(tempeval, args.runs)
    ner_score(shared / "nlp" / "uner-english-ewt" / "test.iob2")
    if args.setup:
        print(f"README set-up and build in a fresh clone: {setup_seconds():.1f} s")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
