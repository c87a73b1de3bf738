"""The analysis layer: where a number is computed. Pure functions: tables in, frames of codes,
numbers and dates out; no display strings, no plotting, no IPython. Imports data and derive."""
