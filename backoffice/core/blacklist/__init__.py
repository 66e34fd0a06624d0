"""The common blacklist feature: account-wide match rules, per-line blocked numbers and
per-line flags such as anonymous-call rejection.

Carriers narrow it through their ``FeatureOffer`` limits (modes, match kinds, maximum
count) and expose it with the block factories of :mod:`backoffice.core.blacklist.blocks`.
"""
