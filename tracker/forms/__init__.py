"""Unit fill-in forms (填报表): exported per unit, filled in Excel/WPS, read back as a diff."""
