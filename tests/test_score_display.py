"""Match scores written within their relation's band, in the reports and the CLI."""

from __future__ import annotations

from factdesk.model.score_display import score_percent, score_text


def test_a_same_fact_pair_at_the_threshold_reads_above_the_related_top() -> None:
    # plain rounding ties the bands where the threshold is a half: 0.425 same fact and
    # 0.4249 related both read "42%" (Python rounds 42.5 to even)
    assert f"{round(0.425 * 100)}%" == f"{round(0.4249 * 100)}%" == "42%"
    assert score_percent(0.425, "same fact") == "43%"
    assert score_percent(0.4249, "related") == "42%"
    assert score_percent(0.435, "same fact") == "44%"
    assert score_percent(0.435, "conflicting") == "44%"
    assert score_percent(0.430, "related") == "43%"
    assert score_percent(0.4299, "related") == "42%"
    assert score_percent(0.29, "related") == "29%", "binary 0.29 must not read 28%"
    assert score_percent(0.842, "same fact") == "84%"
    assert score_percent(1.0, "same fact") == "100%"
    assert score_text(0.435, "same fact") == "0.44" and score_text(0.435, "related") == "0.43"
