"""Notifications: residents hear about their requests, managers about late ones."""
