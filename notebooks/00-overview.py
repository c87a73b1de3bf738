# %% [markdown]
# # Alibaba and the anti-counterfeiting coalition: overview
#
# **The question.** What happened when the International AntiCounterfeiting Coalition
# (IACC) admitted Alibaba, the Chinese e-commerce group long accused of hosting
# counterfeits, and how much of it can we establish from the news coverage alone?
#
# This is the front page of the collection: the answer in brief, the main chart, the
# articles it rests on, and a link to each themed notebook.

# %%
from iacc2016.present import notebook as nb
from iacc2016.present import overview, story, story_charts, story_text

data = nb.start()

# %% [markdown]
# ## Summary of findings

# %%
nb.md(overview.findings(data))

# %% [markdown]
# ## The story
#
# The month from the admission to the suspension, as the articles tell it. A diamond is a
# day the articles give; a hatched bar spans every day a vaguely dated happening may have
# fallen on. The small open circles and thin lines are the public record's dates (not from
# the articles) beside the intervals they check. The themed notebooks take each part apart.

# %%
nb.md(story.overview_summary(data))

# %%
story_charts.show_crisis_timeline(data, "00-lead-timeline")

# %%
nb.md(story_text.drawn_in_words(data, history=story_text.HISTORY_ELSEWHERE))

# %% [markdown]
# ## Who's who
#
# The people and groups the notebooks name, as the articles describe them; where the
# public record contradicts a description, the findings above say so.

# %%
overview.cast(data)

# %% [markdown]
# ## The articles
#
# The corpus is a handful of articles from different kinds of outlet. The texts are
# third-party work and stay outside this repository; the tables hold metadata, short
# verbatim snippets and our own codes. None of the archived articles shows a publication date, so each
# publication date is an interval reasoned from what the article says and does not yet
# know. "Body words" counts the words of the article's text, page furniture left out.

# %%
overview.sources_table(data)

# %% [markdown]
# ## The data
#
# Every table, column by column, with its codes and what each means, is in the
# [data dictionary](../data/README.md).
#
# ## Caveats
#
# - The articles are the only sources. A fact they do not report is not in the tables;
#   where they disagree, both versions are recorded and the disagreement is not resolved.
# - Publication dates are inferred from the texts; relative dates ("last Wednesday") are
#   resolved against those inferred intervals, so they are intervals too.
# - One person read and coded the articles. The codes are transparent (each rests on a
#   snippet) but have not been checked by a second coder.

# %%
nb.sources(data)
