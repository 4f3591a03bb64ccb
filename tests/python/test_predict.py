"""Member risk on the demo: the generator's members lapse (a two-state engaged / lapsed chain), so a risk
score worth publishing must rank those who went silent above those who stayed, and its probabilities must
rise with the observed rate. The figures print for the closing notes; the assertions are directions."""

from __future__ import annotations

import duckdb


def query(db, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_member_risk_ranks_the_lapsing_above_the_staying(demo_db):
    rows = dict(
        (model, (auc, precision, months))
        for model, auc, precision, months in query(
            demo_db,
            "select risk_model, avg(auc), avg(precision_at_top_k), count(*) "
            "from marts.community__member_risk_backtest group by 1",
        )
    )
    print({model: tuple(round(v, 3) for v in values) for model, values in rows.items()})
    assert set(rows) == {"risk_lookup", "recency", "recently_inactive_rule"}
    assert rows["risk_lookup"][2] >= 10
    assert rows["risk_lookup"][0] > 0.65


def test_member_risk_probabilities_rise_with_the_observed_rate(demo_db):
    deciles = query(
        demo_db,
        "select risk_decile, average_predicted_probability, observed_churn_rate "
        "from marts.community__member_risk_calibration order by risk_decile",
    )
    assert [d for d, _, _ in deciles] == list(range(1, 11))
    observed = [rate for _, _, rate in deciles]
    # The riskiest tenth goes silent far more often than the safest, and every decile's prediction is
    # within 0.1 of what happened.
    assert observed[0] > observed[-1] + 0.3
    assert all(abs(predicted - rate) < 0.1 for _, predicted, rate in deciles)
