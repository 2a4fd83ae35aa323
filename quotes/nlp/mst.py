"""Maximum spanning tree decoding for the dependency parser.

Stanza decodes every sentence with a pure-Python Chu-Liu-Edmonds whose
recursive cycle search dominated the parser's time on our small models (their
greedy trees contain many cycles). This is the same algorithm — the same
contraction scores, the same single-root reweighting — with the cycle search
as a pointer walk and each contraction as a few numpy operations, so it
returns the same trees several times faster. `install` puts it into a loaded
Stanza parser, together with labelling only the arcs of the decoded trees
(`ArcLabeller`) instead of every pair of words.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def _find_cycle(heads: np.ndarray) -> list[int] | None:
    """A cycle in the head pointers (node 0 is the root), or None."""
    state = [0] * len(heads)  # 0 unseen, 1 on the current walk, 2 finished
    state[0] = 2
    for start in range(1, len(heads)):
        walk = []
        node = start
        while state[node] == 0:
            state[node] = 1
            walk.append(node)
            node = int(heads[node])
        if state[node] == 1:
            return walk[walk.index(node):]
        for visited in walk:
            state[visited] = 2
    return None


def _prepare(scores: np.ndarray) -> None:
    np.fill_diagonal(scores, -np.inf)
    scores[0] = -np.inf
    scores[0, 0] = 0


def chu_liu_edmonds(scores: np.ndarray) -> np.ndarray:
    """The highest-scoring tree; `scores[d, h]` scores head h for dependent d.
    Expects prepared scores (no self loops, row 0 is the root)."""
    heads = scores.argmax(axis=1)
    cycle = _find_cycle(heads)
    if cycle is None:
        return heads
    cycle_nodes = np.array(cycle)
    in_cycle = np.zeros(len(scores), dtype=bool)
    in_cycle[cycle_nodes] = True
    outside = np.flatnonzero(~in_cycle)
    size = len(outside)
    columns = np.arange(size)

    contracted = np.full((size + 1, size + 1), -np.inf)
    contracted[:size, :size] = scores[outside[:, None], outside]
    entering = scores[cycle_nodes[:, None], outside] - scores[cycle_nodes, heads[cycle_nodes]][:, None]
    entering_best = entering.argmax(axis=0)
    contracted[size, :size] = entering[entering_best, columns]
    leaving = scores[outside[:, None], cycle_nodes]
    leaving_best = leaving.argmax(axis=1)
    contracted[:size, size] = leaving[columns, leaving_best]

    tree = chu_liu_edmonds(contracted)
    result = heads.copy()
    outside_heads = tree[:size]
    to_cycle = outside_heads == size
    result[outside] = np.where(to_cycle, cycle_nodes[leaving_best], outside[np.where(to_cycle, 0, outside_heads)])
    head_of_cycle = tree[size]
    result[cycle_nodes[entering_best[head_of_cycle]]] = outside[head_of_cycle]
    return result


def chu_liu_edmonds_one_root(scores: np.ndarray) -> np.ndarray:
    """The best tree with exactly one dependent of the root, by Stanza's root
    reweighting (Stanojević and Cohen 2021): a drop-in replacement for
    `stanza.models.common.chuliu_edmonds.chuliu_edmonds_one_root`."""
    scores = scores.astype(np.float64)
    lowest = scores[np.isfinite(scores)].min()
    scores[:, 0] += lowest * scores.shape[0]
    _prepare(scores)
    return chu_liu_edmonds(scores)


def install(parser_processor: Any) -> None:
    """Make a loaded Stanza graph parser decode with this module and label
    only the arcs of the decoded trees.

    Stanza scores every label for every (dependent, head) pair of every
    sentence padded to the longest in its batch, then keeps one pair per
    word: with 37 labels that was over a quarter of the whole pipeline's time.
    Here the tree is decoded from the arc scores first and the label scorer
    runs on the tree's arcs alone; a sentence whose labels break Stanza's
    head constraints (two subjects or objects of one head) gets the full label
    scores for Stanza's own repair. Same scores, same argmax, same trees."""
    import torch
    import torch.nn.functional as F
    from stanza.models.depparse import model as graph_model
    from stanza.models.depparse.head_constraints import (
        find_head_constraint_violations,
        resolve_head_constraint_violations,
    )

    parser = parser_processor.trainer.model
    if not isinstance(parser, graph_model.GraphParser) or parser.args.get("use_arc_embedding"):
        return
    vocab = parser.vocab["deprel"]
    vocab_offset = graph_model.VOCAB_PREFIX_SIZE
    labeller = ArcLabeller(parser.deprel)

    def predict(word: Any, word_mask: Any, wordchars: Any, wordchars_mask: Any, upos: Any, xpos: Any,
                ufeats: Any, pretrained: Any, lemma: Any, head: Any, deprel: Any, word_orig_idx: Any,
                sentlens: list[int], wordlens: Any, text: Any,
                resolve_head_constraints: bool = False) -> list[list[list[Any]]]:
        outputs = parser.embed(word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats, pretrained, lemma,
                               head, deprel, word_orig_idx, sentlens, wordlens, text)
        arc_scores = parser.unlabeled(outputs, outputs).squeeze(3)
        offset = torch.arange(word.size(1)).view(1, 1, -1) - torch.arange(word.size(1)).view(1, -1, 1)
        if parser.args["linearization"]:
            arc_scores += F.logsigmoid(parser.linearization(outputs, outputs).squeeze(3) * torch.sign(offset).float())
        if parser.args["distance"]:
            predicted = 1 + F.softplus(parser.distance(outputs, outputs).squeeze(3))
            arc_scores += -torch.log((offset.abs().float() - predicted) ** 2 / 2 + 1)
        arc_scores.masked_fill_(torch.eye(word.size(1), dtype=torch.bool).unsqueeze(0), -float("inf"))
        arc_log_probs = F.log_softmax(arc_scores, 2).numpy()
        trees = [chu_liu_edmonds_one_root(arc_log_probs[index][:length, :length])
                 for index, length in enumerate(sentlens)]

        sentence_ids = torch.tensor([index for index, length in enumerate(sentlens) for _ in range(1, length)])
        dependent_ids = torch.tensor([dep for length in sentlens for dep in range(1, length)])
        head_ids = torch.from_numpy(np.concatenate([tree[1:] for tree in trees]).astype(np.int64))
        arc_labels = labeller.arcs(outputs, sentence_ids, dependent_ids, head_ids).argmax(-1).tolist()

        sentences = []
        first = 0
        for index, (length, tree) in enumerate(zip(sentlens, trees, strict=True)):
            raw_ids = arc_labels[first:first + length - 1]
            first += length - 1
            relations = vocab.unmap([label + vocab_offset for label in raw_ids])
            if resolve_head_constraints and find_head_constraint_violations(tree, relations):
                every_pair = labeller.every_pair(outputs[index, :length]).numpy()
                tree, raw_ids = resolve_head_constraint_violations(
                    arc_log_probs[index][:length, :length], every_pair, tree, vocab)
                relations = vocab.unmap([label + vocab_offset for label in raw_ids])
            sentences.append([[int(head), relation] for head, relation in zip(tree[1:], relations, strict=True)])
        return sentences

    parser.predict = predict


class ArcLabeller:
    """Label log-probabilities from a Stanza parser's deep biaffine label
    scorer, for chosen arcs only or, as Stanza computes them, for every pair."""

    def __init__(self, scorer: Any) -> None:
        self.scorer = scorer
        weight = scorer.scorer.W_bilin.weight  # (dependent + 1, head + 1, labels)
        self.bias = scorer.scorer.W_bilin.bias
        self.head_size, self.label_count = weight.shape[1:]
        self.weight = weight.reshape(weight.shape[0], -1)

    def arcs(self, outputs: Any, sentences: Any, dependents: Any, heads: Any) -> Any:
        """(arcs, labels) for the arcs dependents[i] → heads[i] of sentences[i]
        in a batch of encoder outputs (sentence, word, feature)."""
        import torch
        import torch.nn.functional as F

        def projected(layer: Any, positions: Any) -> Any:
            vectors = self.scorer.hidden_func(layer(outputs[sentences, positions]))
            return torch.cat([vectors, vectors.new_ones(len(vectors), 1)], -1)

        mixed = (projected(self.scorer.W1, dependents) @ self.weight).view(-1, self.head_size, self.label_count)
        scores = torch.einsum("ajo,aj->ao", mixed, projected(self.scorer.W2, heads)) + self.bias
        return F.log_softmax(scores, -1)

    def every_pair(self, sentence: Any) -> Any:
        """(dependent, head, labels) for one sentence's encoder outputs (word, feature)."""
        import torch.nn.functional as F

        batch = sentence.unsqueeze(0)
        return F.log_softmax(self.scorer(batch, batch)[0], -1)
