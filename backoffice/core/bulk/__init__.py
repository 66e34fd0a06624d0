"""Bulk import and export of a tenant's lines (CSV and XLSX).

An import is read (:mod:`.reading`), checked row by row with the very change a single line
goes through (:func:`backoffice.core.lines.new_line_change`: schema, core checks, carrier
rules; duplicates inside the file included), then saved all or nothing by a job, as one
change: one audit record listing the lines, and the orders the carrier's network prefers
(hook ``bulk_provisioning``). An export (:mod:`.exporting`) writes the columns an import
reads, so an exported file imports unchanged.
"""
