"""The Tester panel's tabs (the window is views/tester_panel.py)."""
