"""Analysis helpers: the sentiment lexicon the SQL implementation reads."""
