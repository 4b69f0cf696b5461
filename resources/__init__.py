"""Resources shipped with the program: fonts, icons, style sheet, user guide."""
