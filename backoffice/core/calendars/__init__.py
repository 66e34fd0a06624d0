"""Calendars (opening hours, closures) and schedules (recurring periods), for every carrier."""
