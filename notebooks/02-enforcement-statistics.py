# %% [markdown]
# # Alibaba's enforcement statistics, claim by claim
#
# **The question.** Alibaba answered its critics with numbers: storefronts closed,
# listings removed, counterfeiting groups identified, suspects caught, the value of goods
# seized, money spent. What exactly do those numbers say, hedged how, over which period,
# on whose word, and what do the critics say beside them?
#
# Every figure is shown with the words the article used, and the critics' words beside
# them. Nothing here is converted or adjusted.

# %%
from iacc2016.present import enforcement, enforcement_charts
from iacc2016.present import notebook as nb

data = nb.start()

# %% [markdown]
# ## Summary of findings

# %%
nb.md(enforcement.findings(data))

# %% [markdown]
# ## Every enforcement figure
#
# One row per number. *As printed* is the article's wording, hedge and all;
# *period* is what the number covers (with the dates we resolved it to); *carried
# by* lists the outlets that print it; the last column is what the public record says of
# the number, where we checked it (not from the articles; see [Against the record](05-against-the-record.ipynb)).

# %%
enforcement.figures_table(data)

# %% [markdown]
# ## The counts, on one honest axis
#
# Only counts share this axis; money and years are left off it. The counts span orders of
# magnitude, so the axis is logarithmic. The shape of each marker shows the article's
# hedge, and the label gives the period it covers.

# %%
enforcement_charts.show_counts(data, "02-counts")

# %% [markdown]
# ## The periods behind the numbers
#
# MarketSafe's figures run from the program's launch (a year the articles disagree on:
# the earlier one is used here, so the bar is as long as it can be) to WWD's publication.
# Zheng Junfang's figures cover "past year", which could mean the last calendar year or the
# year before an undated interview; the bar covers both readings.

# %%
enforcement_charts.show_periods(data, "02-periods")

# %% [markdown]
# ## Currency: the rate a printed conversion implies
#
# One article prints one amount in yuan and in dollars. Dividing one by the other gives the exchange
# rate the conversion used; allowing for the rounding of both printed amounts gives a
# small range. The only rates that do not come from the articles are official reference
# rates, set beside the rounding interval and used for nothing else: we convert no figure
# ourselves.

# %%
enforcement.implied_rates(data)

# %%
nb.table(enforcement.reference_rates_beside_conversion(data))

# %% [markdown]
# ## Derived ratios
#
# A ratio of figures is computed only when the articles attribute both to the same
# claimant and the same period; its hedge follows from theirs (a "more than" over a
# "nearly" is "more than"). No article says the counts describe the same operations,
# so every ratio is our arithmetic on that attribution, not a figure any article states.

# %%
enforcement.ratios(data)[["ratio", "derived value", "computed", "reason"]]

# %% [markdown]
# ## The other side
#
# The critics do not put numbers against Alibaba's; they put judgements. Below: the words
# each side spends on Alibaba's enforcement, then every passage about it from outside
# Alibaba.

# %%
enforcement_charts.show_voice(data, "02-enforcement-voice")

# %%
enforcement.other_side(data)

# %% [markdown]
# ## Checks the numbers above pass
#
# The notebook tests its own tables as it runs; each line below is one test it passed (a
# failed test stops the notebook with the reason).

# %%
enforcement_charts.sanity_checks(data)

# %% [markdown]
# ## Caveats
#
# - **Self-reported.** Every enforcement figure comes from Alibaba or its staff, or
#   converts one that does. No article reports an independent check of any of them; the
#   last column of the figures table gives what the public record says.
# - **Different periods, vague periods.** MarketSafe's counts run from a launch year the
#   articles disagree on; the interview figures cover a "past year" of uncertain bounds;
#   the spending figure and the comparison with "the past" give no period at all.
# - **One outlet at a time.** Where a quantity appears in one article only (the findings
#   say how many), no other outlet's version can be set against it.
# - **Definitions are Alibaba's.** What counts as a "suspicious group", a "storefront
#   closed" or goods "seized with Alibaba's help" is not defined in the articles.
# - **The reference rates are external.** They are the only numbers here that do not come
#   from the articles, and they serve only to judge the conversion's plausibility.

# %%
nb.sources(data)
