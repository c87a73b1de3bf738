# %% [markdown]
# # How the framing differs by outlet
#
# **The question.** Several outlets told one story. Whose voices did each carry, how did each
# describe Alibaba and the coalition, which kinds of news story did each tell, and which
# events did each report? Findings first; one person coded every article (see the caveats).

# %%
from iacc2016.present import framing, framing_charts, framing_evidence, framing_findings
from iacc2016.present import notebook as nb
from iacc2016.present import style as charts

data = nb.start()

# %% [markdown]
# ## Summary of findings

# %%
nb.md(framing_findings.findings(data))

# %% [markdown]
# ## Voice: whose words each outlet carries
#
# Every direct quotation and attributed paraphrase, by the side of the speaker. Shares are
# of the words quoted or paraphrased in that article; the table gives the counts behind
# them (a share can rest on very few passages). A speaker's side goes by who the speaker
# is, not by what they say; the table after the counts lists everyone on each side.

# %%
fig, chart_data = framing_charts.voice_chart(data, title=framing.voice_title(data), source=data.source_line("quotes"))
charts.show(fig, "03-voice", chart_data)

# %%
framing.voice_table(data)

# %% [markdown]
# Who is counted on each side, and how many of their words each article quotes:

# %%
framing_evidence.sides(data)

# %% [markdown]
# Whose voice comes first in each article, whether quoted, paraphrased or taken from a
# document:

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
# The descriptive phrases each outlet attaches, in its own voice, to the main actors,
# verbatim (capitals as in the article). (−) marks a disparaging label; (+) a crediting one,
# which credits success, virtue or dedication beyond naming what the actor is ("devoted
# solely to combating"). A phrase that describes several actors counts for each: The Fashion
# Law's aside that Michael Kors, "like Alibaba", had an immensely successful initial public
# offering credits Alibaba too.

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
# The words behind each "yes", one row per answer:

# %%
framing_evidence.frame_evidence(data)

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
# earlier ones could not: hatched cells mark events that happened after the article's latest
# possible publication day. Figures (numbers such as the enforcement statistics) are left
# out here; they are compared in [Alibaba's enforcement statistics](02-enforcement-statistics.ipynb)
# and [Where the outlets disagree](04-where-outlets-disagree.ipynb).

# %%
fig, chart_data = framing_charts.coverage_chart(
    data, title=framing_findings.coverage_title(data), source=data.source_line("evidence", "events")
)
charts.show(fig, "03-coverage", chart_data)

# %%
nb.md(framing_findings.undated_line(data))

# %% [markdown]
# The words behind each blue cell, one row per snippet (an article can report an event in
# more than one place):

# %%
framing_evidence.coverage_evidence(data)

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
#   quoted words on every topic, not of the enforcement numbers alone (those are in
#   [Alibaba's enforcement statistics](02-enforcement-statistics.ipynb)).

# %%
nb.md(framing_evidence.distinctive_note(data))

# %%
nb.checks_heading()
voice = framing.voice(data)
coded_voice = voice[voice.groupby("outlet")["words"].transform("sum") > 0]
shares = coded_voice.groupby("outlet")["share"].sum()
nb.check("in each article, the sides' shares of the quoted words add up to the whole", bool(((shares - 1).abs() < 1e-9).all()))
nb.check("every article is coded on every framing question",
         bool(data.frame_codes.groupby("source_id")["item_id"].nunique().eq(len(data.frame_codebook)).all()))
nb.check("every 'yes' to a framing question rests on words quoted from the article", bool(data.frame_codes.loc[data.frame_codes["value"] == "yes", "snippet"].notna().all()))

# %% [markdown]
# ## References

# %%
nb.md(framing_evidence.references(data))

# %%
nb.sources(data)
