# %% [markdown]
# # Who left the coalition, and when
#
# **The question.** How did Alibaba's membership of the International AntiCounterfeiting
# Coalition unravel: who quit, in what order, how soon after the admission, who protested
# without leaving, and what did the coalition do?
#
# The articles rarely give exact days, so most dates are intervals: the first and last day
# the happening could have fallen on, given what the articles say. They are drawn and
# counted as intervals, never as if known to the day.

# %%
from iacc2016.present import notebook as nb
from iacc2016.present import story_charts, story_dates, story_record, story_text

data = nb.start()

# %% [markdown]
# ## Summary of findings

# %%
nb.md(story_text.findings(data))

# %%
nb.md(story_record.contradictions_paragraph(data))

# %% [markdown]
# ## The month, day by day
#
# The chart runs from a week before the admission to the conference. A diamond marks a
# happening known to the day; a hatched bar spans every day on which a vaguely dated
# happening may have fallen; the conference, scheduled but not yet held when the articles
# end, is an outline. Gucci's notice fell on a Wednesday, so its row has a tick on each
# Wednesday it could have been. Colour shows whose act it was. The small open circles and
# thin lines just under a row are the public record's dates (**not from the articles**)
# for that happening; the table under the chart names the document behind each.

# %%
story_charts.show_crisis_timeline(data, "01-crisis-timeline")

# %%
nb.md(story_text.drawn_in_words(data))

# %% [markdown]
# The public record's dates for the happenings in the chart (not from the articles), and
# whether each lies inside the days the articles allow:

# %%
story_record.record_dates_table(data)

# %% [markdown]
# ## The longer history
#
# The dispute did not start in April. The coalition is decades old; Alibaba and the
# coalition had run an anti-counterfeiting program together for years; Kering's brands had
# sued Alibaba; and Alibaba had hired a new enforcement chief.

# %%
nb.md(story_dates.history_note(data))
story_dates.history(data)

# %%
story_charts.show_history_timeline(data, "01-history-timeline")

# %% [markdown]
# ## The departures
#
# Who left, the days on which each departure may have fallen, how many days after Alibaba's
# admission that is, the sentence that dates it, the reason the articles give, and the
# public record's date where a document gives one (not from the articles).

# %%
story_text.departures_table(data)

# %%
story_charts.show_departures(data, "01-departures")

# %% [markdown]
# Which outlets report each departure (● = reported). Later articles could report more
# departures, so the grid mixes what each outlet chose to report with what had happened
# by the day it was published.

# %%
story_text.departures_grid(data)

# %% [markdown]
# Protests short of leaving:

# %%
story_text.objections_table(data)

# %% [markdown]
# ## Every organization at the end of the story
#
# Status in the coalition as the articles leave it, and stance on Alibaba's membership,
# for every organization that could be a member (people are left out). Where the
# articles do not say, the table says so; that is not a guess that the answer is no.

# %%
nb.md(story_text.organizations_in_words(data))
story_text.organizations_table(data)

# %% [markdown]
# ## Caveats
#
# - **Vague and relative dates.** Most dates are intervals. Relative words ("last
#   Wednesday", "this past week", "now") were resolved against each article's publication
#   interval, itself inferred from the text; the table at the end gives the words and the
#   reasoning for every date in this notebook that is not known to the day.
# - **Order versus dates.** The intervals of Gucci's and Tiffany's exits overlap, but the
#   articles' wording ("second", "now ... as well") puts them in order.
# - **What the articles do not say.** The day Michael Kors and Tiffany left; whether any
#   other member left; whether Kering itself belonged to the coalition; how the board voted
#   to suspend; whether the conference went ahead as planned (every article predates it).
# - **The record's dates are a check, not a source.** They come from public documents,
#   not from the articles, and change no interval drawn from the articles.
#
# ## How each date was worked out
#
# Every date of the month shown above that is not known to the day: the article's words
# and our reasoning.

# %%
story_dates.vague_dates(data)

# %%
nb.checks_heading()
story_text.sanity_checks(data)

# %%
nb.sources(data)
