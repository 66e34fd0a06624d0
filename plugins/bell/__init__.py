"""Bell Canada: Liaisons SIP end-user portal (guide 000) and Push-to-Talk admin tool (guide 001)."""
