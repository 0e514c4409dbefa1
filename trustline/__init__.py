"""Trustline: a community reporting line that keeps a sanctuary promise."""
