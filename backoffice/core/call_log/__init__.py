"""The call log: the calls (and faxes) the carrier's network carried for a customer, read
with filters, and e-mailed on a schedule.

The records come from the network (:meth:`~backoffice.core.network.SandboxNetwork.carry_call`
in the sandbox), never from a form. Carriers offer it as the ``call_log`` feature (scope
tenant) with :class:`~backoffice.core.limits.CallLogLimits`: the call types the log shows,
whether it reports faxes, the filters agents may use and how often it may be e-mailed.
"""
