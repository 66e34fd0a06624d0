"""Cooptel extensions (guide 003 §11): which numbers an extension may take.

Declared as the ``reserved_extensions`` limit of lines; core refuses them ("Poste invalide").
"""

from __future__ import annotations

# §11.1 names "311, 511, 911..." (the N11 service codes); §2.1 uses 700 to park calls on
# the virtual lines 701 to 709, so those cannot be extensions either.
RESERVED = [f"{n}11" for n in range(2, 10)] + [str(n) for n in range(700, 710)]

