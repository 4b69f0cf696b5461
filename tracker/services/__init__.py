"""Services: each user action is one function over one session (one transaction)."""
