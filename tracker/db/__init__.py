"""The ledger database: ORM tables, engine and sessions, migrations."""
