"""The fast tree decoder returns exactly Stanza's trees."""

import numpy as np
import pytest
from stanza.models.common.chuliu_edmonds import chuliu_edmonds_one_root as stanza_decoder

from quotes.nlp.mst import chu_liu_edmonds_one_root


def _log_softmax_scores(rng: np.random.Generator, length: int) -> np.ndarray:
    scores = rng.normal(scale=3.0, size=(length, length)).astype(np.float32)
    return scores - np.log(np.exp(scores).sum(axis=1, keepdims=True))


@pytest.mark.parametrize("seed", range(3))
def test_same_trees_as_stanza(seed: int) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(100):
        scores = _log_softmax_scores(rng, int(rng.integers(2, 70)))
        expected = stanza_decoder(scores)
        tree = chu_liu_edmonds_one_root(scores)
        assert tree[1:].tolist() == expected[1:].tolist()


def test_result_is_a_tree_with_one_root() -> None:
    rng = np.random.default_rng(7)
    for _ in range(100):
        length = int(rng.integers(2, 40))
        heads = chu_liu_edmonds_one_root(_log_softmax_scores(rng, length))
        assert int((heads[1:] == 0).sum()) == 1
        for start in range(1, length):
            node, steps = start, 0
            while node != 0:
                node, steps = int(heads[node]), steps + 1
                assert steps < length, "cycle in the decoded tree"


def test_scores_are_not_modified() -> None:
    scores = _log_softmax_scores(np.random.default_rng(3), 12)
    before = scores.copy()
    chu_liu_edmonds_one_root(scores)
    assert np.array_equal(scores, before)
