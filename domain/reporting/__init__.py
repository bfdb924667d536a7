"""Figures the city publishes about its own work (the public report card)."""
