"""The derive layer: features computed from the local article folder (hashes, word counts,
term counts), written only to data/derived/. Imports the data layer, nothing above it."""
