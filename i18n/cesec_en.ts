<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centras Securities · Trading cabinet</source>
        <translation type="unfinished">Centras Securities · Trading cabinet</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: proprietary. © Centras Securities JSC. The open-source components below keep their own licences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt %1 · PySide6 %2 · Python %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessibleCells</name>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountNames</name>
    <message>
        <source>Brokerage account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokerage account %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertRulesDialog</name>
    <message>
        <source>More than zero, or leave it empty to switch the rule off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is more than any client holds: check the number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertRulesForm</name>
    <message>
        <source>Alert rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alert is raised once when a client crosses a rule, and again only after the client is back on the safe side. Leave a number empty to switch its rule off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day&apos;s loss of a client, at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or a day&apos;s loss, at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A withdrawal above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client&apos;s order is rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client&apos;s cash goes below zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <source>No active alerts. New ones also show as a desktop notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing acknowledged yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished">Client</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupCodesDialog</name>
    <message>
        <source>Backup codes for two-step sign-in, Centras Securities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each code works once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save backup codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text file (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The codes are on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The codes were saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your backup codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each code signs you in once when your phone is not at hand. They are shown only now: copy them or save them to a file, and keep them somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the codes to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have saved these codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick “I have saved these codes” first: they are not shown again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookAlerts</name>
    <message>
        <source>Day&apos;s loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Large withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash below zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down today: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order No. %1 was rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked to withdraw %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash is %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BookModel</name>
    <message>
        <source>Client</source>
        <translation type="unfinished">Client</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation type="unfinished">IIN</translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation type="unfinished">Sub-accounts</translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day&apos;s change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day&apos;s change %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unrealized P/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash KZT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawals in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <source>Choose your own password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your broker issued this password: choose your own before you go on.</source>
        <translation type="unfinished"></translation>
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
    <name>ChartWindow</name>
    <message>
        <source>Loading the chart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trades in this period yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart · %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>IIN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading clients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client list did not load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clients assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose data is shown (read-only): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose whose data to watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Loading the book…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every client&apos;s summary and positions are read once, then kept live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clients match the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the search or the toggles above, or reset the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clients in the book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients assigned to you by the back office show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The book could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This client is no longer in your list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a percentage, such as 5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the book again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name or IIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search clients by name or IIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has open orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has withdrawals in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day&apos;s loss, %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients whose day&apos;s change is below minus this %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When an alert is raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day&apos;s change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash KZT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole book</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown by the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active alerts and the acknowledged ones</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to live quotes and order updates.</source>
        <translation type="unfinished"></translation>
    </message>
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
    <name>ContactChangeForm</name>
    <message>
        <source>Signing was cancelled. Nothing was sent; your details are as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking with the broker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document you sign:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact text you sign appears here once the broker has checked it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request went to the broker: instruction No. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. It is on the Instructions page, where you can follow its status (now: %2). Your details change once the broker executes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mobile number is +7 and 10 digits: +7 7xx xxx xx xx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Kazakh mobile number: it starts +7 700–708, 747, 760–764, 771, 775–778 or 785.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an e-mail address, like name@example.kz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is what is on file already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an EDS signature can change your contact details, not an SMS code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has expired. Sign again: a new one will be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to change these details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This request has already been signed and sent. See Instructions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone on file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail on file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with EDS only: SMS codes go to the phone on file, so an SMS code cannot authorise changing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign with EDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <source>Contact support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centras Securities support desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions about the cabinet, orders, transfers or access: call or write to us.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>09:00–18:00 Almaty time, working days (Monday to Friday)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report a problem sends the support desk a description with a screenshot and the app&apos;s log, so they can help faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report a problem…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecimalField</name>
    <message>
        <source>“%1” is not a digit: type digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a digit: type digits and one decimal mark, a comma or a point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number must be positive: no minus sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a whole number here: lots cannot be split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 digits after the decimal mark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one decimal mark, a comma or a point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spaces may only separate thousands, as in 50 000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many digits for this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thousands or a fraction? Type the number without a thousands separator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long to be a number: it was not pasted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoSmsNotice</name>
    <message>
        <source>SMS · Centras Securities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your code: %1. Do not tell it to anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: sent to %1, shown here instead of on the phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reset code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EdsDialog</name>
    <message>
        <source>Connecting to NCALayer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your key in NCALayer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the signed withdrawal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the signed instruction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the signed order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCALayer is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCALayer could not sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker did not accept the signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is not yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your key in KAZTOKEN desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCALayer signs with your EDS key on this computer. The withdrawal text you see in the form is what you sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCALayer signs with your EDS key on this computer. The document you see in the form is what you sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCALayer signs with your EDS key on this computer. The order text you see in the form is what you sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KAZTOKEN desktop has opened its window: choose your signing key, type the PIN and confirm. Take your time: this window waits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCALayer has opened its window: choose the key storage and your signing key, type the password and confirm. Take your time: this window waits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was sent. Press Retry and choose the EDS key issued to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start NCALayer (from the Start menu, the desktop or the tray) and press Retry. If it is not installed, download it from %1, install it, start it and press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the key storage and the key, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was placed. Press Retry to sign again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The withdrawal may already be made. Retry sends the same signed withdrawal again: the broker can never make it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instruction may already be made. Retry sends the same signed instruction again: the broker can never make it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order may already be placed. Retry sends the same signed order again: the broker can never place it twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by %1, IIN %2, certificate valid until %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chosen certificate belongs to %1 (IIN %2), not to the client of this account. The broker would refuse it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signing key was found in the chosen storage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCALayer closed the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCALayer did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCALayer answered something that cannot be read. Restart NCALayer and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NCALayer said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature could not be verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is not trusted: it has expired, been revoked, or was not issued by the National Certification Centre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key belongs to someone else. Sign with your own EDS key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature&apos;s timestamp could not be verified: the signing time is not trustworthy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signed text differs from the withdrawal document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signed text differs from the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signed text differs from the order document.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EdsForm</name>
    <message>
        <source>Sign with EDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
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
    <name>Export</name>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation>
            <numerusform>%n row saved to %1</numerusform>
            <numerusform>%n rows saved to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the rows to copy first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) copied to the clipboard</source>
        <translation>
            <numerusform>%n row copied to the clipboard</numerusform>
            <numerusform>%n rows copied to the clipboard</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows shown to a file, or copy the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to Excel (XLSX)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy selected rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FaultsTab</name>
    <message>
        <source>On: every call waits %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every /api/v1 call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: %1 % of %2 answer %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: streams are dropped and refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>creating and confirming orders, withdrawals, requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: the next %1 of %2 commit, then lose their answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: answers arrive at %1 bytes a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, until cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, until %1 on the mock&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning on: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turning off: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clearing every fault…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every fault is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults hit the cabinet API (/api/v1) of every client of this mock, not only this app. Times are on the mock&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injected faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crash after commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% of calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bytes a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status of the errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which calls (method and path pattern)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A path pattern with * wildcards, optionally after a method, e.g. POST /api/v1/orders/*/confirm. Empty: the default calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear all faults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForgotPasswordPage</name>
    <message>
        <source>The code is no longer valid. Ask for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your login or IIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password does not meet every rule below.</source>
        <translation type="unfinished">The new password does not meet every rule below.</translation>
    </message>
    <message>
        <source>Repeat the new password.</source>
        <translation type="unfinished">Repeat the new password.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation type="unfinished">The passwords do not match.</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your login or IIN. We will send a code by SMS to the phone your broker has on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login or IIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your login or IIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We sent a code to %1. It is valid for 5 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code from the SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation type="unfinished">&amp;New password</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password</source>
        <translation type="unfinished">&amp;Repeat the new password</translation>
    </message>
    <message>
        <source>Set password and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Times are this computer&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are Almaty time (UTC+5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report a problem…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check for updates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
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
        <source>Sub-accounts</source>
        <translation>Sub-accounts</translation>
    </message>
    <message>
        <source>Welcome, %1</source>
        <translation>Welcome, %1</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your lists…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lists did not load. Refresh (F5) to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to open the details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No orders or instructions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>International</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation type="unfinished">Portfolio</translation>
    </message>
    <message>
        <source>Total value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sub-accounts yet.</source>
        <translation>No sub-accounts yet.</translation>
    </message>
    <message>
        <source>Withdraw money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewing %1 · read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a client in the top bar to see their data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw cash to your own bank account, signed by SMS or EDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent orders and instructions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting: quotes and order statuses will update live.</source>
        <translation type="unfinished"></translation>
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
    <name>InstructionDetailsDialog</name>
    <message>
        <source>SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EDS (NCALayer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction No. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient IIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BIC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment purpose code (KNP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beneficiary code (KBe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for rejection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstructionLabels</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of contact details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstructionTexts</name>
    <message>
        <source>Change of contact details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of phone and e-mail: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of phone: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of e-mail: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstructionsModel</name>
    <message>
        <source>Actions for instruction %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstructionsPage</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instructions could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instructions with this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instruction could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another status or a longer period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No instructions in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawals you sign are listed here with their status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading instructions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstrumentSearch</name>
    <message>
        <source>Ticker or name, e.g. HSBK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyboardWarning</name>
    <message>
        <source>Caps Lock is on: letters are typed in the wrong case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your keyboard is typing Cyrillic (Қ, Ж…): switch to English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your keyboard is not typing Latin letters: switch to English.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Rows: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More rows could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the rest again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a client at the top to see their lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scroll down for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>view only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveRegion</name>
    <message>
        <source>Announcements</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>%1 You have been signed out.</source>
        <translation type="unfinished"></translation>
    </message>
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
    <name>LogViewer</name>
    <message>
        <source>Passwords, tokens and SMS codes are replaced by *** before anything is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log excerpt</source>
        <translation type="unfinished"></translation>
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
        <source>&amp;Forgot password?</source>
        <translation type="unfinished"></translation>
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
        <source>Choose your own password to sign in: your broker issued this one.</source>
        <translation type="unfinished"></translation>
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
        <source>The update will install once the app is unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update will install once the signature is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update will install once the withdrawal form is sent or closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update will install once the order form is sent or closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brokers see a client&apos;s watchlists but cannot change them.</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist settings</source>
        <translation>Watchlist settings</translation>
    </message>
    <message>
        <source>Back to clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the book of clients (Alt+Left)</source>
        <translation type="unfinished"></translation>
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
        <source>My details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions and devices…</source>
        <translation type="unfinished"></translation>
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
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As in the system</source>
        <translation>As in the system</translation>
    </message>
    <message>
        <source>Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Almaty time (UTC+5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer&apos;s time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Check for updates automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beta (early releases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tester…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mock backend&apos;s controls (Ctrl+Shift+T)</source>
        <translation type="unfinished"></translation>
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
    <name>MarketTab</name>
    <message>
        <source>open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the mock&apos;s clock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Real time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%2 h %3 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ahead of real time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 behind real time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the hours of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is held open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is held closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 follows its hours: open now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 follows its hours: closed now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the clock to the %1 close…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the clock to the next %1 session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the clock %1 min forward…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Putting the clock back to real time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mock&apos;s time is now %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an instrument first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a price above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting %1 to %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 now trades at %2 (bid %3, ask %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price was not set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On hours: open during the market&apos;s session on the mock&apos;s clock. Open or Closed: held so whatever the clock says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mock&apos;s clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market whose session the clock follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the market&apos;s next session close (today&apos;s, if it is still ahead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the next session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the opening of the market&apos;s next session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes to move the clock forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to real time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set price</source>
        <translation type="unfinished"></translation>
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
        <source>The certificate of the server %1 is not trusted, so the app did not connect. This is not a problem with your Internet connection: check the server address, or contact support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Check your Internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your Internet connection and try again.</source>
        <translation>Cannot reach the server. Check your Internet connection and try again.</translation>
    </message>
    <message>
        <source>The server answered something the app cannot read. Try again in a minute; if it keeps happening, contact support.</source>
        <translation type="unfinished"></translation>
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
    <name>MyDetailsDialog</name>
    <message>
        <source>On (authenticator app)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change of phone or e-mail is an instruction to the broker, signed with EDS. It appears on the Instructions page with its status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction No. %1 (%2) went to the broker: see its status on the Instructions page. These details change once it is executed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IIN</source>
        <translation type="unfinished">IIN</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your contact at the broker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change phone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change e-mail…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyRequestsDialog</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My support requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Report a problem…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests yet. Use Report a problem… when something goes wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Order filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order partially filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3 of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at market price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order No. %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact details changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change of contact details rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction No. %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal executed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetailsDialog</name>
    <message>
        <source>Order No. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the market price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetailsForm</name>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average fill price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event history</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-&amp;account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order &amp;type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing the amount sets the quantity, in whole lots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a price to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Sign with &amp;EDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign with &amp;SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderFormDialog</name>
    <message>
        <source>Checking the order with the broker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact text you sign appears here once the broker has checked the order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lots: %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use this price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order No. %1 has been placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at the market price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 · %3 · %4 · valid until %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing was cancelled. Nothing was sent; the order is as you left it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pcs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price must be a multiple of the price step, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be a whole number of lots of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough cash: %1 available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough cash for this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough securities: %1 available to sell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough securities for this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an instrument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an instrument from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a sub-account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose one of your sub-accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a quantity greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price is outside the exchange&apos;s daily limit: 10% from the last close.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A market order takes no price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date cannot be in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An order can be valid for one year at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The market is closed: a market order cannot be placed now. Use a limit order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no price to trade at now. Use a limit order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price must be a multiple of the price step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be a whole number of lots.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order document has expired. Sign again: a new one will be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order has already been signed and sent. See Orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough cash for this order any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough securities for this order any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The market is closed: a market order cannot be placed now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to place orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, buy %2 %3 at the market price. See Orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, sell %2 %3 at the market price. See Orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, buy %2 %3 at %4. See Orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, sell %2 %3 at %4. See Orders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price in % of the face value, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>price step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available to sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount, estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total to receive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit: at your price or better. Market: at the best price available now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One price step down (↓)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One price step up (↑)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One lot less (↓)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One lot more (↑)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As many lots as the available cash pays for, fee included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything available to sell</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderLabels</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partially filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EDS (NCALayer)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partially filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderSummary</name>
    <message>
        <source>%1 at the market price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Actions for order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the order was placed (Almaty time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker and market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy or sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit or market order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit price; none for a market order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity filled so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day the order stays on the exchange</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average fill price: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Only an open order can be cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order No. %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order No. %1 can no longer be cancelled: it is %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order No. %1 was not cancelled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order No. %1 is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already filled: %1. That part stays filled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order form is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the orders again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place a buy or sell order (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All markets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy and sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The orders could not be loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No orders match the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are orders in this period, but none with this status, market and side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No orders for this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another period above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another period above, or place a new order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Type how much of the order to fill.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less than the %1 that remain: use Fill for all of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filling %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 filled: %2 of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The order was not filled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejecting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order %1 rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moving the withdrawal %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal %1 is now %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished">Orders</translation>
    </message>
    <message>
        <source>Open orders of every client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open orders: place one in the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill all that remains of the selected order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity to fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partially fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for rejecting the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, shown to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawals in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No withdrawals in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Executed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for rejecting the withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
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
    <name>PasswordExpiryNotice</name>
    <message>
        <source>Your password expires today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password expires tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Your password expires in %n days</source>
        <translation>
            <numerusform>Your password expires in %n days</numerusform>
            <numerusform>Your password expires in %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Change it now, so that signing in is not interrupted when it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
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
    <name>PeriodBar</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today, Almaty date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 3 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dates you choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (Almaty date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (Almaty date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
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
    <name>PortfolioModel</name>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P/L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P/L %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message>
        <source>Loading the list of clients…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clients are assigned to you yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sub-accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the portfolio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here yet: this sub-account holds no securities or money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw this cash to your own bank account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing available to sell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Securities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USD rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No securities on this sub-account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No money on this sub-account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio value, KZT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough history to draw yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>QR code for the authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan it with the authenticator app on your phone, or type the secret key shown beside it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickSearch</name>
    <message>
        <source>Nothing matches “%1”. Try part of a ticker or a company name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuotePanel</name>
    <message>
        <source>Quotes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n instrument(s)</source>
        <translation>
            <numerusform>%n instrument</numerusform>
            <numerusform>%n instruments</numerusform>
        </translation>
    </message>
    <message>
        <source>No instruments on this market&apos;s list. Add some to watch their prices here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose instruments…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuoteTableModel</name>
    <message>
        <source>Ticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <source>not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions for %1: the Menu key or Shift+F10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 since the previous quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not live: the connection is down. Last quote %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not live: the connection is down.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportProblemDialog</name>
    <message>
        <source>Reading the log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s), passwords, tokens and SMS codes removed.</source>
        <translation>
            <numerusform>%n line, passwords, tokens and SMS codes removed.</numerusform>
            <numerusform>%n lines, passwords, tokens and SMS codes removed.</numerusform>
        </translation>
    </message>
    <message>
        <source>The support desk refused the request: check the marked fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request was not sent. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the problem in a few words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attachments are too large: untick the screenshot and send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An attachment could not be read: untick it and send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary must be 3 to 200 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The details may be at most 10,000 characters long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the support desk what went wrong. They answer on working days, 09:00–18:00 Almaty time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: the order form does not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEST (a test or demo server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROD (the broker&apos;s live server)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did you do, what did you expect, and what happened instead?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screenshot of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to see it at full size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click the picture to see it at full size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app&apos;s log: the last %1 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this number: the support desk will contact you by phone or e-mail on working days, 09:00–18:00 Almaty time. Its status is in Help → My requests.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Component</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScenarioTab</name>
    <message>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading where the world comes from…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The world is the built-in seed: no scenario loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario %1 is loaded (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the scenario %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the scenario %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario %1 loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenarios (*.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a scenario file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario was not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the scenario in %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the scenario in %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read: check the path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large for a scenario (over 1 MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not text in UTF-8: is it a scenario?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resetting the mock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mock was reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every user, order and price of the mock is replaced, and you will be signed out of the app to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to how %1 starts; faults off, real time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to the seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the built-in seed; faults off, real time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading a scenario or resetting replaces the mock&apos;s whole world: the app signs you out, to sign in as one of its users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scenario&apos;s .toml file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenshotViewer</name>
    <message>
        <source>Screenshot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecondFactorPage</name>
    <message>
        <source>The confirmation took too long. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We sent a code to %1. It is valid for 5 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We will send a code by SMS to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter one of the backup codes you saved. Each works once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 6-digit code your authenticator app shows now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account asks for a second step. Phone on file: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account asks for a second step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember this computer for 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer will not ask for a code again; you can revoke it in Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message>
        <source>This is the session of this computer: ending it logs you out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out on this computer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished">Log out</translation>
    </message>
    <message>
        <source>The session on %1 was ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End all other sessions?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every other computer signed in to your account will be signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End other sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All other sessions were ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End session (log out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions and devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End all other sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered computers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These computers skip the second step of sign-in for 30 days. Forget one you no longer use or do not recognise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No computer is remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished">Refresh</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutTexts</name>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick search by ticker or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New order (on Orders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows of a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy the instrument in the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sell the instrument in the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the book of clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text (up to 200%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text (down to 80%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text at its actual size (100%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected row&apos;s menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist editor: move the instrument up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist editor: move the instrument down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watchlist editor: remove the instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Tester window (the mock backend&apos;s controls)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInCodes</name>
    <message>
        <source>Send again in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a backup code: 8 letters and digits, such as k7p2-9xqa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 6-digit code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong code. Attempts left: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was the last try for this code. Ask for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code has expired: ask for a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new code can be sent once the minute is up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SigningForm</name>
    <message>
        <source>Unknown, checking…: no answer came, so it is not yet known whether the withdrawal was made. The app is asking the broker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown, checking…: no answer came, so it is not yet known whether the broker received the change of contact details. The app is asking the broker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown, checking…: no answer came, so it is not yet known whether the order was placed. The app is asking the broker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker answered: the withdrawal was not made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker answered: the change of contact details was not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The broker answered: the order was not placed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmsDialog</name>
    <message>
        <source>Sending the code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1. It signs this withdrawal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1. It signs this order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code could not be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is valid for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Send a new code in %n s</source>
        <translation>
            <numerusform>Send a new code in %n s</numerusform>
            <numerusform>Send a new code in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Get a new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has expired. Get a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong codes: this one no longer works. Get a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrong code. Attempts left: %n.</source>
        <translation>
            <numerusform>Wrong code. Attempts left: %n.</numerusform>
            <numerusform>Wrong code. Attempts left: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm again to resend the same signed withdrawal: it cannot be made twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm again to resend the same signed order: it cannot be placed twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmsForm</name>
    <message>
        <source>Sign with SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code from the SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmsTab</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the code sent at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the code sent to %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The one-time codes the mock sent, newest first. Copy one with its button, a double click or Ctrl+C.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS codes sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the outbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No codes sent yet. Sign something by SMS and its code shows here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupportLabels</name>
    <message>
        <source>Login issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cash transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TesterColumns</name>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished">Client</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TesterPanel</name>
    <message>
        <source>Tester</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controls of the mock backend at %1. They change the mock for every app connected to it; a real server never shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tester tabs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TesterTab</name>
    <message>
        <source>Could not read the mock: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TesterWorld</name>
    <message>
        <source>The mock was reset to the scenario %1. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mock was reset to its seed. Sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mock now runs the scenario %1. Sign in as one of its users.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TotpSetupDialog</name>
    <message>
        <source>The key is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 6 digits the app shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code is not right. Enter the newest code the app shows; if it is still refused, check that the phone sets its time automatically.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This set-up has expired. Close the window and start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in is already on for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up an authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Install an authenticator app on your phone, such as Google Authenticator or Microsoft Authenticator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. In the app, add an account and scan this QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot scan it? Type this key instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Enter the 6-digit code the app now shows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficAttachment</name>
    <message>
        <source>No traffic is recorded in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the traffic…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No traffic in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stream message(s)</source>
        <translation>
            <numerusform>%n stream message</numerusform>
            <numerusform>%n stream messages</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2; passwords, tokens and codes removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The oldest entries are left out to fit the size limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app&apos;s network traffic (a HAR file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the traffic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficTab</name>
    <message>
        <source>Choose a file to record to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record traffic to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAR files (*.har)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording stopped; the file is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build of the app cannot record traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every call and stream message of this app, as a HAR file that browsers&apos; developer tools open. Passwords, tokens and codes are masked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAR file to record to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrafficViewer</name>
    <message>
        <source>%1 sent, %2 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every call to the server and every stream message of the period, as the support desk will get them. Passwords, tokens, one-time codes and signatures are replaced by *** before anything is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HAR file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No traffic.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionDetailsDialog</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (Almaty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settlement date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open order %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionsModel</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settlement date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransactionsPage</name>
    <message>
        <source>All markets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Market</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buys and sells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instrument, e.g. KSPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by instrument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading transactions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Years of history can take a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transactions match the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the instrument text or reset the filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try another market, side or period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No transactions for this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deals made on your orders appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions did not load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · loading more…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: amount %2, fee %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A notice when an order fills or is rejected, or a withdrawal is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centras Securities</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TwoStepDialog</name>
    <message>
        <source>Two-step sign-in is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in is off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After your password, signing in asks for a code from your authenticator app, or one sent by SMS, or one of your backup codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect your account with a second step after the password: a code from an authenticator app on your phone. Someone who learns your password still cannot sign in without your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished">Enter your password.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a code from the app or a backup code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code is not right. Enter the newest code the app shows, or an unused backup code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up an authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To turn two-step sign-in off, enter your password and a code from the authenticator app (or a backup code). Remembered computers are forgotten too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished">&amp;Password</translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>123456 or a backup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Turn off two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UntilField</name>
    <message>
        <source>Type the time as hours and minutes, e.g. 18:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long it lasts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes it lasts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time it lasts until, on the mock&apos;s clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdateCenter</name>
    <message>
        <source>The update did not match what Centras Securities signed, so it was refused. Nothing was installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update information is out of date (its signatures have expired), so it was refused. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update server offered older information than this app has already seen, so it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update information is not signed by Centras Securities&apos; keys, so it was refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the update server. Check the connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centras Securities does not build this app for this kind of computer, so it cannot be updated here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates are not set up in this copy of the app: it carries no update key. Install the app from Centras Securities to receive updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates cannot be checked: the update server&apos;s address or the update folder on this computer cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update could not be saved on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The installer could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The update server sent an answer the app cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Version %1 is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>released %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No release notes were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking for updates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 MB · %3 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have the newest version, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded and verified. The app closes while the update installs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the installer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode: nothing was installed. The app would run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Install and restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Software update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchlistEditor</name>
    <message>
        <source>The list is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag rows, or use Move up and Move down, to set the order on Home.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list is empty. Find instruments on the left and tick them to add them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n instrument(s) found. Tick one to add it to its market&apos;s list.</source>
        <translation>
            <numerusform>%n instrument found. Tick one to add it to its market&apos;s list.</numerusform>
            <numerusform>%n instruments found. Tick one to add it to its market&apos;s list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Check the spelling, or try part of a ticker or a company name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search failed: %1 Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type part of a ticker or a name, e.g. HSBK or Halyk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>International</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are viewing the client&apos;s lists. Brokers cannot change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick instruments to watch their prices on Home; untick to remove them. Changes are saved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The instruments on each market&apos;s list, in the order Home shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticker or name, e.g. HSBK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected instrument up (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected instrument down (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected instrument (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WatchlistEditorForm</name>
    <message>
        <source>Watchlists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find instruments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KASE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AIX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>International</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WithdrawalForm</name>
    <message>
        <source>Withdraw money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-&amp;account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient &amp;IIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;BAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ban&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished">Cancel</translation>
    </message>
    <message>
        <source>Sign with &amp;EDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign with &amp;SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WithdrawalFormDialog</name>
    <message>
        <source>Signing was cancelled. Nothing was sent; the withdrawal is as you left it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available: loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked from the IBAN: bank code %1, BIC %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the list of banks…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the IBAN and the bank is picked from its code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the withdrawal with the broker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact text you sign appears here once the broker has checked the withdrawal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal No. %1 has been accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2 at %3. The amount is blocked until the bank pays it out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the withdrawal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than is available: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money goes only to your own account: the recipient&apos;s IIN must be yours, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bank in Kazakhstan has the bank code %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This bank does not match the IBAN: its bank code %1 is %2&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the sub-account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sub-account holds no cash in this currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount can have at most two decimal places.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the recipient&apos;s IIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An IIN is 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first six digits of an IIN are a date of birth: check them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This IIN&apos;s check digit is wrong: check the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money goes only to your own account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the IBAN of your bank account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Kazakh IBAN is KZ and 18 more letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only accounts in Kazakhstan, with IBANs starting KZ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IBAN&apos;s check digits do not match: check the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IBAN&apos;s bank code is not a Kazakh bank&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the bank from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This bank does not match the IBAN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The purpose must be one line of plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This withdrawal was already signed and sent: No. %1, %2 to %3. See Instructions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The withdrawal document has expired. Sign again: a new one will be made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This withdrawal has already been signed and sent. See Instructions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough cash for this withdrawal any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to withdraw money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal of own funds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Money goes only to an account in your own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw all the available cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picked from the IBAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZoomActions</name>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actual size (100%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size: %1%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_CodeCounts</name>
    <message numerus="yes">
        <source>Backup codes left: %n.</source>
        <translation>
            <numerusform>Backup codes left: %n.</numerusform>
            <numerusform>Backup codes left: %n.</numerusform>
        </translation>
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
