"""Maximum spanning tree decoding for the dependency parser.

Stanza decodes every sentence with a pure-Python Chu-Liu-Edmonds whose
recursive cycle search dominated the parser's time on our small models (their
greedy trees contain many cycles). This is the same algorithm — the same
contraction scores, the same single-root reweighting — with the cycle search
as a pointer walk and each contraction as a few numpy operations, so it
returns the same trees several times faster. `install` puts it into a loaded
Stanza parser.
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
    """Decode with this module in a loaded Stanza depparse processor. Stanza's
    GraphParser calls its static `decode_graph_predictions`, which uses the
    module-level decoder; the instance gets a copy bound to ours."""
    from stanza.models.depparse import model as graph_model
    from stanza.models.depparse.head_constraints import resolve_head_constraint_violations

    parser = parser_processor.trainer.model
    if not isinstance(parser, graph_model.GraphParser):
        return
    vocab_offset = graph_model.VOCAB_PREFIX_SIZE

    def decode(vocab: Any, batch_size: int, preds: Any, sentlens: list[int],
               resolve_head_constraints: bool = False) -> list[list[list[Any]]]:
        sentences = []
        for index, length in enumerate(sentlens):
            scores = preds[0][index][:length, :length]
            tree = chu_liu_edmonds_one_root(scores)
            if resolve_head_constraints:
                label_log_probs = preds[2][index][:length, :length, :]
                tree, raw_label_ids = resolve_head_constraint_violations(scores, label_log_probs, tree, vocab)
                relations = vocab.unmap([label + vocab_offset for label in raw_label_ids])
            else:
                labels = preds[1][index]
                relations = vocab.unmap([labels[dep + 1][head] for dep, head in enumerate(tree[1:])])
            sentences.append([[int(head), relation] for head, relation in zip(tree[1:], relations, strict=True)])
        return sentences

    parser.decode_graph_predictions = decode
