"""The site model: plain frozen dataclasses, and the assembly of a Site from them."""
