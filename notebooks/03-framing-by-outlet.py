# %% [markdown]
# # How the framing differs by outlet
#
# **The question.** Several outlets told one story. Whose voices did each carry, how did each
# describe Alibaba and the coalition, which generic news frames did each use, which facts
# did each report or leave out, and which words set each apart?
#
# The measures are deliberately simple and transparent, as a small corpus demands: counts
# of hand-coded quotations and labels, a published codebook coded item by item, a grid of
# facts, and log-odds ratios computed from committed term counts. **One coder** coded
# every article; see the caveats.

# %%
from iacc2016.present import codebook, framing, framing_charts
from iacc2016.present import notebook as nb
from iacc2016.present import style as charts

data = nb.start()
voice = framing.voice(data)
first = framing.first_voice(data)
profiles = framing.frame_profiles(data)
cov = framing.coverage(data)
status = framing.coding_status(data)

# %% [markdown]
# ## Summary of findings

# %%
coded_outlets = [o for o in data.outlet_order() if voice.loc[voice["outlet"] == o, "words"].sum() > 0]
top_side = voice.loc[voice.groupby("outlet")["share of words"].idxmax()].set_index("outlet").loc[coded_outlets]
alibaba_labels = framing.label_valence(data, "alibaba")
harshest = alibaba_labels["negative"].idxmax()
frame_names = {k: v.lower() for k, v in data.codebook("frame_codebook", "frame").items()}
by_frame = profiles.pivot(index="outlet", columns="frame", values="share")
most_used = by_frame.mean().idxmax()
most_varied = (by_frame.max() - by_frame.min()).idxmax()
used_everywhere = [f for f in by_frame.columns if (by_frame[f] > 0).all()]
TOP_TERMS = 3
distinct_top = framing.distinctive(data, top=TOP_TERMS)
everywhere = cov[cov["outlets reporting"] == len(data.outlet_order())]
alone = cov[cov["outlets reporting"] == 1]
nb.md(
    "- **Voice.** "
    + "; ".join(f"{o}: {codebook.side_in_prose(data)[r['side']]} ({r['share of words']:.0%} of quoted words)" for o, r in top_side.iterrows())
    + f". {first['side'].value_counts().get('iacc', 0)} of {len(first)} articles quote the coalition first.\n"
    f"- **Labels.** {harshest} attaches {alibaba_labels.loc[harshest, 'negative']} disparaging labels to Alibaba in its own voice; "
    f"{int((alibaba_labels['negative'] == 0).sum())} outlets attach none.\n"
    f"- **Frames.** The {frame_names[most_used]} frame is the most used (coded in {by_frame[most_used].min():.0%} to "
    f"{by_frame[most_used].max():.0%} of its items across outlets); the {frame_names[most_varied]} frame varies most, from "
    f"{by_frame[most_varied].min():.0%} ({by_frame[most_varied].idxmin()}) to {by_frame[most_varied].max():.0%} ({by_frame[most_varied].idxmax()}).\n"
    f"- **Coverage.** Of {len(cov)} coded events, {len(everywhere)} appear in every article "
    f"({', '.join(everywhere['fact'])}); {len(alone)} appear in one article only.\n"
    f"- **Words.** Each outlet's {TOP_TERMS} most distinctive terms: "
    + "; ".join(f"{o}: {', '.join(g['term'])}" for o, g in distinct_top.groupby("outlet", sort=False))
    + f" (in its own words, quotations out; only terms used at least {framing.MIN_COUNT} times). "
    + (f"No term passes for {', '.join(o for o in data.outlet_order() if o not in set(distinct_top['outlet']))}."
       if set(data.outlet_order()) - set(distinct_top["outlet"]) else "")
)

# %% [markdown]
# ## Coding status
#
# Text measures (term counts, distinctive words) cover every article once `make features`
# has run. Hand-coded measures cover an article only once it is coded; an article not yet
# coded is listed here and in each section, never silently dropped.

# %%
uncoded = status[(status[["quotes", "labels", "frame codes"]] == "not yet").any(axis=1)]
nb.md("Articles not yet hand-coded: " + (", ".join(uncoded["outlet"]) if len(uncoded) else "none") + ".")
status

# %% [markdown]
# ## Voice: whose words each outlet carries
#
# From `quotes.csv`: every direct quotation and attributed paraphrase, by the side of the
# speaker. Shares are of the words quoted or paraphrased in that article; the counts are
# beside them.

# %%
leads = framing.voice_leads(voice)
leader = leads["side"].value_counts().sort_index().idxmax()
led = leads[leads["side"] == leader]
fig, chart_data = framing_charts.voice_chart(
    data,
    title=f"{codebook.side_names(data)[leader]} hold the most quoted words in {len(led)} of {len(leads)} articles, "
    f"leading by {led['lead'].min() * 100:.0f} to {led['lead'].max() * 100:.0f} percentage points",
    source=data.source_line("quotes"),
)
charts.show(fig, "03-voice", chart_data)

# %%
voice.pivot(index="outlet", columns="side", values=["passages", "words"]).loc[data.outlet_order()]

# %% [markdown]
# Whose voice comes first:

# %%
first

# %% [markdown]
# What the quoted passages are about (each passage coded with one topic in `quotes.csv`),
# passages by outlet:

# %%
framing.quote_topics(data)

# %% [markdown]
# ## Labels: how each outlet describes the actors
#
# From `labels.csv`: the descriptive phrases each outlet attaches, in its own voice, to the
# main actors. (−) marks a disparaging label, (+) a crediting one.

# %%
framing.labels_side_by_side(data, ["alibaba", "iacc", "michael-kors", "gucci", "jack-ma"])

# %%
alibaba_labels

# %% [markdown]
# ## Frames: Semetko and Valkenburg's generic frames, and Entman's functions
#
# The codebook (`frame_codebook.csv`) holds Semetko and Valkenburg's (2000) yes/no items
# over their generic frames and Entman's (1993) functions of a frame; every article is
# coded item by item in `frame_codes.csv`, each "yes" with a verbatim snippet. An outlet's
# profile is the share of each frame's items coded present. The question about pictures
# cannot be answered from text files and is left out of the shares.

# %%
book = data.frame_codebook
sv_items = book[book["framework"] == "semetko_valkenburg_2000"]
nb.md(
    f"The codebook: {len(sv_items)} Semetko–Valkenburg items over {sv_items['frame'].nunique()} frames "
    f"({', '.join(f'{f.replace(chr(95), chr(32))} {n}' for f, n in sv_items['frame'].value_counts().sort_index().items())}), "
    f"and {int((book['framework'] == 'entman_1993').sum())} Entman functions; "
    f"{data.frame_codes['source_id'].nunique()} articles coded, {len(data.frame_codes)} codes."
)

# %%
fig, chart_data = framing_charts.frame_chart(
    data,
    title=(f"The {frame_names[most_used]} frame runs through every article" if most_used in used_everywhere
           else f"The {frame_names[most_used]} frame is the most used") + f"; the {frame_names[most_varied]} frame varies most",
    source=data.source_line("frame_codes", "frame_codebook"),
)
charts.show(fig, "03-frames", chart_data)

# %% [markdown]
# Entman's functions, as each article fills them (our summaries):

# %%
framing.entman(data)

# %% [markdown]
# ## Coverage: which facts each outlet reports
#
# From `evidence.csv`: an event counts as reported by an outlet when its article holds an
# evidence snippet for it. Events reported everywhere come first; the long tail below them
# is what each outlet alone chose to tell. Figures are left out: each is stored once per
# article, so every figure would count as told by one article only, by construction.

# %%
fig, chart_data = framing_charts.coverage_chart(
    data,
    title=f"{len(everywhere)} events appear in every article; {len(alone)} of {len(cov)} appear in just one",
    source=data.source_line("evidence", "events"),
)
charts.show(fig, "03-coverage", chart_data)

# %% [markdown]
# ## Distinctive words
#
# Each outlet against the other articles: log-odds ratios with an informative Dirichlet
# prior (Monroe, Colaresi and Quinn 2008), from the committed table of per-article term
# counts (`derived/term_counts.csv`, derived by `make features`). The prior is the pooled corpus,
# which pulls rare terms toward zero. z ranks the terms; it is **not** a significance
# test. The counts show how thin the evidence for each term is. Only the outlet's own
# words count: the quotations recorded in `quotes.csv` are taken out, function words
# ("we", "an", "on") are left out, and a term must be used at least a minimum number of
# times (`MIN_COUNT` in `analysis/logodds.py`) to be ranked at all.

# %%
distinct = framing.distinctive(data, top=8)
fig, chart_data = framing_charts.distinctive_chart(
    data, distinct,
    title="Each outlet's most distinctive words, against the other articles",
    source=data.source_line("term_counts"),
)
charts.show(fig, "03-distinctive-words", chart_data)

# %%
distinct[["outlet", "rank", "term", "count_in_group", "count_in_rest", "z"]].round({"z": 2}).rename(
    columns={"count_in_group": "uses in the outlet's own words", "count_in_rest": "uses in the other articles"})

# %% [markdown]
# ## Sanity checks

# %%
coded_voice = voice[voice.groupby("outlet")["words"].transform("sum") > 0]
shares = coded_voice.groupby("outlet")["share of words"].sum()
nb.check("each coded outlet's voice shares sum to one", bool(((shares - 1).abs() < 1e-9).all()), ", ".join(f"{v:.4f}" for v in shares))
nb.check("every hand-coded article has all codebook items",
         bool(data.frame_codes.groupby("source_id")["item_id"].nunique().eq(len(data.frame_codebook)).all()))
nb.check("every 'yes' rests on a snippet", bool(data.frame_codes.loc[data.frame_codes["value"] == "yes", "snippet"].notna().all()))
nb.check("the coverage grid counts each outlet once per fact", bool((cov[data.outlet_order()].isin([0, 1])).all().all()))
nb.check("every ranked term is used at least the minimum number of times",
         bool((distinct["count_in_group"] >= framing.MIN_COUNT).all()))

# %% [markdown]
# ## Caveats
#
# - **One coder, a handful of articles.** Every label, frame item and quotation side was
#   coded by one person. Each code rests on a quoted snippet, so it can be checked, but
#   intercoder reliability (Krippendorff's alpha) cannot be computed without a second
#   coder, and with one article per outlet a single disputed item moves an outlet's share
#   of a frame by a whole item's weight, which is large when a frame has few items.
# - **Outlets or articles?** Each outlet is represented by one article. Differences
#   between outlets are differences between these articles, written at different moments
#   of a fast-moving story (see the sources at the end for their dates).
# - **Quotes count as framing.** An outlet chooses whom to quote, so quoted words count
#   in the voice shares and may answer frame items.
# - **Distinctive words on a tiny corpus.** Short articles make every term rare; the prior shrinks, but the lists are best read as pointers back to the
#   texts, with their counts, not as findings on their own.

# %%
nb.sources(data)
