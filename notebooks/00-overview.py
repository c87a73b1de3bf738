# %% [markdown]
# # Alibaba and the anti-counterfeiting coalition: overview
#
# **The question.** What happened when the International AntiCounterfeiting Coalition
# (IACC) admitted Alibaba, the Chinese e-commerce group long accused of hosting
# counterfeits, and how much of it can we establish from the news coverage alone?
#
# This notebook introduces the story, the articles it rests on and the tables built from
# them, and links to the themed notebooks. Every number below is computed from the tables
# in `data/`; none is typed.

# %%
from iacc2016.present import notebook as nb
from iacc2016.present import overview, story

data = nb.start()

# %% [markdown]
# ## Summary of findings

# %%
nb.md(story.overview_summary(data))

# %% [markdown]
# ## The articles
#
# The corpus is a handful of articles from different kinds of outlet. The texts are
# third-party work and stay outside this repository; the tables hold metadata, short
# verbatim snippets and our own codes. None of the files carries a date, so each
# publication date is an interval reasoned from what the article says and does not yet
# know (the reasoning is in `sources.csv`, column `notes`).

# %%
overview.sources_table(data)

# %% [markdown]
# ## The tables
#
# Each table is described, column by column, in the [data dictionary](../data/README.md).

# %%
overview.tables_summary(data)

# %% [markdown]
# Every record of events, figures and members rests on at least one verbatim snippet.

# %%
coverage = overview.evidence_coverage(data)
nb.check(
    "every event, figure and member has at least one evidence row",
    bool((coverage["records"] == coverage["records with evidence"]).all()),
    f"{int(coverage['records'].sum())} records, {int(coverage['evidence rows'].sum())} evidence rows",
)
coverage

# %% [markdown]
# ## The themed notebooks
#
# - [Who left the coalition, and when](01-who-left-and-when.ipynb): the timeline, the
#   departures and the cascade.
# - [Alibaba's enforcement statistics, claim by claim](02-enforcement-statistics.ipynb):
#   Alibaba's numbers, their qualifiers and periods, and what critics said beside them.
# - [How the framing differs by outlet](03-framing-by-outlet.ipynb): voice, labels,
#   frames, coverage and distinctive words.
# - [Where the outlets disagree](04-where-outlets-disagree.ipynb): dates, numbers,
#   wordings and attributions that differ between articles.
# - [How the coverage holds up against the public record](05-against-the-record.ipynb):
#   the articles' statements checked against releases, wire reports and statements (the
#   record is kept in tables of its own, not from the articles).
#
# ## Caveats
#
# - The article tables rest on the articles alone. A fact they do not report is not in them;
#   where they disagree, both versions are recorded and the disagreement is not resolved.
# - Publication dates are inferred from the texts; relative dates ("last Wednesday") are
#   resolved against those inferred intervals, so they are intervals too.
# - One person read and coded the articles. The codes are transparent (each rests on a
#   snippet) but have not been checked by a second coder.
