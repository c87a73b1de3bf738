# %% [markdown]
# # How the coverage holds up against the public record
#
# **The question.** The other notebooks ask what the articles say. This one asks whether
# they were right: we checked their statements (dates, who said what and why, numbers,
# careers, lawsuits) against public documents beyond the articles: the coalition's and
# Alibaba's own releases and statements, and news agencies' and other outlets' reports.
#
# **Nothing on the record's side comes from the articles.** It comes from those documents
# (listed at the end) and from our checks of the articles' statements against them, one
# statement at a time. Neither changes any article table or any number in the other
# notebooks.

# %%
from iacc2016.present import codebook, record
from iacc2016.present import notebook as nb
from iacc2016.present import style as charts

data = nb.start()

# %%
nb.md(record.intro(data))

# %% [markdown]
# ## Summary of findings

# %%
nb.md(record.findings(data))

# %% [markdown]
# ## How each outlet's checked statements were rated
#
# Each statement we checked is rated once: confirmed (the record says the same), partly
# confirmed (the record supports part of it, or a looser or different version), contradicted
# (the record says otherwise), or not found. Outlets are in the order they published; the
# counts come from the public record, not from the articles.

# %%
fig, chart_data = record.ratings_chart(data)
charts.show(fig, "05-ratings", chart_data)

# %%
nb.table(record.ratings_table(data))

# %% [markdown]
# ## What the record contradicts, side by side

# %%
nb.md(record.contradictions_lead(data))
side_by_side = record.contradictions_table(data)
if len(side_by_side):
    nb.table(side_by_side)

# %% [markdown]
# ## The statements partly confirmed
#
# What the record (not from the articles) supports and what it does not. Where we checked
# the same sentence of an article for more than one point, the sentence is shown once,
# with each point we checked in it.

# %%
nb.table(record.partly_table(data))

# %% [markdown]
# ## The statements confirmed
#
# Every statement the record confirms, article by article, in our words, with the document
# that confirms it (not from the articles) and whether that document is primary (the
# party's own) or secondary (a press report).

# %%
for heading, table in record.confirmed_tables(data):
    nb.md(heading)
    nb.table(table)

# %% [markdown]
# ## A test of our own dates
#
# The articles carry no dates, so every date of ours is an interval reasoned from the
# texts alone: the first and last day the happening could have fallen on. Where the
# record (not from the articles) gives the day, we can test those intervals: does the
# interval contain the record's day, and how wide was it? For a happening that was
# cancelled, the record's day is the day it was scheduled for.

# %%
nb.table(record.method_table(data))

# %%
nb.md(record.method_in_words(data))

# %% [markdown]
# ## What we could not find
#
# "Not found" means we searched the stored copies of public web pages that the documents
# listed at the end come from, and found nothing that confirms or contradicts the
# statement; it is not a verdict that the statement is wrong.

# %%
nb.table(record.not_found_table(data))

# %% [markdown]
# ## Caveats
#
# - **The record is what the stored copies hold.** Most documents are press reports, not
#   the parties' own; several are reprints (wire reports in regional papers), a few are
#   third parties' copies we cannot check against the original, and some are undated and
#   were dated from what they and other reports say (the list of sources says which). No
#   court filing was read: the lawsuits are checked against wire reports of them.
# - **Not found is not false.** A statement rated "not found" was searched for, not
#   disproved.
# - **One reader.** Every rating is one person's judgement, resting on quoted words a
#   reader can check.

# %%
nb.checks_heading()
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
# ## Sources
#
# The articles:

# %%
nb.md(record.articles_md(data))

# %% [markdown]
# The public-record documents (not from the articles), the parties' own first: every
# document a rating rests on and every one our readings name. Each is cited by the address
# under which its stored copy was read; that is the document's own address, and the copy
# was read from an archive of stored pages, not from the live page, which may since have
# changed or gone. A title in square brackets is our description of a document whose copy
# shows no headline.

# %%
nb.md(record.cited_documents_md(data))
