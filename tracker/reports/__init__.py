"""Reports: assemble once (`assemble`), render as PDF 督查通报, Excel 台账 and 催办单."""
