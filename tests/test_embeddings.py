"""The WordLlama sentence encoder loads strictly offline from the wheel's own files."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest

from factdesk.nlp.embeddings import EmbeddingsUnavailable, load_sentence_encoder


def test_paraphrase_is_closer_than_an_unrelated_sentence() -> None:
    encoder = load_sentence_encoder()
    same = encoder.similarity("Zelensky visited Izium", "Zelensky went to Izium")
    other = encoder.similarity("Zelensky visited Izium", "The stock market fell on Monday")
    assert same > 0.9
    assert other < 0.3


def test_vectors_are_unit_length_and_prefixes_are_embeddings_too() -> None:
    encoder = load_sentence_encoder()
    texts = ["More than 400 bodies were found.", "", "Kyiv's army recaptured the city."]
    full = encoder.encode(texts)
    short = encoder.encode(texts, dim=64)
    assert full.shape == (3, 256) and short.shape == (3, 64)
    assert full.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(full[[0, 2]], axis=1), 1.0, rtol=1e-5)
    assert not full[1].any()  # an empty text has no direction
    prefix = full[:, :64] / np.linalg.norm(full[:, :64], axis=1, keepdims=True).clip(1e-9)
    np.testing.assert_allclose(short[[0, 2]], prefix[[0, 2]], rtol=1e-4, atol=1e-6)
    with pytest.raises(ValueError):
        encoder.encode(texts, dim=0)


def test_loading_touches_no_network_and_never_imports_wordllama() -> None:
    script = textwrap.dedent(
        """
        import socket, sys
        def refuse(*args, **kwargs):
            raise AssertionError("network touched")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        from factdesk.nlp.embeddings import embed_sentences
        vectors = embed_sentences(["Zelensky went to Izium"])
        assert vectors.shape == (1, 256)
        assert "wordllama" not in sys.modules, "the hub-downloading loader was imported"
        print("offline ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "offline ok" in result.stdout


def test_missing_package_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import factdesk.nlp.embeddings as embeddings

    monkeypatch.setattr(embeddings.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EmbeddingsUnavailable, match="pip install wordllama"):
        embeddings.wordllama_files()
