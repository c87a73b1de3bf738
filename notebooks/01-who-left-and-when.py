# %% [markdown]
# # Who left the coalition, and when
#
# **The question.** How did Alibaba's membership of the International AntiCounterfeiting
# Coalition unravel: who quit, in what order, how soon after the admission, who protested
# without leaving, and what did the coalition do?
#
# Every date below comes from `data/events.csv`. The articles rarely give exact days, so
# most dates are intervals: the first and last day the happening could have fallen on,
# given what the articles say. They are drawn and counted as intervals, never as if known
# to the day.

# %%
import pandas as pd

from iacc2016.present import notebook as nb
from iacc2016.present import story, story_charts
from iacc2016.present import style as charts

data = nb.start()
adm, sus, conf = story.admission(data), story.suspension(data), story.conference(data)
dep, obj = story.departures(data), story.objections(data)
days_to_suspension = (sus["date_start"] - adm["date_start"]).days

# %% [markdown]
# ## Summary of findings

# %%
order = "; ".join(
    f"**{r['who left']}**, {r['when']} ({r['days after admission (earliest)']}-{r['days after admission (latest)']} days after the admission)"
    for _, r in dep.iterrows()
)
certain_by_suspension = int((dep["date_end"] <= sus["date_start"]).sum())
nb.md(
    f"- Alibaba joined on **{nb.fmt_day(adm['date_start'])}**. {len(dep)} brands then left the coalition: {order}.\n"
    f"- The order is firmer than the dates: the articles call Gucci the second brand to quit, and the latest departure "
    f"reported is Tiffany's. All {certain_by_suspension} departures had happened by **{nb.fmt_day(sus['date_start'])}**, "
    f"when the coalition suspended Alibaba, {days_to_suspension} days after admitting it.\n"
    f"- {len(obj)} more protests stopped short of leaving: "
    + ", ".join(obj["who objected"]) + ".\n"
    f"- After the suspension Jack Ma withdrew from the coalition's spring conference, scheduled for "
    f"{nb.fmt_interval(conf['date_start'], conf['date_end'])}; the articles end before it opens."
)

# %% [markdown]
# ## The month, day by day
#
# The chart runs from the coalition's announcement of a category for intermediaries to
# the conference. A diamond marks a happening known to the day; a solid bar, one lasting
# several known days; a hatched bar spans every day on which a vaguely dated happening may
# have fallen. Colour shows whose act it was.

# %%
crisis = story.timeline_frame(data, start=adm["date_start"] - story.DAY * 7, end=conf["date_end"])
not_drawn = data.events[data.events["date_precision"] == "before"]
fig = story_charts.timeline_chart(
    data, crisis,
    title=f"{len(dep)} brands left, and the coalition suspended Alibaba {days_to_suspension} days after admitting it",
    source=data.source_line("events"),
    note="Hatched: the happening fell on one of the days the bar spans (the wider, the less is known). Cross: cancelled.",
)
charts.show(fig, "01-crisis-timeline", crisis)
nb.md(
    f"{len(crisis)} happenings are drawn. Not drawn, because the articles give only a latest date: "
    + "; ".join(f"{r.label} (before {nb.fmt_day(r.date_end)})" for r in not_drawn.itertuples())
    + "."
)

# %% [markdown]
# ## The longer history
#
# The dispute did not start in April. The coalition is decades old; Alibaba and the
# coalition had run an anti-counterfeiting program together for years; Kering's brands had
# sued Alibaba; and Alibaba had hired a new enforcement chief.

# %%
history = data.events[data.events["date_end"] < adm["date_start"] - story.DAY * 7].sort_values(["date_start", "date_end"])
history_view = history.assign(when=[nb.fmt_interval(a, b) for a, b in zip(history["date_start"], history["date_end"], strict=True)])
history_view[["label", "when", "date_precision", "date_text", "sources_disagree"]].rename(columns={"date_text": "article's words"}).reset_index(drop=True)

# %%
# The chart shows the years just before the admission (HISTORY_YEARS); the founding, decades earlier, is in the table above.
recent = story.timeline_frame(data, start=adm["date_start"] - pd.DateOffset(years=story.HISTORY_YEARS), end=adm["date_start"] - story.DAY * 8)
fig = story_charts.timeline_chart(
    data, recent,
    title="Before the admission: a joint program, lawsuits by Kering's brands, a new enforcement chief",
    source=data.source_line("events"),
    note="Hatched bars span every possible day; the partnership's bar covers both years the articles give for it (they disagree).",
)
charts.show(fig, "01-history-timeline", recent)

# %% [markdown]
# ## The departures
#
# Who left, the interval in which each departure falls, how many days after Alibaba's
# admission that is, the reason the articles give, and which outlets report it.

# %%
dep.drop(columns=["event_id", "member_id", "date_start", "date_end"])

# %%
fig, chart_data = story_charts.departures_chart(
    data,
    title=f"Every departure fell within the {days_to_suspension} days between admission and suspension",
    source=data.source_line("events"),
)
charts.show(fig, "01-departures", chart_data)

# %% [markdown]
# Which outlets report each departure (● = reported). Later articles could report more
# departures, so the grid mixes what each outlet chose to report with what had happened
# by the day it was published.

# %%
labels = data.events.set_index("event_id")["label"]
story.coverage_grid(data, list(dep["event_id"]), labels)

# %% [markdown]
# Protests short of leaving:

# %%
obj.drop(columns=["event_id", "date_start", "date_end"])

# %% [markdown]
# ## Every organization at the end of the story
#
# Status in the coalition as the articles leave it, and stance on Alibaba's membership.
# "Unknown" means the articles do not say; it is not a guess that the answer is no.

# %%
orgs = story.organizations(data)
nb.md(
    "Where each organisation or person stood with the coalition when the articles end: "
    + "; ".join(f"{data.codebook('members', 'iacc_status')[status].lower()}: {n}"
                for status, n in orgs["IACC status at the end"].value_counts().sort_index().items()) + "."
)
orgs

# %% [markdown]
# ## Sanity checks

# %%
nb.check("every departure rests on evidence from at least one article", bool((dep["articles"] >= 1).all()),
         ", ".join(f"{w}: {n}" for w, n in zip(dep["who left"], dep["articles"], strict=True)))
nb.check("no departure's latest possible day precedes the admission", bool((dep["date_end"] >= adm["date_start"]).all()))
nb.check("every departure's latest possible day is on or before the suspension (the departures chart's title says so)",
         bool((dep["days after admission (latest)"] <= days_to_suspension).all()))
on_admission_day = dep[dep["date_start"] == adm["date_start"]]
nb.check(
    "departures whose interval opens on the admission day are bounded by it, not dated to it",
    bool((on_admission_day["precision"] != "day").all()),
    "; ".join(f"{who} ('{words}')" for who, words in zip(on_admission_day["who left"], on_admission_day["article's words"], strict=True)) or "none",
)
nb.check("the suspension comes before the conference opens", bool(sus["date_start"] < conf["date_start"]))

# %% [markdown]
# ## Caveats
#
# - **Vague and relative dates.** Most dates are intervals. Relative words ("last
#   Wednesday", "this past week", "now") were resolved against each article's publication
#   interval, itself inferred from the text; the table below gives the words and the
#   reasoning for every date shown in this notebook that is not known to the day.
# - **Order versus dates.** The intervals of Gucci's and Tiffany's exits overlap, but the
#   articles' wording ("second", "now ... as well") puts them in order.
# - **What the articles do not say.** The day Michael Kors and Tiffany left; whether any
#   other member left; whether Kering itself belonged to the coalition; how the board voted
#   to suspend; whether the conference went ahead as planned (every article predates it).
# - **No cascade chart.** An earlier version counted departures as "certain" once an
#   interval's latest day had passed. Those days are mostly publication dates, so the line
#   climbed into the suspension whatever happened: a method artefact, now dropped.

# %%
vague = data.events[(data.events["date_precision"] != "day") & (data.events["date_end"] >= adm["date_start"] - story.DAY * 7)]
vague = vague.sort_values(["date_start", "date_end"])
vague.assign(when=[nb.fmt_interval(a, b) for a, b in zip(vague["date_start"], vague["date_end"], strict=True)])[
    ["label", "when", "date_precision", "date_text", "date_basis", "date_resolution"]
].reset_index(drop=True)

# %%
nb.sources(data)
