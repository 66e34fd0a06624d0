"""Voice menus (IVR) and the announcements they play: one core model for every carrier."""
