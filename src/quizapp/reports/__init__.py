"""Class reports without a server: anonymous student summaries in, aggregated facts out."""
