"""iacc2016.analysis.framing on small hand-built tables, with answers worked by hand."""

from __future__ import annotations

import pandas as pd

from iacc2016.analysis import framing as f

D = pd.Timestamp
OUTLET_OF = {"s1": "A", "s2": "B", "s3": "C"}


def quotes() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "quote_id": ["q1", "q2", "q3", "q4", "q5"],
            "source_id": ["s1", "s1", "s1", "s2", "s2"],
            "sequence": [2, 1, 3, 1, 2],
            "speaker": ["Kors", "IACC", "Gucci", "Ma", "IACC"],
            "side": ["brands", "iacc", "brands", "alibaba", "iacc"],
            "kind": ["direct", "direct", "paraphrase", "direct", "direct"],
            "word_count": [30, 50, 20, 10, 30],
        }
    )


def test_voice_shares_are_of_each_outlets_words_with_every_pair_present():
    v = f.voice(quotes(), OUTLET_OF, ["A", "B", "C"], ["brands", "alibaba", "iacc"]).set_index(["outlet", "side"])
    # A: brands 30 + 20 = 50 words in 2 passages, the coalition 50 in 1; of 100 words, 0.5 each.
    assert v.loc[("A", "brands"), "words"] == 50 and v.loc[("A", "brands"), "passages"] == 2
    assert v.loc[("A", "brands"), "share"] == 0.5 and v.loc[("A", "iacc"), "share"] == 0.5
    # B: Alibaba 10, the coalition 30: 10 / 40 = 0.25 and 30 / 40 = 0.75; no brand quoted: 0.
    assert v.loc[("B", "alibaba"), "share"] == 0.25 and v.loc[("B", "iacc"), "share"] == 0.75
    assert v.loc[("B", "brands"), "words"] == 0
    # C quotes no one: its rows are there, every share 0 (not a division by zero).
    assert (v.loc["C", "share"] == 0).all() and len(v) == 9  # 3 outlets x 3 sides


def test_voice_leads_are_pluralities_with_their_margin():
    voice = pd.DataFrame(
        {
            "outlet": ["A", "A", "A", "B", "B"],
            "side": ["brands", "iacc", "other", "brands", "iacc"],
            "words": [42, 39, 19, 0, 0],
            "share": [0.42, 0.39, 0.19, 0.0, 0.0],
        }
    )
    got = f.voice_leads(voice)
    # By hand: A's brands lead iacc by 0.42 - 0.39 = 0.03; B quotes no one and is left out.
    assert list(got["outlet"]) == ["A"] and got.loc[0, "side"] == "brands"
    assert abs(got.loc[0, "lead"] - 0.03) < 1e-12 and got.loc[0, "runner_up_share"] == 0.39


def test_plurality_counts_outlets_led_and_the_range_of_leads():
    leads = pd.DataFrame({"outlet": ["A", "B", "C"], "side": ["brands", "iacc", "brands"], "lead": [0.03, 0.5, 0.12]})
    # Brands lead in A and C (2 of 3), by 0.03 and 0.12: smallest 0.03, largest 0.12.
    assert f.plurality(leads) == {"side": "brands", "outlets": 2, "of": 3, "min_lead": 0.03, "max_lead": 0.12}
    # A tie (one outlet each) goes to the first code alphabetically: 'brands' before 'iacc'.
    assert f.plurality(leads.iloc[:2])["side"] == "brands"


def test_first_quoted_is_the_lowest_sequence_in_outlet_order():
    got = f.first_quoted(quotes(), OUTLET_OF, ["B", "A", "C"])
    # A's sequence 1 is q2 (IACC, 50 words); B's is q4 (Ma, 10 words); C has no quotation.
    assert list(got["outlet"]) == ["B", "A"]
    assert list(got["speaker"]) == ["Ma", "IACC"] and list(got["words"]) == [10, 50]


def test_label_valence_counts_per_outlet_for_one_target():
    labels = pd.DataFrame(
        {
            "source_id": ["s1", "s1", "s1", "s2", "s2"],
            "target_id": ["alibaba", "alibaba", "iacc", "alibaba", "alibaba"],
            "valence": ["negative", "negative", "negative", "neutral", "positive"],
        }
    )
    got = f.label_valence(labels, OUTLET_OF, ["A", "B", "C"], "alibaba", ["negative", "neutral", "positive"])
    # A: two negative labels of Alibaba (its label of iacc does not count); B: one neutral,
    # one positive; C: none at all, so a row of zeros.
    assert got.loc["A"].tolist() == [2, 0, 0]
    assert got.loc["B"].tolist() == [0, 1, 1]
    assert got.loc["C"].tolist() == [0, 0, 0]


def frame_tables():
    book = pd.DataFrame(
        {
            "item_id": ["c1", "c2", "e1", "x1"],
            "framework": ["sv", "sv", "sv", "entman"],
            "frame": ["conflict", "conflict", "economic", "problem"],
        }
    )
    codes = pd.DataFrame(
        {
            "source_id": ["s1"] * 4 + ["s2"] * 4,
            "item_id": ["c1", "c2", "e1", "x1"] * 2,
            "value": ["yes", "not_codable", "no", "yes", "yes", "yes", "yes", "yes"],
        }
    )
    return codes, book


def test_frame_profiles_leave_uncodable_items_out_of_the_share():
    codes, book = frame_tables()
    p = f.frame_profiles(codes, book, OUTLET_OF, "sv").set_index(["outlet", "frame"])
    # A, conflict: c1 yes, c2 not codable -> 1 yes of 1 codable = 1.0; economic: 0 of 1.
    assert p.loc[("A", "conflict")].tolist() == [1, 1, 1.0]
    assert p.loc[("A", "economic")].tolist() == [0, 1, 0.0]
    # B: both conflict items yes (2 of 2) and e1 yes (1 of 1); the Entman item is left out.
    assert p.loc[("B", "conflict")].tolist() == [2, 2, 1.0]
    assert "problem" not in set(p.index.get_level_values("frame"))


def test_frame_contrasts_name_the_most_used_and_the_most_varied_frame():
    profiles = pd.DataFrame(
        {
            "outlet": ["A", "A", "A", "B", "B", "B"],
            "frame": ["conflict", "economic", "morality"] * 2,
            "share": [1.0, 0.0, 0.5, 0.5, 1.0, 0.5],
        }
    )
    c = f.frame_contrasts(profiles)
    # Means: conflict (1 + 0.5) / 2 = 0.75, economic 0.5, morality 0.5: conflict most used,
    # from 0.5 to 1.0. Spreads: conflict 0.5, economic 1.0, morality 0: economic varies
    # most, from 0 (A) to 1 (B). Every outlet has conflict and morality above 0, not economic.
    assert (c["most_used"], c["most_used_min"], c["most_used_max"]) == ("conflict", 0.5, 1.0)
    assert (c["most_varied"], c["varied_min"], c["varied_min_outlets"]) == ("economic", 0.0, ["A"])
    assert (c["varied_max"], c["varied_max_outlets"]) == (1.0, ["B"])
    assert c["everywhere"] == ["conflict", "morality"]
    # A third outlet C, listed first, also at 0 on economic: both ends of a tie are named,
    # in the order the outlets appear (C before A), not the first alphabetically alone.
    tied = pd.concat(
        [
            pd.DataFrame(
                {"outlet": ["C"] * 3, "frame": ["conflict", "economic", "morality"], "share": [1.0, 0.0, 0.5]}
            ),
            profiles,
        ]
    )
    assert f.frame_contrasts(tied)["varied_min_outlets"] == ["C", "A"]


def test_coverage_counts_each_outlet_once_and_orders_widest_first():
    evidence = pd.DataFrame(
        {
            "record_table": ["events", "events", "events", "events", "figures", "events"],
            "record_id": ["late", "late", "late", "early", "late", "solo"],
            "source_id": ["s1", "s1", "s2", "s3", "s3", "s2"],
        }
    )
    events = pd.DataFrame(
        {"event_id": ["early", "late", "solo"], "date_end": [D("2016-04-01"), D("2016-05-01"), D("2016-03-01")]}
    )
    g = f.coverage(evidence, events, OUTLET_OF, ["A", "B", "C"])
    # 'late': A (twice, counted once) and B -> 2 outlets; the figure row for C is not an event.
    # 'early' (C) and 'solo' (B) have one outlet each; between them the earlier date_end
    # comes first: solo (1 March) before early (1 April).
    assert list(g["event_id"]) == ["late", "solo", "early"]
    assert g.loc[0, ["A", "B", "C"]].tolist() == [1, 1, 0]
    assert list(g["outlets_reporting"]) == [2, 1, 1]
    n = f.coverage_counts(g, 3)
    # No event is in all 3 outlets; 2 (solo, early) are in one only.
    assert n == {"events": 3, "everywhere": 0, "everywhere_ids": [], "alone": 2}
    assert f.coverage_counts(g, 2)["everywhere_ids"] == ["late"]


def test_coding_status_lists_every_article_even_when_uncoded():
    sources = pd.DataFrame({"source_id": ["s1", "s2"], "outlet": ["A", "B"]})
    got = f.coding_status(sources, {"quotes": quotes(), "labels": pd.DataFrame({"source_id": ["s2"]})})
    # quotes() has rows for s1 and s2; the labels only for s2.
    assert got["quotes"].tolist() == [True, True]
    assert got["labels"].tolist() == [False, True]


def test_after_publication_marks_events_an_article_could_not_yet_report():
    grid = pd.DataFrame({"event_id": ["early", "late", "planned"]})
    events = pd.DataFrame(
        {
            "event_id": ["early", "late", "planned"],
            "date_start": [D("2016-04-01"), D("2016-05-13"), D("2016-05-18")],
            "event_status": ["occurred", "occurred", "scheduled"],
        }
    )
    got = f.after_publication(grid, events, {"A": D("2016-05-05"), "B": D("2016-05-18")})
    # 'late' starts 13 May: after A's last possible day (5 May), not after B's (18 May);
    # 'early' (1 April) precedes both; 'planned' (18 May) is after A's day but scheduled,
    # so A could announce it: never marked.
    assert got.loc["late"].tolist() == [True, False]
    assert got.loc["early"].tolist() == [False, False]
    assert got.loc["planned"].tolist() == [False, False]


def test_voice_margins_put_clear_leads_first_and_call_small_ones_narrow():
    leads = pd.DataFrame(
        {
            "outlet": ["A", "B", "C", "D"],
            "side": ["brands", "iacc", "brands", "alibaba"],
            "share": [0.42, 0.76, 0.54, 0.84],
            "lead": [0.04, 0.60, 0.08, 0.75],
        }
    )
    got = f.voice_margins(leads, narrow=0.10)
    # By hand: D (0.84) and B (0.76) lead by 0.75 and 0.60, clear; C (0.08) and A (0.04)
    # lead by less than 0.10, narrow, the larger lead first: D, B, C, A.
    assert list(got["outlet"]) == ["D", "B", "C", "A"]
    assert list(got["narrow"]) == [False, False, True, True]
    # A lead of exactly the threshold is not narrow.
    assert not f.voice_margins(leads.assign(lead=0.10))["narrow"].any()


def test_undated_reports_lists_articles_that_report_an_event_without_dating_it():
    evidence = pd.DataFrame(
        {
            "record_table": ["events"] * 5 + ["figures"],
            "record_id": ["join", "join", "join", "quit", "quit", "join"],
            "source_id": ["s1", "s2", "s3", "s1", "s2", "s3"],
            "snippet": ["joined in April", "the newest member", "On 13 April it joined", "quit in May", "left", "x"],
        }
    )
    claims = pd.DataFrame(
        {
            "claim_id": ["c1", "c1", "c2"],
            "source_id": ["s1", "s3", "s1"],
            "snippet": ["joined in April", "On 13 April it joined the group", "in May"],
        }
    )
    got = f.undated_reports(evidence, claims)
    # c1's snippets hold s1's and s3's 'join' evidence (2 articles): tied to 'join', which s2
    # reports too, so s2 reports it without a date. c2 ('in May') sits inside s1's 'quit'
    # snippet: tied to 'quit', which s2 reports without a date.
    assert got.values.tolist() == [["c1", "join", "s2"], ["c2", "quit", "s2"]]
    # A claim whose snippets overlap no evidence is left out.
    assert f.undated_reports(evidence, claims.assign(snippet="nothing alike")).empty


def test_leads_if_moved_recounts_with_one_speaker_on_another_side():
    q = quotes().assign(speaker_member_id=["kors", "iacc", "gucci", "ma", "iacc"])
    sides = ["brands", "alibaba", "iacc", "other"]
    # By hand: A is brands 50, iacc 50 (a tie: 'brands' first). Gucci's 20 words moved to
    # 'other' leave brands 30, iacc 50, other 20: the coalition leads A, by 0.5 - 0.3 = 0.2.
    got = f.leads_if_moved(q, OUTLET_OF, ["A", "B", "C"], sides, "gucci", "other").set_index("outlet")
    assert got.loc["A", "side"] == "iacc" and abs(got.loc["A", "lead"] - 0.2) < 1e-12
    # B is untouched (no Gucci there): the coalition's 30 of 40 words lead Alibaba's 10.
    assert got.loc["B", "side"] == "iacc" and abs(got.loc["B", "lead"] - 0.5) < 1e-12
    # The table itself is not changed.
    assert list(q["side"]) == ["brands", "iacc", "brands", "alibaba", "iacc"]
