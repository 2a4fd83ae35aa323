"""Train the bundled compact German Stanza models from UD German (CC BY-SA 4.0).

Reproducible: fixed seed, fixed files, fixed split.

    python scripts/train_models.py all          # prepare, tagger, lemma, depparse, evaluate
    python scripts/train_models.py prepare      # one step at a time

Data (from ../shared/data/ud, never copied into the repository):
  train    = gsd-dev.conllu (all 799 sentences) + pud.conllu sentences 1-900
  dev      = pud.conllu sentences 901-1000 (model selection during training)
  held-out = gsd-test.conllu (977 sentences; never trained on, used only to
             measure the accuracy reported in README and `quotes models status`)

Multi-word tokens ("zum" = "zu dem") are collapsed into one word, because the
project tokenizes with its own rule-based tokenizer and does not split them.
The models are written to data/models/de/ with their licence note.

On 2 CPU cores (measured): tagger about 18 minutes, lemmatizer 9, parser 17.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

FEATS = 5

REPO = Path(__file__).resolve().parent.parent
UD_DIR = REPO.parent / "shared" / "data" / "ud"
WORK_DIR = REPO / "build" / "ud"
MODEL_DIR = REPO / "data" / "models" / "de"
SEED = 1234
DEV_SENTENCES = 100

TAGGER_ARGS = [
    "--no_pretrain", "--hidden_dim", "128", "--char_hidden_dim", "128",
    "--word_emb_dim", "75", "--tag_emb_dim", "32", "--deep_biaff_hidden_dim", "128",
    "--composite_deep_biaff_hidden_dim", "64", "--batch_size", "64",
    "--max_steps", "800", "--eval_interval", "100", "--max_steps_before_stop", "400",
]
LEMMA_ARGS = [
    "--num_epoch", "12", "--batch_size", "64", "--hidden_dim", "100", "--emb_dim", "50",
    "--pos_dim", "50",
]
PARSER_ARGS = [
    "--no_pretrain", "--hidden_dim", "160", "--char_hidden_dim", "100",
    "--word_emb_dim", "75", "--tag_emb_dim", "32", "--deep_biaff_hidden_dim", "160",
    "--batch_size", "1000", "--max_steps", "1200", "--eval_interval", "100",
    "--max_steps_before_stop", "600", "--no_checkpoint",
]


def read_sentences(path: Path) -> list[list[str]]:
    """CoNLL-U sentences as lists of lines (comments included)."""
    sentences: list[list[str]] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            current.append(line)
        elif current:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def collapse_multiword_tokens(sentence: list[str]) -> list[str]:
    """Merge each multi-word token (e.g. 'zum' = 'zu' + 'dem') into one word,
    and make the treebanks' annotation agree.

    The merged word keeps the first part's lemma, UPOS, head and relation, takes
    the second part's features, and becomes the head of both parts' dependents.
    GSD uses STTS language-specific tags and PUD English-style ones, so XPOS is
    dropped; PUD marks finite verbs only by Mood, so they get VerbForm=Fin as in
    GSD.
    """
    comments = [line for line in sentence if line.startswith("#")]
    rows = [line.split("\t") for line in sentence if not line.startswith("#")]
    ranges = {}
    for row in rows:
        if "-" in row[0]:
            first, last = (int(x) for x in row[0].split("-"))
            ranges[first] = (last, row)
    words = [row for row in rows if row[0].isdigit()]
    new_id: dict[int, int] = {0: 0}
    merged: list[list[str]] = []
    skip_until = 0
    for row in words:
        word_id = int(row[0])
        if word_id <= skip_until:
            new_id[word_id] = len(merged)
            continue
        if word_id in ranges:
            last, token = ranges[word_id]
            parts = [w for w in words if word_id <= int(w[0]) <= last]
            head = parts[0][:]
            head[1] = token[1]
            head[4] = "APPRART" if head[3] == "ADP" else head[4]
            head[5] = parts[-1][5]
            head[9] = token[9]
            merged.append(head)
            new_id[word_id] = len(merged)
            skip_until = last
        else:
            merged.append(row[:])
            new_id[word_id] = len(merged)
    out = list(comments)
    for row in merged:
        row[4] = "_"
        if "Mood=" in row[5] and "VerbForm=" not in row[5]:
            row[5] = "|".join(sorted([*row[5].split("|"), "VerbForm=Fin"], key=str.lower))
    for index, row in enumerate(merged, start=1):
        row[0] = str(index)
        if row[6].isdigit():
            head = new_id[int(row[6])]
            row[6] = str(0 if head == index and row[7] != "root" else head)
        row[8] = "_"
        out.append("\t".join(row))
    return out


def write_conllu(path: Path, sentences: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join("\n".join(s) + "\n\n" for s in sentences), encoding="utf-8")


def prepare() -> None:
    gsd_dev = read_sentences(UD_DIR / "gsd-dev.conllu")
    gsd_test = read_sentences(UD_DIR / "gsd-test.conllu")
    pud = read_sentences(UD_DIR / "pud.conllu")
    splits = {
        "train": gsd_dev + pud[:-DEV_SENTENCES],
        "dev": pud[-DEV_SENTENCES:],
        "test": gsd_test,
    }
    for name, sentences in splits.items():
        write_conllu(WORK_DIR / f"{name}.conllu", [collapse_multiword_tokens(s) for s in sentences])
        write_conllu(WORK_DIR / f"{name}.gold.conllu", sentences)
        print(f"{name}: {len(sentences)} sentences")


def train(module: str, name: str, extra: list[str], *, with_lang: bool = True) -> None:
    """Train one Stanza model on the prepared split and save it as data/models/de/NAME.pt."""
    language = ["--lang", "de"] if with_lang else []
    command = [
        sys.executable, "-m", module, *language, "--shorthand", "de_quotes", "--seed", str(SEED), "--cpu",
        "--mode", "train", "--train_file", str(WORK_DIR / "train.conllu"),
        "--eval_file", str(WORK_DIR / "dev.conllu"), "--output_file", str(WORK_DIR / f"dev.{name}.conllu"),
        "--save_dir", str(MODEL_DIR), "--save_name", f"{name}.pt", *extra,
    ]
    print(" ".join(command), flush=True)
    subprocess.run(command, check=True)


def train_tagger() -> None:
    train("stanza.models.tagger", "pos", TAGGER_ARGS)


def train_lemmatizer() -> None:
    train("stanza.models.lemmatizer", "lemma", LEMMA_ARGS, with_lang=False)  # it takes no --lang


def train_parser() -> None:
    train("stanza.models.parser", "depparse", PARSER_ARGS)


def evaluate() -> None:
    """Run the whole pipeline on the held-out raw text and score it (CoNLL 2018 scorer)."""
    from udtools.udeval import evaluate as ud_evaluate
    from udtools.udeval import load_conllu_file

    sys.path.insert(0, str(REPO))
    from quotes.nlp import Engine, to_conllu

    gold_path = WORK_DIR / "test.gold.conllu"
    sentences = read_sentences(gold_path)
    texts = [next(line[9:] for line in s if line.startswith("# text = ")) for s in sentences]
    engine = Engine.load(prefer_official=False)
    system_path = WORK_DIR / "test.system.conllu"
    # The held-out sentences as one running text (one paragraph per 20
    # sentences), so the tokenizer's sentence splitting is measured too.
    paragraphs = [" ".join(texts[i:i + 20]) for i in range(0, len(texts), 20)]
    documents = engine.analyse_many(["\n".join(paragraphs)])
    system_path.write_text(to_conllu(documents[0]), encoding="utf-8")
    gold = load_conllu_file(str(gold_path))
    system = load_conllu_file(str(system_path))
    scores = ud_evaluate(gold, system)
    metrics = ["Tokens", "Sentences", "Words", "UPOS", "UFeats", "Lemmas", "UAS", "LAS"]
    report = {m: round(100 * scores[m].f1, 2) for m in metrics}
    report["Mood"] = round(100 * mood_accuracy(gold, system), 2)
    report.update(score_on_gold_tokens(engine))
    report["heldout"] = "UD German GSD test (977 sentences)"
    (MODEL_DIR / "accuracy.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


def score_on_gold_tokens(engine: object) -> dict[str, float]:
    """Tagger, lemmatizer and parser alone: the held-out sentences with their
    gold tokens (multi-word tokens collapsed as in training)."""
    from udtools.udeval import evaluate as ud_evaluate
    from udtools.udeval import load_conllu_file

    gold_path = WORK_DIR / "test.conllu"
    sentences = read_sentences(gold_path)
    tokens = [[line.split("\t")[1] for line in s if not line.startswith("#")] for s in sentences]
    analysed = engine.pipeline(tokens)
    system_path = WORK_DIR / "test.goldtok.conllu"
    lines = []
    for sentence in analysed.sentences:
        for word in sentence.words:
            lines.append("\t".join([str(word.id), word.text, word.lemma or "_", word.upos or "_", "_",
                                     word.feats or "_", str(word.head), word.deprel or "_", "_", "_"]))
        lines.append("")
    system_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    scores = ud_evaluate(load_conllu_file(str(gold_path)), load_conllu_file(str(system_path)))
    return {f"{m} (gold tokens)": round(100 * scores[m].f1, 2) for m in ["UPOS", "UFeats", "Lemmas", "UAS", "LAS"]}


def mood_accuracy(gold, system) -> float:
    """Accuracy of the Mood feature on the gold words that carry it
    (Konjunktiv detection depends on it), over words whose spans align."""
    def mood(word) -> str:
        feats = word.columns[FEATS]
        return next((f[5:] for f in feats.split("|") if f.startswith("Mood=")), "")

    system_by_span = {(w.span.start, w.span.end): w for w in system.words}
    judged = [(mood(w), system_by_span.get((w.span.start, w.span.end))) for w in gold.words if mood(w)]
    correct = sum(1 for gold_mood, other in judged if other is not None and mood(other) == gold_mood)
    return correct / len(judged) if judged else 0.0


STEPS = {"prepare": prepare, "tagger": train_tagger, "lemma": train_lemmatizer,
         "depparse": train_parser, "evaluate": evaluate}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=[*STEPS, "all"])
    args = parser.parse_args()
    steps = list(STEPS) if args.step == "all" else [args.step]
    for step in steps:
        STEPS[step]()


if __name__ == "__main__":
    main()
