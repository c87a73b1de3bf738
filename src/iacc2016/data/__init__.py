"""The data layer: where a table is read and where a rule lives.

- `schema`: the descriptor (data/datapackage.json) and its codebook;
- `load`: the one loader, explicit dtypes from the descriptor;
- `rules`: the rules between rows, columns and tables that Frictionless cannot express;
- `problems`: the `file:row:column: what is wrong` type every check reports;
- `tables`: the loaded tables as one object.
Imports nothing from derive, analysis or present.
"""
