# %% [markdown]
# # Where the outlets disagree
#
# **The question.** Read side by side, do the articles tell the same story? Where do
# they differ on dates, years, numbers, the wording of a quotation, who said what, why
# people acted, or how names are spelled?
#
# For each point that more than one article reports, we recorded what each article says,
# the verbatim snippet it rests on, and a verdict for the point. The verdicts compare the
# articles with one another only, so a disagreement is **reported, not resolved**, unless
# the articles themselves settle it; a last section sets beside them what the public
# record says (**not from the articles**).

# %%
from iacc2016.present import codebook, disagreements
from iacc2016.present import notebook as nb
from iacc2016.present import style as charts

data = nb.start()
claims = disagreements.claims(data)

# %% [markdown]
# ## Summary of findings

# %%
nb.md(disagreements.summary(data, claims))

# %% [markdown]
# ## The points of substance: what each outlet says
#
# Each row is a point on which the articles' versions imply different things; each cell
# is what that outlet says (blank: it does not report the point). The other points, which
# differ only in wording, precision or publication day, or agree, are in the table after
# the chart; the tables further down quote each article's own words for every point.
#
# The verdicts read each article's words at face value. The date intervals in [Who left,
# and when](01-who-left-and-when.ipynb) use only the bounds the texts make firm, so they
# can be wider than the days a verdict names.

# %%
fig, chart_data = disagreements.grid_chart(data, title=disagreements.grid_title(data, claims), source=data.source_line("claims"))
charts.show(fig, "04-claims-grid", chart_data)

# %% [markdown]
# ## Every point, with its verdict and why
#
# In the chart's order: the points of substance first, then the rest, most telling first.

# %%
disagreements.every_point(data, claims)

# %% [markdown]
# ## What the public record says about these points (not from the articles)
#
# The verdicts above compare the articles with one another only. Several of their
# statements were also checked against press releases, wire reports and company
# statements, which settle some of what the articles leave open. Nothing in this section
# comes from the articles.

# %%
nb.md(disagreements.record_sentence(data))
disagreements.record_table(data)

# %% [markdown]
# ## The competing versions, kind by kind
#
# For each kind of claim, the versions side by side: what each article says (in a
# comparable form) and the verbatim words it rests on.

# %% [markdown]
# ### Dates and intervals of the same event

# %%
disagreements.side_by_side(data, "date")

# %% [markdown]
# ### Years of the same programme or founding

# %%
disagreements.side_by_side(data, "year")

# %% [markdown]
# ### Numbers for the same quantity

# %%
disagreements.side_by_side(data, "number")

# %% [markdown]
# ### The wording of the same quotation

# %%
disagreements.side_by_side(data, "quotation_wording")

# %% [markdown]
# ### Attributions: who said or did it

# %%
disagreements.side_by_side(data, "attribution")

# %% [markdown]
# ### Characterisations of motive and accusation

# %%
disagreements.side_by_side(data, "motive")

# %% [markdown]
# ### How actors and arrangements are described

# %%
disagreements.side_by_side(data, "characterization")

# %% [markdown]
# ### Names, spellings and slips

# %%
disagreements.side_by_side(data, "naming")

# %% [markdown]
# ## Caveats
#
# - **Reported, not resolved.** Where the articles differ, we say so; the verdicts do not
#   decide which is right unless another article settles it. We did not read the original
#   letters (the Sporn letter, the board's statements) themselves; the section on the public
#   record uses reports of them, and it is not from the articles.
# - **Different moments.** The articles were written at different points of a fast-moving
#   story (see their dates below); some "differences" are one outlet knowing more than
#   another did days earlier.
# - **Snippets are checked.** Every quoted snippet was checked word for word against its
#   article.
# - **One reader.** Which points count as "the same thing", and each verdict, are one
#   person's judgement; each rests on quoted words that a reader can check.

# %%
nb.checks_heading()
per_claim = data.claims.groupby("claim_id")
nb.check("every point compared is reported by more than one article", bool((claims["articles"] > 1).all()))
nb.check("each point compared has one verdict and one explanation",
         bool((per_claim["verdict"].nunique() == 1).all() and (per_claim["explanation"].nunique() == 1).all()))
nb.check("every kind of point has at least one point in the tables",
         set(claims["kind"]) == set(codebook.claim_kinds(data)))

# %%
nb.sources(data)
