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
# fallen on, and a row of small marks stands for a happening that fell on one of a few known
# days (Gucci gave notice on a Wednesday). The small open circles and thin lines just under a
# row are the public record's dates (not from the articles) for that happening. The themed
# notebooks take each part apart.

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
# The coalition's president, Robert Barchiesi, is not named in any of the articles; he
# appears only in the public record (see the findings above).

# %% [markdown]
# ## The articles
#
# The collection rests on the articles below, from different kinds of outlet. The texts are
# third-party work and stay outside this repository; the tables hold what we noted from
# them, the short verbatim quotations behind the notes, and the categories we sorted the
# notes into. "Body words" counts the words of the article itself, leaving out menus,
# captions and links around it.

# %%
nb.md(overview.dates_in_words(data))
overview.sources_table(data)

# %% [markdown]
# ## The data
#
# Every table, column by column, with its codes and what each means, is in the
# [data dictionary](../data/README.md).
#
# ## Caveats
#
# - The articles' facts rest on the articles alone. A fact they do not report is not in the
#   article tables; where they disagree, both versions are recorded and the disagreement is
#   not resolved. The public-record checks ([Against the record](05-against-the-record.ipynb))
#   are kept apart and marked "not from the articles"; they change no article fact.
# - Publication dates are inferred from the texts; relative dates ("last Wednesday") are
#   resolved against those inferred intervals, so they are intervals too.
# - One person read the articles and made the notes. They are open to checking (they rest
#   on short quotations from the articles) but no second reader has checked them.

# %%
nb.sources(data)
