# %% [markdown]
# # How the coverage holds up against the public record
#
# **The question.** The other notebooks ask what the articles say. This one asks whether
# they were right: we checked their statements (dates, who said what and why, numbers,
# careers, lawsuits) against the public record, meaning the coalition's and Alibaba's own
# releases, wire reports, company statements and other news reports.
#
# **Everything on the record's side is not from the articles.** It comes from public
# documents (listed at the end, each read from an archived copy) and our checks of the
# articles' statements against them, one statement at a time. Neither changes any article
# table or any number in the other notebooks.

# %%
from iacc2016.present import codebook, record
from iacc2016.present import notebook as nb
from iacc2016.present import style as charts

data = nb.start()

# %% [markdown]
# ## Summary of findings

# %%
nb.md(record.findings(data))

# %% [markdown]
# ## Which statements held up, outlet by outlet
#
# Each statement we checked is rated once: confirmed, partly confirmed (the record
# supports part of it, or a looser version), contradicted, or not found. Outlets are in
# the order they published.

# %%
fig, chart_data = record.ratings_chart(data)
charts.show(fig, "05-ratings", chart_data)

# %%
nb.table(record.ratings_table(data))

# %% [markdown]
# ## The contradicted statements, side by side
#
# The article's own words on the left, the record's on the right (both verbatim), with the
# record document's publisher and address so that a reader can find the passage.

# %%
nb.table(record.contradictions_table(data))

# %% [markdown]
# ## The statements confirmed only in part
#
# What the record supports and what it does not, statement by statement.

# %%
nb.table(record.partly_table(data))

# %% [markdown]
# ## A test of our own dates
#
# The articles carry no dates, so every date of ours is an interval reasoned from the
# texts alone: the first and last day the happening could have fallen on. Where the
# record gives the day, we can test the rule that vague dates stay vague: does the interval
# contain the record's day, and how wide was it?

# %%
nb.table(record.method_table(data))

# %%
nb.md(record.method_in_words(data))

# %% [markdown]
# ## What we could not find
#
# "Not found" means we searched the stored record and found nothing that confirms or
# contradicts the statement; it is not a verdict that the statement is wrong.

# %%
nb.table(record.not_found_table(data))

# %% [markdown]
# ## Checks the numbers above pass
#
# The notebook tests its own tables as it runs; each line below is one test it passed (a
# failed test stops the notebook with the reason).

# %%
nb.check(
    "every statement checked carries one of the ratings explained above",
    set(data.record_checks["rating"]) <= set(codebook.rating_order(data)),
)
nb.check(
    "the ratings per outlet add up to the number of statements checked",
    int(record.ratings(data)["checks"].sum()) == record.summary_numbers(data)["checks"],
)
nb.check(
    "every rating except 'not found' cites a public-record document",
    bool(data.record_checks.loc[data.record_checks["rating"] != "not_found", "record_source_id"].notna().all()),
)

# %% [markdown]
# ## Limits
#
# - **The record is what the stored copies hold.** Several documents are reprints (wire
#   reports in regional papers), some are undated and dated by inference (the reasoning is
#   in the notes of each record document), and no court filing was read: the lawsuits are checked
#   against wire reports of them.
# - **Not found is not false.** A statement rated "not found" was searched for, not
#   disproved.
# - **One reader.** Every rating is one person's judgement, resting on quoted words a
#   reader can check.

# %% [markdown]
# ## Sources
#
# The articles:

# %%
nb.md(record.articles_md(data))

# %% [markdown]
# The public-record documents the checks cite (not from the articles). A title in square
# brackets is our description of a document whose copy shows no headline:

# %%
nb.md(record.cited_documents_md(data))
