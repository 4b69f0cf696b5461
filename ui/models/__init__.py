"""Qt item models over `tracker.views` rows; every list in the window is one of these."""
