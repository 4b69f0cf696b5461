"""Built-in plans (内置方案): one plan file per source document, loaded into an empty ledger."""
