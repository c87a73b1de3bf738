# %% [markdown]
# # Where the outlets disagree
#
# **The question.** Read side by side, do the articles tell the same story? Where do
# they differ on dates, years, numbers, the wording of a quotation, who said what, why
# people acted, or how names are spelled?
#
# Every comparison is a row of `data/claims.csv`: for each point that more than one
# article reports, what each article says, the verbatim snippet it rests on, and a verdict
# for the claim. The articles are the only sources here, so a disagreement is **reported,
# not resolved**, unless the articles themselves settle it.

# %%
from iacc2016.present import codebook, disagreements, overview
from iacc2016.present import notebook as nb
from iacc2016.present import style as charts

data = nb.start()
claims = disagreements.claims(data)
counts = claims["verdict"].value_counts()
labels = data.codebook("claims", "verdict")

# %% [markdown]
# ## Summary of findings

# %%
def verdict_line(v: str) -> str:
    mine = claims[claims["verdict"] == v]
    return f"**{len(mine)}** {v.replace('_', ' ')} ({'; '.join(mine['topic'])})" if len(mine) else ""


contradictions = claims[claims["verdict"] == "contradict"]
nb.md(
    f"- The articles report **{len(claims)}** points in common that can be compared, "
    f"{claims['articles'].sum()} article-level versions in all.\n"
    + "".join(f"- {verdict_line(v)}.\n" for v in codebook.verdict_order(data) if counts.get(v, 0))
    + f"- {len(contradictions)} of {len(claims)} claims are outright contradictions; the others agree or differ in precision, "
    "wording or emphasis, which still matters when one outlet's phrasing is quoted as the fact."
)

# %% [markdown]
# ## The grid: claims × outlets
#
# Each row is a claim; a coloured cell means the outlet reports it, and the colour is the
# claim's verdict. Rows run from contradictions to agreement within each kind of claim.

# %%
fig, chart_data = disagreements.grid_chart(
    data,
    title=f"{len(claims) - counts.get('agree', 0)} of {len(claims)} points the articles share are told differently",
    source=data.source_line("claims"),
)
charts.show(fig, "04-claims-grid", chart_data)

# %% [markdown]
# ## Every claim, with its verdict

# %%
claims

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
# ### Years of the same program or founding

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
# ### Characterizations of motive and accusation

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
# ## Sanity checks

# %%
per_claim = data.claims.groupby("claim_id")
nb.check("every claim compares at least two articles", bool((claims["articles"] >= 2).all()), f"min {claims['articles'].min()}")
nb.check("each claim has one verdict and one explanation",
         bool((per_claim["verdict"].nunique() == 1).all() and (per_claim["explanation"].nunique() == 1).all()))
nb.check("every kind of claim shown above has at least one claim",
         set(claims["kind"]) == set(codebook.claim_kinds(data)), ", ".join(f"{k}: {n}" for k, n in claims["kind"].value_counts().sort_index().items()))

# %% [markdown]
# ## Caveats
#
# - **Reported, not resolved.** Where the articles differ, we say so; we do not decide
#   which is right unless another article settles it, and none of them could be checked
#   against the original documents (the Sporn letter, the board's statements).
# - **Different moments.** The articles were written at different points of a fast-moving
#   story (see their dates below); some "differences" are one outlet knowing more than
#   another did days earlier.
# - **Snippets are checked.** `make validate` checks every snippet in `claims.csv` against its
#   article, verbatim, whenever the article folder is present.
# - **One reader.** Which points count as "the same thing", and each verdict, are one
#   person's judgement; each rests on quoted words that a reader can check.

# %% [markdown]
# ## Sources

# %%
overview.sources_table(data)[["outlet", "headline", "published (inferred)"]]
