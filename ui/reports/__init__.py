"""The report dialog: 督查通报 options, preview, printing, saving as PDF, Excel or 催办单."""

from ui.reports.dialog import ReportDialog, open_report_dialog

__all__ = ["ReportDialog", "open_report_dialog"]
