"""Devices: phones and other hardware, and their programmable keys.

A carrier offers ``devices`` (:class:`~backoffice.core.limits.DeviceLimits`: its catalog of
models, each with a type and a number of keys; what a device must give) and
``programmable_keys`` (:class:`~backoffice.core.limits.KeyLimits`: the kinds of key, their
categories in the order they sit on the phone, the most of each kind). A device is either
the hardware of one line (:func:`~backoffice.core.devices.blocks.line_device_block`) or a
phone of the customer's bank (:func:`~backoffice.core.devices.blocks.phone_bank_block`),
assigned to extensions on line keys (:func:`~backoffice.core.devices.blocks.assignments_block`).
A device's keys are numbered from 1 with no gap; the key layout
(:func:`~backoffice.core.devices.blocks.keys_block`) is saved whole, as the phone takes it.
"""
