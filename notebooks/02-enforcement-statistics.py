# %% [markdown]
# # Alibaba's enforcement statistics, claim by claim
#
# **The question.** Alibaba answered its critics with numbers: storefronts closed,
# listings removed, suspicious groups identified, suspects caught, the value of goods
# seized, money spent. What exactly do those numbers say, hedged how, over which period,
# on whose word, and what do the critics say beside them?
#
# Every figure is shown in the sentence the article prints it in, with its period, who
# claims it, the article that carries it and what the public record says of it; the
# critics' words follow in *The other side*. We convert no figure ourselves: the one
# conversion, yuan to dollars, is the article's.

# %%
from iacc2016.present import enforcement, enforcement_charts, enforcement_voice
from iacc2016.present import notebook as nb

data = nb.start()

# %% [markdown]
# ## Summary of findings

# %%
nb.md(enforcement.findings(data))

# %% [markdown]
# ## Every enforcement figure
#
# One row per number: its name and the words printed, then the sentence it stands in. The
# *period* gives the article's words for it and the dates we read them as; *claimed by, in*
# names the claimant as the article does and links the article. The last column is what
# the public record says of the number, where we checked it (not from the articles; see
# [Against the record](05-against-the-record.ipynb)); for a claimant's own figure, the record
# repeating it shows the claim was made, not that the number is right. Quotations keep the
# articles' wording; a slip is marked [sic]. The span of years comes last: it is
# a length of time Alibaba compares itself with, not a measure of what it did.

# %%
enforcement.figures_table(data)

# %% [markdown]
# ## The counts, on one axis
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
# year before an undated interview; the bar covers both readings. The bars are solid: each
# bar spans every day the figure could cover (the hatched bars of [the overview](00-overview.ipynb) and of
# [Who left, and when](01-who-left-and-when.ipynb) are days on one of which something
# happened). The public record (not from the articles) gives a year for some of these
# figures, in the last column of the figures table, and the year the IACC gives for the
# program's launch is in [Against the record](05-against-the-record.ipynb); the bars keep
# the articles' own periods.

# %%
enforcement_charts.show_periods(data, "02-periods")

# %% [markdown]
# ## Currency: the rate the printed conversion implies
#
# One article prints one amount in yuan and in dollars. Dividing one by the other gives the
# exchange rate the conversion used, and the rounding of both printed amounts widens it to a
# small range. The reference rates below are public record (not from the articles), set
# beside that range and used for nothing else.

# %%
nb.md(enforcement.currency_words(data))

# %%
enforcement.reference_rates(data)

# %% [markdown]
# ## The other side
#
# The critics do not put numbers against Alibaba's; they put judgements. Below: the words
# each side spends on Alibaba's enforcement, article by article, then every passage about
# it, from outside Alibaba and from Alibaba's side. A passage that several articles print
# is counted in each.

# %%
enforcement_charts.show_voice(data, "02-enforcement-voice")

# %%
nb.md(enforcement_voice.others_words(data))

# %%
enforcement_voice.by_article(data)

# %% [markdown]
# **From outside Alibaba.**

# %%
enforcement_voice.passages(data, alibaba=False)

# %% [markdown]
# **From Alibaba's side.**

# %%
enforcement_voice.passages(data, alibaba=True)

# %% [markdown]
# ## Caveats
#
# - **Self-reported.** Every enforcement figure comes from Alibaba or its staff, or is the
#   article's conversion of one that does. No article reports an independent check of any of
#   them; the last column of the figures table gives what the public record says.
# - **Whose claim.** Fashionista's spending figure is Alibaba's only as we read "the
#   company"; read as written, its sentence names Kering. The public record (not from the
#   articles) finds the MarketSafe counts in a joint release of Alibaba and the IACC, so
#   the coalition co-signs figures the articles attribute to Alibaba alone.
# - **Different periods, vague periods.** MarketSafe's counts run from a launch year the
#   articles disagree on; the interview figures cover a "past year" of uncertain bounds;
#   the spending figure and the comparison with "the past" give no period at all.
# - **One outlet at a time.** Where a quantity appears in one article only (the findings
#   say how many), no other outlet's version can be set against it.
# - **Definitions are Alibaba's.** What makes a group "suspicious", a storefront
#   "closed" or a listing "infringing", and how the goods seized were valued, the articles
#   do not say.
# - **The reference rates are public record.** Like the record's checks, they do not come
#   from the articles; they serve only to judge the conversion's plausibility.

# %%
nb.checks_heading()
enforcement_charts.sanity_checks(data)

# %%
nb.sources(data)
