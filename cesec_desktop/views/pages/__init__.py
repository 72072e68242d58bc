"""The main window's pages: Home, Portfolio, Orders, Transactions, Instructions, and a
broker's Clients."""
