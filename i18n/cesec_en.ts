<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Changing…</source>
        <translation>Changing…</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Enter the current password.</source>
        <translation>Enter the current password.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>The server did not accept the new password.</source>
        <translation>The server did not accept the new password.</translation>
    </message>
    <message>
        <source>The new password does not meet every rule below.</source>
        <translation>The new password does not meet every rule below.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>Repeat the new password.</source>
        <translation>Repeat the new password.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>The passwords do not match.</translation>
    </message>
    <message>
        <source>8 to 12 characters</source>
        <translation>8 to 12 characters</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>a digit</translation>
    </message>
    <message>
        <source>an upper-case letter</source>
        <translation>an upper-case letter</translation>
    </message>
    <message>
        <source>a lower-case letter</source>
        <translation>a lower-case letter</translation>
    </message>
    <message>
        <source>a symbol, such as ! # % or *</source>
        <translation>a symbol, such as ! # % or *</translation>
    </message>
    <message>
        <source>Your password has expired</source>
        <translation>Your password has expired</translation>
    </message>
</context>
<context>
    <name>ChangePasswordForm</name>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Your password has expired. Choose a new one to continue.</source>
        <translation>Your password has expired. Choose a new one to continue.</translation>
    </message>
    <message>
        <source>C&amp;urrent password</source>
        <translation>C&amp;urrent password</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password</source>
        <translation>&amp;Repeat the new password</translation>
    </message>
    <message>
        <source>The new password must have:</source>
        <translation>The new password must have:</translation>
    </message>
    <message>
        <source>8 to 12 characters</source>
        <translation>8 to 12 characters</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>a digit</translation>
    </message>
    <message>
        <source>an upper-case letter</source>
        <translation>an upper-case letter</translation>
    </message>
    <message>
        <source>a lower-case letter</source>
        <translation>a lower-case letter</translation>
    </message>
    <message>
        <source>a symbol, such as ! # % or *</source>
        <translation>a symbol, such as ! # % or *</translation>
    </message>
    <message>
        <source>Password changed successfully</source>
        <translation>Password changed successfully</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Live quotes and order updates are arriving.</source>
        <translation>Live quotes and order updates are arriving.</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconnecting…</translation>
    </message>
    <message>
        <source>The connection was lost. Reconnecting; data on screen may be stale.</source>
        <translation>The connection was lost. Reconnecting; data on screen may be stale.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>No live connection: quotes and order statuses are not updated.</source>
        <translation>No live connection: quotes and order statuses are not updated.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Something went wrong. The app may keep working, but if the problem returns, restart it and tell support.</source>
        <translation>Something went wrong. The app may keep working, but if the problem returns, restart it and tell support.</translation>
    </message>
    <message>
        <source>Details are in the log: %1</source>
        <translation>Details are in the log: %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Load the profile from the server again (F5)</source>
        <translation>Load the profile from the server again (F5)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation>Sub-accounts</translation>
    </message>
    <message>
        <source>Live data</source>
        <translation>Live data</translation>
    </message>
    <message>
        <source>Welcome, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>IIN</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>No sub-accounts yet.</source>
        <translation>No sub-accounts yet.</translation>
    </message>
    <message>
        <source>Connected: quotes and order statuses update live.</source>
        <translation>Connected: quotes and order statuses update live.</translation>
    </message>
    <message>
        <source>The connection was interrupted. Reconnecting; figures may be out of date.</source>
        <translation>The connection was interrupted. Reconnecting; figures may be out of date.</translation>
    </message>
    <message>
        <source>Not connected: quotes and order statuses do not update.</source>
        <translation>Not connected: quotes and order statuses do not update.</translation>
    </message>
</context>
<context>
    <name>InstructionsPage</name>
    <message>
        <source>Your instructions to withdraw money to a bank account, with their status.</source>
        <translation>Your instructions to withdraw money to a bank account, with their status.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Session expired</source>
        <translation>Session expired</translation>
    </message>
    <message>
        <source>Your session has ended. Enter your password to sign in again; nothing you have open will be lost.</source>
        <translation>Your session has ended. Enter your password to sign in again; nothing you have open will be lost.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Session locked</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Signed in as %1</translation>
    </message>
</context>
<context>
    <name>LockForm</name>
    <message>
        <source>Session locked</source>
        <translation>Session locked</translation>
    </message>
    <message>
        <source>For your security the session was locked after a period of inactivity. Enter your password to continue.</source>
        <translation>For your security the session was locked after a period of inactivity. Enter your password to continue.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>Sign in · Centras Securities</source>
        <translation>Sign in · Centras Securities</translation>
    </message>
    <message>
        <source>Trading cabinet</source>
        <translation>Trading cabinet</translation>
    </message>
    <message>
        <source>Demo mode: a local mock of the broker&apos;s systems, no real money</source>
        <translation>Demo mode: a local mock of the broker&apos;s systems, no real money</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Login</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Remember me</source>
        <translation>&amp;Remember me</translation>
    </message>
    <message>
        <source>Keep the login in the system&apos;s password store on this computer</source>
        <translation>Keep the login in the system&apos;s password store on this computer</translation>
    </message>
    <message>
        <source>No password store is available on this computer, so the login will not be remembered.</source>
        <translation>No password store is available on this computer, so the login will not be remembered.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Enter your login.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>The password has expired: change it to sign in.</source>
        <translation>The password has expired: change it to sign in.</translation>
    </message>
    <message>
        <source>Starting the demo server on this computer…</source>
        <translation>Starting the demo server on this computer…</translation>
    </message>
    <message>
        <source>The demo server did not start: %1</source>
        <translation>The demo server did not start: %1</translation>
    </message>
    <message>
        <source>Your login</source>
        <translation>Your login</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Your password</translation>
    </message>
    <message>
        <source>Demo server on this computer</source>
        <translation>Demo server on this computer</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Centras Securities · Trading cabinet</source>
        <translation>Centras Securities · Trading cabinet</translation>
    </message>
    <message>
        <source>Search by ticker or name</source>
        <translation>Search by ticker or name</translation>
    </message>
    <message>
        <source>Quick search (Ctrl+F)</source>
        <translation>Quick search (Ctrl+F)</translation>
    </message>
    <message>
        <source>Watchlist settings</source>
        <translation>Watchlist settings</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Demo mode: a local mock of the broker&apos;s systems, no real money</source>
        <translation>Demo mode: a local mock of the broker&apos;s systems, no real money</translation>
    </message>
    <message>
        <source>Demo mode: orders and payments are simulated.</source>
        <translation>Demo mode: orders and payments are simulated.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>As in the system</source>
        <translation>As in the system</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>IIN</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Wrong login or password. No attempts left: the account has been locked.</source>
        <translation>Wrong login or password. No attempts left: the account has been locked.</translation>
    </message>
    <message>
        <source>Too many failed attempts. The account is locked until %1.</source>
        <translation>Too many failed attempts. The account is locked until %1.</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your Internet connection and try again.</source>
        <translation>Cannot reach the server. Check your Internet connection and try again.</translation>
    </message>
    <message>
        <source>The server could not handle the request. Try again in a minute.</source>
        <translation>The server could not handle the request. Try again in a minute.</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Too many requests. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>The session has expired. Sign in again.</source>
        <translation>The session has expired. Sign in again.</translation>
    </message>
    <message>
        <source>The password has expired. Change it to continue.</source>
        <translation>The password has expired. Change it to continue.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>You are not allowed to do this.</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>The request failed: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
    <message>
        <source>The password must be 8 to 12 characters long.</source>
        <translation>The password must be 8 to 12 characters long.</translation>
    </message>
    <message>
        <source>The password must contain a digit.</source>
        <translation>The password must contain a digit.</translation>
    </message>
    <message>
        <source>The password must contain an upper-case letter.</source>
        <translation>The password must contain an upper-case letter.</translation>
    </message>
    <message>
        <source>The password must contain a lower-case letter.</source>
        <translation>The password must contain a lower-case letter.</translation>
    </message>
    <message>
        <source>The password must contain a symbol.</source>
        <translation>The password must contain a symbol.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>The new password must differ from the current one.</translation>
    </message>
    <message>
        <source>The password does not meet the policy.</source>
        <translation>The password does not meet the policy.</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Your buy and sell orders for a chosen period, with their status.</source>
        <translation>Your buy and sell orders for a chosen period, with their status.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Portfolio</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
</context>
<context>
    <name>PasswordToggle</name>
    <message>
        <source>Hide password</source>
        <translation>Hide password</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Show password</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This section is not available in this version yet.</source>
        <translation>This section is not available in this version yet.</translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message>
        <source>Securities and money on your sub-accounts, with their current value.</source>
        <translation>Securities and money on your sub-accounts, with their current value.</translation>
    </message>
</context>
<context>
    <name>TransactionsPage</name>
    <message>
        <source>Deals made on your orders: price, quantity, amount and fees.</source>
        <translation>Deals made on your orders: price, quantity, amount and fees.</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Wrong login or password. Attempts left: %n.</source>
        <translation>
            <numerusform>Wrong login or password. Attempts left: %n.</numerusform>
            <numerusform>Wrong login or password. Attempts left: %n.</numerusform>
        </translation>
    </message>
</context>
</TS>
