# %% [markdown]
# # How the framing differs by outlet
#
# **The question.** Several outlets told one story. Whose voices did each carry, how did each
# describe Alibaba and the coalition, which kinds of news story did each tell, which
# events did each report, and which words set each apart? Findings first; one person coded
# every article (see the caveats).

# %%
from iacc2016.present import framing, framing_charts
from iacc2016.present import notebook as nb
from iacc2016.present import style as charts

data = nb.start()

# %% [markdown]
# ## Summary of findings

# %%
nb.md(framing.findings(data))

# %% [markdown]
# ## Voice: whose words each outlet carries
#
# Every direct quotation and attributed paraphrase, by the side of the speaker. Shares are
# of the words quoted or paraphrased in that article; the table gives the counts behind
# them (a share can rest on very few passages).

# %%
fig, chart_data = framing_charts.voice_chart(data, title=framing.voice_title(data), source=data.source_line("quotes"))
charts.show(fig, "03-voice", chart_data)

# %%
framing.voice_table(data)

# %% [markdown]
# Whose voice comes first:

# %%
framing.first_voice(data)

# %% [markdown]
# What the quoted passages are about (each passage coded with one topic), passages by
# outlet:

# %%
framing.quote_topics(data)

# %% [markdown]
# ## Labels: how each outlet describes the actors
#
# The descriptive phrases each outlet attaches, in its own voice, to the main actors.
# (−) marks a disparaging label, (+) a crediting one.

# %%
framing.labels_side_by_side(data, ["alibaba", "iacc", "michael-kors", "gucci", "jack-ma"])

# %% [markdown]
# How many labels of each kind each outlet attaches to **Alibaba**:

# %%
framing.label_valence(data, "alibaba")

# %% [markdown]
# ## Frames: which kind of story each article tells
#
# Semetko and Valkenburg (2000) describe a handful of generic kinds of news story (frames), each
# recognised by a few yes/no questions: the conflict frame, for instance, asks whether the
# story reflects disagreement between parties. Every article is answered question by
# question, each "yes" resting on a verbatim snippet. A cell below is the share of a
# frame's questions answered "yes"; the question about pictures cannot be answered from the
# text, so the human-interest frame counts one question fewer. Entman (1993) adds the
# functions a frame serves (defining a problem, diagnosing a cause, judging, suggesting a
# remedy), summarised in our words after the chart.

# %%
fig, chart_data = framing_charts.frame_chart(
    data, title=framing.frames_title(data), source=data.source_line("frame_codes", "frame_codebook")
)
charts.show(fig, "03-frames", chart_data)

# %% [markdown]
# The questions behind each frame, and which articles answer each "yes":

# %%
framing.frame_questions(data)

# %% [markdown]
# Entman's functions, as each article fills them (our summaries):

# %%
framing.entman(data)

# %% [markdown]
# ## Coverage: which events each outlet reports
#
# An event counts as reported by an outlet when its article holds an evidence snippet for
# it. Events reported everywhere come first. An article can only report what had happened
# (or was announced) by the day it was written, so the later articles carry events the
# earlier ones could not: white cells mark events that happened after the article's latest
# possible publication day. Figures are left out: each is stored once per article, so every
# figure would count as told by one article only, by construction.

# %%
fig, chart_data = framing_charts.coverage_chart(
    data, title=framing.coverage_title(data), source=data.source_line("evidence", "events")
)
charts.show(fig, "03-coverage", chart_data)

# %% [markdown]
# ## Distinctive words
#
# Which words each outlet uses more than the other articles do, ranked by a log-odds ratio
# (Monroe, Colaresi and Quinn 2008): how much likelier a word is in this outlet than in the
# rest, pulled toward zero for rare words by the counts of the whole corpus. The score (z)
# ranks the words; it is **not** a significance test, and the counts show how thin the
# evidence for each word is. Only the outlet's own words count: recorded quotations are
# taken out, as are function words ("we", "an", "on"), words used fewer than a minimum
# number of times, and words the outlet uses less than the others do. Names split into
# words ("michael", "kors").

# %%
distinct = framing.distinctive(data, top=8)
fig, chart_data = framing_charts.distinctive_chart(
    data, distinct,
    title="Each outlet's most distinctive words, against the other articles",
    source=data.source_line("term_counts").replace("coded by hand from them", "counted from their texts"),
)
charts.show(fig, "03-distinctive-words", chart_data)

# %% [markdown]
# ## Checks the numbers above pass
#
# The notebook tests its own tables as it runs; each line below is one test it passed (a
# failed test stops the notebook with the reason).

# %%
voice = framing.voice(data)
coded_voice = voice[voice.groupby("outlet")["words"].transform("sum") > 0]
shares = coded_voice.groupby("outlet")["share"].sum()
nb.check("in each article, the sides' shares of the quoted words add up to the whole", bool(((shares - 1).abs() < 1e-9).all()))
nb.check("every article is coded on every framing question",
         bool(data.frame_codes.groupby("source_id")["item_id"].nunique().eq(len(data.frame_codebook)).all()))
nb.check("every 'yes' to a framing question rests on words quoted from the article", bool(data.frame_codes.loc[data.frame_codes["value"] == "yes", "snippet"].notna().all()))
nb.check("every distinctive word shown is used often enough to be ranked",
         bool((distinct["count_in_group"] >= framing.MIN_COUNT).all()))
status = framing.coding_status(data)
uncoded = status[(status[["quotes", "labels", "frame codes"]] == "not yet").any(axis=1)]
nb.md(f"Articles still to be coded by hand: {', '.join(uncoded['outlet'])}." if len(uncoded)
      else f"All {len(status)} articles are coded by hand: quotations, labels and framing questions.")

# %% [markdown]
# ## Caveats
#
# - **One coder, a handful of articles.** Every label, frame answer and quotation side was
#   coded by one person. Each code rests on a quoted snippet, so it can be checked, but
#   agreement between coders cannot be measured without a second coder, and with one
#   article per outlet a single disputed answer moves an outlet's share of a frame by a
#   whole question's weight, which is large when a frame has few questions.
# - **Outlets or articles?** Each outlet is represented by one article. Differences
#   between outlets are differences between these articles, written at different moments
#   of a fast-moving story (see the sources at the end for their dates).
# - **Quotes count as framing.** An outlet chooses whom to quote, so quoted words count
#   in the voice shares and may answer frame questions. The voice shares here are of all
#   quoted words on every topic, not of the enforcement numbers alone (the enforcement notebook).
# - **Distinctive words on a tiny corpus.** Short articles make every word rare. The
#   lists are pointers back to the texts, to be read with their counts, not findings on
#   their own.

# %%
nb.sources(data)
