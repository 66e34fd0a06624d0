"""Living specifications: the French feature files, their last results and the guides'
sections they transcribe, read by every role in the backoffice (and exported as HTML).

``features`` parses the feature files (with Cucumber's own parser), ``guides`` reads the
guides' sections and the section references of a text, ``results`` stores what the test
run's cucumber JSON report said, ``catalog`` puts the three together for the pages.
"""
