"""Importers that turn other people's files into a plan: Excel task lists (任务分解表)."""
