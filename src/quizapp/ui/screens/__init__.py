"""One module per screen; each is imported when first opened (except Home)."""
