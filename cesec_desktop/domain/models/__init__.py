"""Pydantic models for every resource in API.md: the one source of the contract."""
