<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Changing…</source>
        <translation>Өзгертілуде…</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Құпия сөзді өзгерту</translation>
    </message>
    <message>
        <source>Enter the current password.</source>
        <translation>Ағымдағы құпия сөзді енгізіңіз.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Ағымдағы құпия сөз қате.</translation>
    </message>
    <message>
        <source>The server did not accept the new password.</source>
        <translation>Сервер жаңа құпия сөзді қабылдамады.</translation>
    </message>
    <message>
        <source>The new password does not meet every rule below.</source>
        <translation>Жаңа құпия сөз төмендегі талаптардың бәріне сай емес.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Жаңа құпия сөз ағымдағысынан өзгеше болуы керек.</translation>
    </message>
    <message>
        <source>Repeat the new password.</source>
        <translation>Жаңа құпия сөзді қайталаңыз.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Құпия сөздер сәйкес келмейді.</translation>
    </message>
    <message>
        <source>8 to 12 characters</source>
        <translation>8–12 таңба</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>цифр</translation>
    </message>
    <message>
        <source>an upper-case letter</source>
        <translation>бас әріп</translation>
    </message>
    <message>
        <source>a lower-case letter</source>
        <translation>кіші әріп</translation>
    </message>
    <message>
        <source>a symbol, such as ! # % or *</source>
        <translation>арнайы таңба, мысалы ! # % немесе *</translation>
    </message>
    <message>
        <source>Your password has expired</source>
        <translation>Құпия сөздің мерзімі өтті</translation>
    </message>
</context>
<context>
    <name>ChangePasswordForm</name>
    <message>
        <source>Change password</source>
        <translation>Құпия сөзді өзгерту</translation>
    </message>
    <message>
        <source>Your password has expired. Choose a new one to continue.</source>
        <translation>Құпия сөзіңіздің мерзімі өтті. Жалғастыру үшін жаңасын орнатыңыз.</translation>
    </message>
    <message>
        <source>C&amp;urrent password</source>
        <translation>&amp;Ағымдағы құпия сөз</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Жаңа құпия сөз</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password</source>
        <translation>Жаңа құпия сөзді &amp;қайталаңыз</translation>
    </message>
    <message>
        <source>The new password must have:</source>
        <translation>Жаңа құпия сөзде мыналар болуы керек:</translation>
    </message>
    <message>
        <source>8 to 12 characters</source>
        <translation>8–12 таңба</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>цифр</translation>
    </message>
    <message>
        <source>an upper-case letter</source>
        <translation>бас әріп</translation>
    </message>
    <message>
        <source>a lower-case letter</source>
        <translation>кіші әріп</translation>
    </message>
    <message>
        <source>a symbol, such as ! # % or *</source>
        <translation>арнайы таңба, мысалы ! # % немесе *</translation>
    </message>
    <message>
        <source>Password changed successfully</source>
        <translation>Пароль сәтті өзгертілді</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Жалғастыру</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Online</source>
        <translation>Желіде</translation>
    </message>
    <message>
        <source>Live quotes and order updates are arriving.</source>
        <translation>Баға белгілеулері мен тапсырыс күйлері нақты уақытта жаңартылып тұр.</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Қайта қосылуда…</translation>
    </message>
    <message>
        <source>The connection was lost. Reconnecting; data on screen may be stale.</source>
        <translation>Байланыс үзілді. Қайта қосылып жатыр; экрандағы деректер ескірген болуы мүмкін.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Байланыс жоқ</translation>
    </message>
    <message>
        <source>No live connection: quotes and order statuses are not updated.</source>
        <translation>Байланыс жоқ: баға белгілеулері мен тапсырыс күйлері жаңартылмайды.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Күтпеген қате</translation>
    </message>
    <message>
        <source>Something went wrong. The app may keep working, but if the problem returns, restart it and tell support.</source>
        <translation>Бірдеңе дұрыс болмады. Қолданба жұмысын жалғастыруы мүмкін, бірақ қате қайталанса, оны қайта іске қосып, қолдау қызметіне хабарлаңыз.</translation>
    </message>
    <message>
        <source>Details are in the log: %1</source>
        <translation>Толығырақ журналда: %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Load the profile from the server again (F5)</source>
        <translation>Профильді серверден қайта жүктеу (F5)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation>Қосалқы шоттар</translation>
    </message>
    <message>
        <source>Live data</source>
        <translation>Нақты уақыттағы деректер</translation>
    </message>
    <message>
        <source>Welcome, %1</source>
        <translation>Қош келдіңіз, %1</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Брокер</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>No sub-accounts yet.</source>
        <translation>Қосалқы шоттар әзірге жоқ.</translation>
    </message>
    <message>
        <source>Connected: quotes and order statuses update live.</source>
        <translation>Қосылды: баға белгілеулері мен тапсырыс күйлері нақты уақытта жаңарады.</translation>
    </message>
    <message>
        <source>The connection was interrupted. Reconnecting; figures may be out of date.</source>
        <translation>Байланыс үзілді. Қайта қосылып жатыр; сандар ескірген болуы мүмкін.</translation>
    </message>
    <message>
        <source>Not connected: quotes and order statuses do not update.</source>
        <translation>Байланыс жоқ: баға белгілеулері мен тапсырыс күйлері жаңартылмайды.</translation>
    </message>
</context>
<context>
    <name>InstructionsPage</name>
    <message>
        <source>Your instructions to withdraw money to a bank account, with their status.</source>
        <translation>Ақшаны банк шотына шығаруға берген тапсырмаларыңыз және олардың күйі.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Session expired</source>
        <translation>Сеанс аяқталды</translation>
    </message>
    <message>
        <source>Your session has ended. Enter your password to sign in again; nothing you have open will be lost.</source>
        <translation>Сеансыңыз аяқталды. Қайта кіру үшін құпия сөзді енгізіңіз; ашық тұрған ештеңе жоғалмайды.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Сеанс бұғатталды</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Жүйеге кірген: %1</translation>
    </message>
</context>
<context>
    <name>LockForm</name>
    <message>
        <source>Session locked</source>
        <translation>Сеанс бұғатталды</translation>
    </message>
    <message>
        <source>For your security the session was locked after a period of inactivity. Enter your password to continue.</source>
        <translation>Қауіпсіздік үшін біраз уақыт әрекет болмағандықтан сеанс бұғатталды. Жалғастыру үшін құпия сөзді енгізіңіз.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Құпия сөз</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Бұғатты ашу</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>Sign in · Centras Securities</source>
        <translation>Кіру · Centras Securities</translation>
    </message>
    <message>
        <source>Trading cabinet</source>
        <translation>Сауда кабинеті</translation>
    </message>
    <message>
        <source>Demo mode: a local mock of the broker&apos;s systems, no real money</source>
        <translation>Демо режимі: брокер жүйелерінің жергілікті үлгісі, нақты ақшасыз</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <source>&amp;Login</source>
        <translation>&amp;Логин</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Құпия сөз</translation>
    </message>
    <message>
        <source>&amp;Remember me</source>
        <translation>&amp;Мені есте сақтау</translation>
    </message>
    <message>
        <source>Keep the login in the system&apos;s password store on this computer</source>
        <translation>Логинді осы компьютердегі жүйелік құпия сөздер қоймасында сақтау</translation>
    </message>
    <message>
        <source>No password store is available on this computer, so the login will not be remembered.</source>
        <translation>Бұл компьютерде құпия сөздер қоймасы жоқ, сондықтан логин есте сақталмайды.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Starting…</source>
        <translation>Іске қосылуда…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Жүйеге кіруде…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Логинді енгізіңіз.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Құпия сөзді енгізіңіз.</translation>
    </message>
    <message>
        <source>The password has expired: change it to sign in.</source>
        <translation>Құпия сөздің мерзімі өтті: кіру үшін оны өзгертіңіз.</translation>
    </message>
    <message>
        <source>Starting the demo server on this computer…</source>
        <translation>Осы компьютерде демо сервер іске қосылуда…</translation>
    </message>
    <message>
        <source>The demo server did not start: %1</source>
        <translation>Демо сервер іске қосылмады: %1</translation>
    </message>
    <message>
        <source>Your login</source>
        <translation>Логиніңіз</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Құпия сөзіңіз</translation>
    </message>
    <message>
        <source>Demo server on this computer</source>
        <translation>Осы компьютердегі демо сервер</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Centras Securities · Trading cabinet</source>
        <translation>Centras Securities · Сауда кабинеті</translation>
    </message>
    <message>
        <source>Search by ticker or name</source>
        <translation>Тикер не атау бойынша іздеу</translation>
    </message>
    <message>
        <source>Quick search (Ctrl+F)</source>
        <translation>Жылдам іздеу (Ctrl+F)</translation>
    </message>
    <message>
        <source>Watchlist settings</source>
        <translation>Құралдар тізімін баптау</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <source>Demo mode: a local mock of the broker&apos;s systems, no real money</source>
        <translation>Демо режимі: брокер жүйелерінің жергілікті үлгісі, нақты ақшасыз</translation>
    </message>
    <message>
        <source>Demo mode: orders and payments are simulated.</source>
        <translation>Демо режимі: тапсырыстар мен төлемдер шынайы емес.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Құпия сөзді өзгерту</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Түс тақырыбы</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Ашық</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Қараңғы</translation>
    </message>
    <message>
        <source>As in the system</source>
        <translation>Жүйедегідей</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Брокер</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Wrong login or password. No attempts left: the account has been locked.</source>
        <translation>Логин немесе құпия сөз қате. Әрекет қалмады: есептік жазба бұғатталды.</translation>
    </message>
    <message>
        <source>Too many failed attempts. The account is locked until %1.</source>
        <translation>Сәтсіз әрекеттер тым көп. Есептік жазба бұғатталды, қайта кіруге болатын уақыт: %1.</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your Internet connection and try again.</source>
        <translation>Серверге қосылу мүмкін емес. Интернет байланысын тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The server could not handle the request. Try again in a minute.</source>
        <translation>Сервер сұрауды өңдей алмады. Бір минуттан кейін қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Сұраулар тым көп. Біраз күтіп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The session has expired. Sign in again.</source>
        <translation>Сеанс мерзімі өтті. Қайта кіріңіз.</translation>
    </message>
    <message>
        <source>The password has expired. Change it to continue.</source>
        <translation>Құпия сөздің мерзімі өтті. Жалғастыру үшін оны өзгертіңіз.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Бұл әрекетке рұқсатыңыз жоқ.</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>Сұрау орындалмады: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Бірдеңе дұрыс болмады: %1</translation>
    </message>
    <message>
        <source>The password must be 8 to 12 characters long.</source>
        <translation>Құпия сөздің ұзындығы 8–12 таңба болуы керек.</translation>
    </message>
    <message>
        <source>The password must contain a digit.</source>
        <translation>Құпия сөзде цифр болуы керек.</translation>
    </message>
    <message>
        <source>The password must contain an upper-case letter.</source>
        <translation>Құпия сөзде бас әріп болуы керек.</translation>
    </message>
    <message>
        <source>The password must contain a lower-case letter.</source>
        <translation>Құпия сөзде кіші әріп болуы керек.</translation>
    </message>
    <message>
        <source>The password must contain a symbol.</source>
        <translation>Құпия сөзде арнайы таңба болуы керек.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Жаңа құпия сөз ағымдағысынан өзгеше болуы керек.</translation>
    </message>
    <message>
        <source>The password does not meet the policy.</source>
        <translation>Құпия сөз талаптарға сай емес.</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Your buy and sell orders for a chosen period, with their status.</source>
        <translation>Таңдалған кезеңдегі сатып алу және сату тапсырыстарыңыз және олардың күйі.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Home</source>
        <translation>Басты</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Портфель</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Тапсырыстар</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Транзакциялар</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Тапсырмалар</translation>
    </message>
</context>
<context>
    <name>PasswordToggle</name>
    <message>
        <source>Hide password</source>
        <translation>Құпия сөзді жасыру</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Құпия сөзді көрсету</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This section is not available in this version yet.</source>
        <translation>Бұл бөлім осы нұсқада әзірге қолжетімсіз.</translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message>
        <source>Securities and money on your sub-accounts, with their current value.</source>
        <translation>Қосалқы шоттарыңыздағы бағалы қағаздар мен ақша және олардың ағымдағы құны.</translation>
    </message>
</context>
<context>
    <name>TransactionsPage</name>
    <message>
        <source>Deals made on your orders: price, quantity, amount and fees.</source>
        <translation>Тапсырыстарыңыз бойынша жасалған мәмілелер: бағасы, саны, сомасы және комиссиялары.</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Wrong login or password. Attempts left: %n.</source>
        <translation>
            <numerusform>Логин немесе құпия сөз қате. Қалған әрекет саны: %n.</numerusform>
            <numerusform>Логин немесе құпия сөз қате. Қалған әрекет саны: %n.</numerusform>
        </translation>
    </message>
</context>
</TS>
