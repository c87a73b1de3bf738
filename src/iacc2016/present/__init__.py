"""The present layer: where a number becomes words and pictures. Labels, order and colours
from the codebook, chart style and export, each theme's charts and tables, prose, and the
notebook start-up. The top layer: nothing in the package imports it."""
