"""The main window's pages: Home, Portfolio, Orders, Transactions, Instructions."""
