"""Totals (NC109): parts listed with a stated total must add up to it."""
