"""Residents text 311: carrier keywords, and conversations that reach the inbox."""
