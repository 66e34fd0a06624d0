"""The carriers shipped with the backoffice, one package each with the same shape:

- ``carrier.py``: the hook implementations (identity, plans, features and limits, rules)
- ``network.py``: the sandbox network that applies orders as the carrier's guide says
- ``demo.py``: demo tenants taken from the guide's own examples
"""
