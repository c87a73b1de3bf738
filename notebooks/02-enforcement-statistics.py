# %% [markdown]
# # Alibaba's enforcement statistics, claim by claim
#
# **The question.** Alibaba answered its critics with numbers: storefronts closed,
# listings removed, counterfeiting groups identified, suspects caught, the value of goods
# seized, money spent. What exactly do those numbers say, hedged how, over which period,
# on whose word, and what do the critics say beside them?
#
# Every figure comes from `data/figures.csv`, with the words the article used; the
# critics' words come from `data/quotes.csv`. Nothing here is converted or adjusted.

# %%
from iacc2016.data.numbers import qualifier_of, value_of
from iacc2016.present import enforcement, enforcement_charts
from iacc2016.present import notebook as nb
from iacc2016.present import style as charts

data = nb.start()
table = enforcement.figures_table(data)
rates = enforcement.implied_rates(data)
ratios = enforcement.ratios(data)
voice = enforcement.enforcement_voice(data)

# %% [markdown]
# ## Summary of findings

# %%
counts = table[table["unit"] == "count"]
hedged = table[table["qualifier"] != "exact"]
periods = table.loc[table["period"] != "no period given", "period"].nunique()
single = table[table["outlets"] == 1]
alibaba_share = voice.set_index("side").loc["alibaba", "share of words"]
figs_period_words = enforcement.enforcement_figures(data)["period_text"].dropna()
side_of = dict(zip(data.members["member_id"], data.members["side"], strict=True))
critics_figures = data.figures[(data.figures["subject_id"] == "alibaba") & (data.figures["claimant_id"].map(side_of) == "brands")]
rate = rates.iloc[0]
nb.md(
    f"- The articles carry **{len(table)} enforcement figures**: {int(table['self-reported'].sum())} self-reported by Alibaba "
    f"or its staff, {int((~table['self-reported']).sum())} an outlet's currency conversion of one of them. "
    f"{len(hedged)} are hedged ({', '.join(hedged['as printed'])}); the hedges stay visible below.\n"
    f"- The counts run from {counts['value'].min():,.0f} to {counts['value'].max():,.0f} and cover **{periods} different periods** "
    f"({'; '.join(f'“{w}”' for w in sorted(set(figs_period_words)))}), so they cannot be added up or set against each other freely.\n"
    f"- **{len(single)} of {len(table)}** figures appear in a single outlet"
    + (" (each figure is stored once per article, so this describes the table, not the coverage).\n")
    + f"- The conversion printed in {rate['printed by']}'s article ({rate['conversion']}) implies **{rate['implied rate']:.3f} {rate['unit']}** "
    f"({rate['implied rate, low']:.4f} to {rate['implied rate, high']:.4f} allowing for rounding). "
    f"{rate['reference rates inside the rounding interval'] or 'None'} of the {rate['reference rates held']} official reference rates we hold "
    "(not from the articles) falls inside that interval, so which rate was used is not known; the article does not say who converted the amount.\n"
    f"- {int(ratios['computed'].sum())} derived ratios can be computed honestly (same claimant, same period); "
    f"{int((~ratios['computed']).sum())} cannot.\n"
    f"- On enforcement, Alibaba's side supplies **{alibaba_share:.0%}** of the quoted words. The brands' side states "
    f"{len(critics_figures) or 'no'} figure{'' if len(critics_figures) == 1 else 's'} about Alibaba and answers with judgements."
)

# %% [markdown]
# ## Every enforcement figure
#
# One row per number. *As printed* is the article's wording; *qualifier* is its hedge;
# *period* is what the number covers (with the dates we resolved it to); *carried by*
# lists the outlets that print it.

# %%
table.drop(columns=["figure_id"])

# %% [markdown]
# ## The counts, on one honest axis
#
# Only counts share this axis; money and years are left off it. The counts span orders of
# magnitude, so the axis is logarithmic. The shape of each marker shows the article's
# hedge, and the label gives the period it covers.

# %%
fig, chart_data = enforcement_charts.counts_chart(
    data,
    title=f"Alibaba's counts measure different things over {periods} different periods: none is comparable",
    source=data.source_line("figures", "evidence"),
)
charts.show(fig, "02-counts", chart_data)

# %% [markdown]
# ## The periods behind the numbers
#
# MarketSafe's figures run from the program's launch (a year the articles disagree on:
# the earlier one is used here, so the bar is as long as it can be) to WWD's publication.
# Zheng Junfang's figures cover "past year", which could mean the last calendar year or the
# year before an undated interview; the bar covers both readings.

# %%
fig, chart_data = enforcement_charts.periods_chart(
    data,
    title=f"The {periods} sets of figures cover different, partly overlapping spans",
    source=data.source_line("figures"),
)
charts.show(fig, "02-periods", chart_data)

# %% [markdown]
# ## Currency: the rate a printed conversion implies
#
# One article prints one amount in yuan and in dollars. Dividing one by the other gives the exchange
# rate the conversion used; allowing for the rounding of both printed amounts gives a
# small range. The only rates that do not come from the articles are official reference
# rates (in `data/reference_rates.csv`), set beside the rounding interval and used for nothing else:
# we convert no figure ourselves.

# %%
rates

# %%
nb.table(enforcement.reference_rates(data, rate["implied rate, low"], rate["implied rate, high"]))

# %% [markdown]
# ## Derived ratios
#
# A ratio of figures is computed only when the same claimant gives both for the same
# period; its hedge follows from theirs (a "more than" over a "nearly" is "more than").
# Every ratio is our arithmetic, not a figure any article states.

# %%
ratios[["ratio", "derived value", "computed", "reason"]]

# %% [markdown]
# ## The other side
#
# The critics do not put numbers against Alibaba's; they put judgements. Below: the words
# each side spends on Alibaba's enforcement, then every passage about it from outside
# Alibaba.

# %%
fig, chart_data = enforcement_charts.voice_chart(
    data,
    title=f"On enforcement, {alibaba_share:.0%} of the quoted words are Alibaba's own",
    source=data.source_line("quotes"),
)
charts.show(fig, "02-enforcement-voice", chart_data)

# %%
enforcement.other_side(data)

# %% [markdown]
# ## Sanity checks

# %%
figs = enforcement.enforcement_figures(data)
nb.check("every enforcement figure rests on evidence from at least one article", bool((table["outlets"] >= 1).all()))
nb.check("each value is the number in the article's words",
         all(value_of(t) is not None and abs(value_of(t) - v) < 1e-6 * v for t, v in zip(figs["value_text"], figs["value"], strict=True)))
nb.check("each qualifier is the hedge in the article's words",
         all(qualifier_of(t) == q for t, q in zip(figs["value_text"], figs["qualifier"], strict=True)))
nb.check("no chart axis mixes units", set(enforcement_charts.counts_chart(data, "", "")[1]["figure_id"]) <= set(figs.loc[figs["unit"] == "count", "figure_id"]))
computed = ratios[ratios["computed"]]
nb.check("every computed ratio pairs figures of one claimant and one period", bool(computed["reason"].str.contains("same claimant and period").all()),
         f"{len(computed)} computed")
nb.check("voice shares sum to one", abs(voice["share of words"].sum() - 1) < 1e-9, f"{voice['share of words'].sum():.4f}")

# %% [markdown]
# ## Caveats
#
# - **Self-reported and unverified.** Every enforcement figure comes from Alibaba or its
#   staff, or converts one that does. No article reports an independent check of any of
#   them.
# - **Different periods, vague periods.** MarketSafe's counts run from a launch year the
#   articles disagree on; the interview figures cover a "past year" of uncertain bounds;
#   the spending figure and the comparison with "the past" give no period at all.
# - **One outlet each.** Each figure appears in a single article, so none can be checked
#   against another outlet's version.
# - **Definitions are Alibaba's.** What counts as a "suspicious group", a "storefront
#   closed" or goods "seized with Alibaba's help" is not defined in the articles.
# - **The reference rates are external.** They are the only numbers here that do not come
#   from the articles, and they serve only to judge the conversion's plausibility.

# %%
nb.sources(data)
