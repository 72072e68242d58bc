<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>Бағдарлама туралы</translation>
    </message>
    <message>
        <source>Centras Securities · Trading cabinet</source>
        <translation>Сентрас Секьюритиз · Сауда кабинеті</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Нұсқасы %1</translation>
    </message>
    <message>
        <source>Licence: proprietary. © Centras Securities JSC. The open-source components below keep their own licences.</source>
        <translation>Лицензия: меншікті. © «Сентрас Секьюритиз» АҚ. Төмендегі ашық бастапқы кодты құрамдастардың өз лицензиялары бар.</translation>
    </message>
    <message>
        <source>Qt %1 · PySide6 %2 · Python %3</source>
        <translation>Qt %1 · PySide6 %2 · Python %3</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Үшінші тарап құрамдастары туралы ескертпелер</translation>
    </message>
</context>
<context>
    <name>AccessibleCells</name>
    <message>
        <source>up</source>
        <translation>жоғары</translation>
    </message>
    <message>
        <source>down</source>
        <translation>төмен</translation>
    </message>
</context>
<context>
    <name>AccountNames</name>
    <message>
        <source>Brokerage account</source>
        <translation>Брокерлік шот</translation>
    </message>
    <message>
        <source>Brokerage account %1</source>
        <translation>Брокерлік шот %1</translation>
    </message>
</context>
<context>
    <name>AlertRulesDialog</name>
    <message>
        <source>More than zero, or leave it empty to switch the rule off.</source>
        <translation>Нөлден үлкен сан енгізіңіз немесе ережені өшіру үшін бос қалдырыңыз.</translation>
    </message>
    <message>
        <source>At most 100 %.</source>
        <translation>Ең көбі 100 %.</translation>
    </message>
    <message>
        <source>That is more than any client holds: check the number.</source>
        <translation>Бұл кез келген клиенттің қаражатынан көп: санды тексеріңіз.</translation>
    </message>
</context>
<context>
    <name>AlertRulesForm</name>
    <message>
        <source>Alert rules</source>
        <translation>Ескерту ережелері</translation>
    </message>
    <message>
        <source>An alert is raised once when a client crosses a rule, and again only after the client is back on the safe side. Leave a number empty to switch its rule off.</source>
        <translation>Клиент ережеден шыққанда ескерту бір рет беріледі, қайтадан тек клиент қауіпсіз жаққа оралғаннан кейін ғана беріледі. Ережені өшіру үшін оның санын бос қалдырыңыз.</translation>
    </message>
    <message>
        <source>Day&apos;s loss of a client, at least</source>
        <translation>Клиенттің күндік шығыны, кемінде</translation>
    </message>
    <message>
        <source>or a day&apos;s loss, at least</source>
        <translation>немесе күндік шығын, кемінде</translation>
    </message>
    <message>
        <source>A withdrawal above</source>
        <translation>Ақшаны алу, мына сомадан жоғары</translation>
    </message>
    <message>
        <source>A client&apos;s order is rejected</source>
        <translation>Клиенттің тапсырысы қабылданбады</translation>
    </message>
    <message>
        <source>A client&apos;s cash goes below zero</source>
        <translation>Клиенттің ақша қалдығы нөлден төмен түсті</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <source>No active alerts. New ones also show as a desktop notice.</source>
        <translation>Белсенді ескертулер жоқ. Жаңалары жұмыс үстеліндегі хабарлама ретінде де шығады.</translation>
    </message>
    <message>
        <source>Nothing acknowledged yet.</source>
        <translation>Әзірге ештеңе расталмаған.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Ескертулер</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Ескерту</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Расталды</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Клиентті ашу</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Растау</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Барлығын растау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Active (%1)</source>
        <translation>Белсенді (%1)</translation>
    </message>
</context>
<context>
    <name>BackupCodesDialog</name>
    <message>
        <source>Backup codes for two-step sign-in, Centras Securities</source>
        <translation>Екі кезеңді кіруге арналған резервтік кодтар, Centras Securities</translation>
    </message>
    <message>
        <source>Each code works once.</source>
        <translation>Әр код бір рет қана жарамды.</translation>
    </message>
    <message>
        <source>Save backup codes</source>
        <translation>Резервтік кодтарды сақтау</translation>
    </message>
    <message>
        <source>Text file (*.txt)</source>
        <translation>Мәтіндік файл (*.txt)</translation>
    </message>
    <message>
        <source>The codes are on the clipboard.</source>
        <translation>Кодтар алмасу буферіне көшірілді.</translation>
    </message>
    <message>
        <source>The codes were saved to %1.</source>
        <translation>Кодтар %1 файлына сақталды.</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Файлды сақтау мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>Backup codes</source>
        <translation>Резервтік кодтар</translation>
    </message>
    <message>
        <source>Save your backup codes</source>
        <translation>Резервтік кодтарыңызды сақтаңыз</translation>
    </message>
    <message>
        <source>Each code signs you in once when your phone is not at hand. They are shown only now: copy them or save them to a file, and keep them somewhere safe.</source>
        <translation>Телефоныңыз қолыңызда болмаған кезде әр код бір рет кіруге мүмкіндік береді. Олар тек қазір көрсетіледі: көшіріп алыңыз немесе файлға сақтап, қауіпсіз жерде ұстаңыз.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>Copy the codes to the clipboard</source>
        <translation>Кодтарды алмасу буферіне көшіру</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>Файлға сақтау…</translation>
    </message>
    <message>
        <source>I have saved these codes</source>
        <translation>Мен бұл кодтарды сақтадым</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Дайын</translation>
    </message>
    <message>
        <source>Tick “I have saved these codes” first: they are not shown again.</source>
        <translation>Алдымен «Мен бұл кодтарды сақтадым» белгісін қойыңыз: олар қайта көрсетілмейді.</translation>
    </message>
</context>
<context>
    <name>BookAlerts</name>
    <message>
        <source>Day&apos;s loss</source>
        <translation>Күндік шығын</translation>
    </message>
    <message>
        <source>Order rejected</source>
        <translation>Тапсырыс қабылданбады</translation>
    </message>
    <message>
        <source>Large withdrawal</source>
        <translation>Ірі сомаға ақша алу</translation>
    </message>
    <message>
        <source>Cash below zero</source>
        <translation>Ақша нөлден төмен</translation>
    </message>
    <message>
        <source>Down today: %1</source>
        <translation>Бүгінгі төмендеу: %1</translation>
    </message>
    <message>
        <source>Order No. %1 was rejected</source>
        <translation>№ %1 тапсырыс қабылданбады</translation>
    </message>
    <message>
        <source>Asked to withdraw %1</source>
        <translation>%1 алуға өтінім берді</translation>
    </message>
    <message>
        <source>Cash is %1</source>
        <translation>Ақша қалдығы: %1</translation>
    </message>
</context>
<context>
    <name>BookModel</name>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ЖСН</translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation>Қосалқы шоттар</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Құны</translation>
    </message>
    <message>
        <source>Day&apos;s change</source>
        <translation>Күндік өзгеріс</translation>
    </message>
    <message>
        <source>Day&apos;s change %</source>
        <translation>Күндік өзгеріс, %</translation>
    </message>
    <message>
        <source>Unrealized P/L</source>
        <translation>Іске аспаған пайда/шығын</translation>
    </message>
    <message>
        <source>Cash KZT</source>
        <translation>Ақша, KZT</translation>
    </message>
    <message>
        <source>Cash USD</source>
        <translation>Ақша, USD</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Бұғатталған</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Ашық тапсырыстар</translation>
    </message>
    <message>
        <source>Withdrawals</source>
        <translation>Ақша алу</translation>
    </message>
    <message>
        <source>Withdrawals in progress</source>
        <translation>Орындалып жатқан ақша алу</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Соңғы әрекет</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Ескертулер</translation>
    </message>
</context>
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
        <source>Choose your own password</source>
        <translation>Өз құпия сөзіңізді таңдаңыз</translation>
    </message>
    <message>
        <source>Your broker issued this password: choose your own before you go on.</source>
        <translation>Бұл құпия сөзді брокеріңіз берген: жалғастыру алдында өзіңіздікін таңдаңыз.</translation>
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
    <name>ChartWindow</name>
    <message>
        <source>Loading the chart…</source>
        <translation>Кесте жүктелуде…</translation>
    </message>
    <message>
        <source>No trades in this period yet.</source>
        <translation>Бұл кезеңде әзірге мәмілелер жоқ.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашылу</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Ең жоғары</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Ең төмен</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабылу</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Көлем</translation>
    </message>
    <message>
        <source>1m</source>
        <translation>1 мин</translation>
    </message>
    <message>
        <source>5m</source>
        <translation>5 мин</translation>
    </message>
    <message>
        <source>1h</source>
        <translation>1 сағ</translation>
    </message>
    <message>
        <source>1d</source>
        <translation>1 күн</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Сатып алу</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Сату</translation>
    </message>
    <message>
        <source>Chart · %1</source>
        <translation>Кесте · %1</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>IIN %1</source>
        <translation>ЖСН %1</translation>
    </message>
    <message>
        <source>Loading clients…</source>
        <translation>Клиенттер жүктелуде…</translation>
    </message>
    <message>
        <source>The client list did not load</source>
        <translation>Клиенттер тізімі жүктелмеді</translation>
    </message>
    <message>
        <source>No clients assigned</source>
        <translation>Тағайындалған клиенттер жоқ</translation>
    </message>
    <message>
        <source>Whose data is shown (read-only): %1</source>
        <translation>Кімнің деректері көрсетілуде (тек қарау): %1</translation>
    </message>
    <message>
        <source>Choose whose data to watch</source>
        <translation>Кімнің деректерін қарайтыныңызды таңдаңыз</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Қайталау</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Loading the book…</source>
        <translation>Клиенттер базасы жүктелуде…</translation>
    </message>
    <message>
        <source>Every client&apos;s summary and positions are read once, then kept live.</source>
        <translation>Әр клиенттің жиынтығы мен позициялары бір рет оқылады, содан кейін нақты уақытта жаңарып отырады.</translation>
    </message>
    <message>
        <source>No clients match the filters</source>
        <translation>Сүзгілерге сәйкес клиенттер жоқ</translation>
    </message>
    <message>
        <source>Change the search or the toggles above, or reset the filters.</source>
        <translation>Жоғарыдағы іздеуді немесе ауыстырғыштарды өзгертіңіз не сүзгілерді тастаңыз.</translation>
    </message>
    <message>
        <source>No clients in the book</source>
        <translation>Базада клиенттер жоқ</translation>
    </message>
    <message>
        <source>Clients assigned to you by the back office show here.</source>
        <translation>Бэк-офис сізге бекіткен клиенттер осында көрсетіледі.</translation>
    </message>
    <message>
        <source>The book could not be loaded</source>
        <translation>Клиенттер базасы жүктелмеді</translation>
    </message>
    <message>
        <source>Clients: %1</source>
        <translation>Клиенттер: %1</translation>
    </message>
    <message>
        <source>This client is no longer in your list.</source>
        <translation>Бұл клиент енді сіздің тізіміңізде жоқ.</translation>
    </message>
    <message>
        <source>Type a percentage, such as 5.</source>
        <translation>Пайызды енгізіңіз, мысалы, 5.</translation>
    </message>
    <message>
        <source>At most 100 %.</source>
        <translation>Ең көбі 100 %.</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Ескерту: %1</translation>
    </message>
    <message>
        <source>Load the book again</source>
        <translation>Базаны қайта жүктеу</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Клиентті ашу</translation>
    </message>
    <message>
        <source>Name or IIN</source>
        <translation>Аты-жөні немесе ЖСН</translation>
    </message>
    <message>
        <source>Search clients by name or IIN</source>
        <translation>Клиенттерді аты-жөні немесе ЖСН бойынша іздеу</translation>
    </message>
    <message>
        <source>Has open orders</source>
        <translation>Ашық тапсырыстары бар</translation>
    </message>
    <message>
        <source>Has withdrawals in progress</source>
        <translation>Орындалып жатқан ақша алуы бар</translation>
    </message>
    <message>
        <source>Down more than</source>
        <translation>Төмендеуі мынадан көп</translation>
    </message>
    <message>
        <source>Day&apos;s loss, %</source>
        <translation>Күндік шығын, %</translation>
    </message>
    <message>
        <source>Clients whose day&apos;s change is below minus this %</source>
        <translation>Күндік өзгерісі осы пайыздың минусынан төмен клиенттер</translation>
    </message>
    <message>
        <source>Alert rules…</source>
        <translation>Ескерту ережелері…</translation>
    </message>
    <message>
        <source>When an alert is raised</source>
        <translation>Ескерту қашан берілетіні</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиенттер</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Құны</translation>
    </message>
    <message>
        <source>Day&apos;s change</source>
        <translation>Күндік өзгеріс</translation>
    </message>
    <message>
        <source>Cash KZT</source>
        <translation>Ақша, KZT</translation>
    </message>
    <message>
        <source>Cash USD</source>
        <translation>Ақша, USD</translation>
    </message>
    <message>
        <source>Whole book</source>
        <translation>Бүкіл база</translation>
    </message>
    <message>
        <source>Shown by the filters</source>
        <translation>Сүзгі бойынша көрсетілгені</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>Ескертулер: %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Ескертулер</translation>
    </message>
    <message>
        <source>Active alerts and the acknowledged ones</source>
        <translation>Белсенді және расталған ескертулер</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Connecting…</source>
        <translation>Қосылуда…</translation>
    </message>
    <message>
        <source>Connecting to live quotes and order updates.</source>
        <translation>Баға белгілеулері мен тапсырыс күйлерінің ағынына қосылуда.</translation>
    </message>
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
    <name>ContactChangeForm</name>
    <message>
        <source>Signing was cancelled. Nothing was sent; your details are as they were.</source>
        <translation>Қол қою тоқтатылды. Ештеңе жіберілген жоқ; деректеріңіз бұрынғыдай.</translation>
    </message>
    <message>
        <source>Checking with the broker…</source>
        <translation>Брокермен тексерілуде…</translation>
    </message>
    <message>
        <source>The document you sign:</source>
        <translation>Қол қоятын құжатыңыз:</translation>
    </message>
    <message>
        <source>The exact text you sign appears here once the broker has checked it.</source>
        <translation>Брокер тексергеннен кейін қол қоятын мәтін дәл осында пайда болады.</translation>
    </message>
    <message>
        <source>Your request went to the broker: instruction No. %1</source>
        <translation>Өтінішіңіз брокерге жіберілді: № %1 тапсырма</translation>
    </message>
    <message>
        <source>%1. It is on the Instructions page, where you can follow its status (now: %2). Your details change once the broker executes it.</source>
        <translation>%1. Ол «Тапсырмалар» бетінде, күйін сол жерден қадағалай аласыз (қазір: %2). Деректеріңіз брокер оны орындағаннан кейін өзгереді.</translation>
    </message>
    <message>
        <source>Enter the new mobile number.</source>
        <translation>Жаңа ұялы нөмірді енгізіңіз.</translation>
    </message>
    <message>
        <source>A mobile number is +7 and 10 digits: +7 7xx xxx xx xx.</source>
        <translation>Ұялы нөмір +7 және 10 цифрдан тұрады: +7 7xx xxx xx xx.</translation>
    </message>
    <message>
        <source>This is not a Kazakh mobile number: it starts +7 700–708, 747, 760–764, 771, 775–778 or 785.</source>
        <translation>Бұл қазақстандық ұялы нөмір емес: ол +7 700–708, 747, 760–764, 771, 775–778 немесе 785-тен басталады.</translation>
    </message>
    <message>
        <source>Enter the new e-mail address.</source>
        <translation>Жаңа электрондық пошта мекенжайын енгізіңіз.</translation>
    </message>
    <message>
        <source>This is not an e-mail address, like name@example.kz.</source>
        <translation>Бұл name@example.kz сияқты электрондық пошта мекенжайы емес.</translation>
    </message>
    <message>
        <source>This address is too long.</source>
        <translation>Бұл мекенжай тым ұзын.</translation>
    </message>
    <message>
        <source>This is what is on file already.</source>
        <translation>Бұл деректер қазірдің өзінде тіркелген.</translation>
    </message>
    <message>
        <source>Enter the new value.</source>
        <translation>Жаңа мәнді енгізіңіз.</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>Бұл өрісті тексеріңіз.</translation>
    </message>
    <message>
        <source>Only an EDS signature can change your contact details, not an SMS code.</source>
        <translation>Байланыс деректерін SMS кодымен емес, тек ЭСҚ арқылы өзгертуге болады.</translation>
    </message>
    <message>
        <source>The document has expired. Sign again: a new one will be made.</source>
        <translation>Құжаттың мерзімі өтті. Қайта қол қойыңыз: жаңасы жасалады.</translation>
    </message>
    <message>
        <source>You are not allowed to change these details.</source>
        <translation>Бұл деректерді өзгертуге рұқсатыңыз жоқ.</translation>
    </message>
    <message>
        <source>This request has already been signed and sent. See Instructions.</source>
        <translation>Бұл өтінішке қол қойылып, жіберілген. «Тапсырмалар» бетін қараңыз.</translation>
    </message>
    <message>
        <source>Change phone</source>
        <translation>Телефонды өзгерту</translation>
    </message>
    <message>
        <source>Change e-mail</source>
        <translation>Электрондық поштаны өзгерту</translation>
    </message>
    <message>
        <source>none</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>Phone on file: %1</source>
        <translation>Тіркелген телефон: %1</translation>
    </message>
    <message>
        <source>E-mail on file: %1</source>
        <translation>Тіркелген электрондық пошта: %1</translation>
    </message>
    <message>
        <source>New mobile phone</source>
        <translation>Жаңа ұялы телефон</translation>
    </message>
    <message>
        <source>New e-mail</source>
        <translation>Жаңа электрондық пошта</translation>
    </message>
    <message>
        <source>Signed with EDS only: SMS codes go to the phone on file, so an SMS code cannot authorise changing it.</source>
        <translation>Тек ЭСҚ арқылы қол қойылады: SMS кодтар тіркелген телефонға келеді, сондықтан SMS код оны өзгертуді растай алмайды.</translation>
    </message>
    <message>
        <source>Sign with EDS</source>
        <translation>ЭСҚ арқылы қол қою</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <source>Contact support</source>
        <translation>Қолдау қызметіне хабарласу</translation>
    </message>
    <message>
        <source>Centras Securities support desk</source>
        <translation>«Сентрас Секьюритиз» қолдау қызметі</translation>
    </message>
    <message>
        <source>Questions about the cabinet, orders, transfers or access: call or write to us.</source>
        <translation>Кабинет, тапсырыстар, аударымдар немесе кіру туралы сұрақтар бойынша бізге қоңырау шалыңыз немесе жазыңыз.</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Электрондық пошта:</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Жұмыс уақыты:</translation>
    </message>
    <message>
        <source>09:00–18:00 Almaty time, working days (Monday to Friday)</source>
        <translation>Жұмыс күндері (дүйсенбі–жұма) Алматы уақытымен 09:00–18:00</translation>
    </message>
    <message>
        <source>Report a problem sends the support desk a description with a screenshot and the app&apos;s log, so they can help faster.</source>
        <translation>«Мәселе туралы хабарлау» қолдау қызметіне сипаттаманы скриншотпен және қосымша журналымен бірге жібереді, сондықтан көмек жылдамырақ келеді.</translation>
    </message>
    <message>
        <source>Report a problem…</source>
        <translation>Мәселе туралы хабарлау…</translation>
    </message>
</context>
<context>
    <name>DecimalField</name>
    <message>
        <source>“%1” is not a digit: type digits only.</source>
        <translation>«%1» — цифр емес: тек цифрлар енгізіңіз.</translation>
    </message>
    <message>
        <source>“%1” is not a digit: type digits and one decimal mark, a comma or a point.</source>
        <translation>«%1» — цифр емес: цифрлар мен бір бөлшек белгісін (үтір не нүкте) енгізіңіз.</translation>
    </message>
    <message>
        <source>The number must be positive: no minus sign.</source>
        <translation>Сан оң болуы керек: минус таңбасы болмайды.</translation>
    </message>
    <message>
        <source>Only a whole number here: lots cannot be split.</source>
        <translation>Мұнда тек бүтін сан: лотты бөлуге болмайды.</translation>
    </message>
    <message>
        <source>At most %1 digits after the decimal mark.</source>
        <translation>Үтірден кейін ең көбі %1 таңба.</translation>
    </message>
    <message>
        <source>Only one decimal mark, a comma or a point.</source>
        <translation>Бөлшек белгісі біреу ғана болады: үтір не нүкте.</translation>
    </message>
    <message>
        <source>Spaces may only separate thousands, as in 50 000.</source>
        <translation>Бос орын тек мыңдықтарды бөледі, мысалы: 50 000.</translation>
    </message>
    <message>
        <source>Too many digits for this field.</source>
        <translation>Бұл өріс үшін цифр тым көп.</translation>
    </message>
    <message>
        <source>Thousands or a fraction? Type the number without a thousands separator.</source>
        <translation>Мыңдық па, бөлшек пе? Санды мыңдық бөлгішсіз енгізіңіз.</translation>
    </message>
    <message>
        <source>Too long to be a number: it was not pasted.</source>
        <translation>Сан болу үшін тым ұзын: ол қойылмады.</translation>
    </message>
</context>
<context>
    <name>DemoSmsNotice</name>
    <message>
        <source>SMS · Centras Securities</source>
        <translation>SMS · Centras Securities</translation>
    </message>
    <message>
        <source>Your code: %1. Do not tell it to anyone.</source>
        <translation>Растау кодыңыз: %1. Оны ешкімге айтпаңыз.</translation>
    </message>
    <message>
        <source>Demo: sent to %1, shown here instead of on the phone.</source>
        <translation>Демо: %1 нөміріне жіберілді, телефонның орнына осында көрсетілді.</translation>
    </message>
    <message>
        <source>Fill in</source>
        <translation>Кодты енгізу</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>SMS code %1</source>
        <translation>SMS коды %1</translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation>Кіру коды</translation>
    </message>
    <message>
        <source>Password reset code</source>
        <translation>Құпия сөзді қалпына келтіру коды</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>EdsDialog</name>
    <message>
        <source>Connecting to NCALayer…</source>
        <translation>NCALayer-ге қосылуда…</translation>
    </message>
    <message>
        <source>Choose your key in NCALayer</source>
        <translation>NCALayer-де кілтіңізді таңдаңыз</translation>
    </message>
    <message>
        <source>Sending the signed withdrawal…</source>
        <translation>Қол қойылған ақша алу өтінімі жіберілуде…</translation>
    </message>
    <message>
        <source>Sending the signed instruction…</source>
        <translation>Қол қойылған тапсырма жіберілуде…</translation>
    </message>
    <message>
        <source>Sending the signed order…</source>
        <translation>Қол қойылған тапсырыс жіберілуде…</translation>
    </message>
    <message>
        <source>NCALayer is not running</source>
        <translation>NCALayer іске қосылмаған</translation>
    </message>
    <message>
        <source>NCALayer could not sign</source>
        <translation>NCALayer қол қоя алмады</translation>
    </message>
    <message>
        <source>The broker did not accept the signature</source>
        <translation>Брокер қолтаңбаны қабылдамады</translation>
    </message>
    <message>
        <source>No answer from the broker</source>
        <translation>Брокерден жауап жоқ</translation>
    </message>
    <message>
        <source>This key is not yours</source>
        <translation>Бұл кілт сіздікі емес</translation>
    </message>
    <message>
        <source>Choose your key in KAZTOKEN desktop</source>
        <translation>KAZTOKEN desktop-та кілтіңізді таңдаңыз</translation>
    </message>
    <message>
        <source>NCALayer signs with your EDS key on this computer. The withdrawal text you see in the form is what you sign.</source>
        <translation>NCALayer осы компьютердегі ЭСҚ кілтіңізбен қол қояды. Формада көрсетілген ақша алу мәтініне қол қоясыз.</translation>
    </message>
    <message>
        <source>NCALayer signs with your EDS key on this computer. The document you see in the form is what you sign.</source>
        <translation>NCALayer осы компьютердегі ЭСҚ кілтіңізбен қол қояды. Формада көріп тұрған құжатыңызға қол қоясыз.</translation>
    </message>
    <message>
        <source>NCALayer signs with your EDS key on this computer. The order text you see in the form is what you sign.</source>
        <translation>NCALayer осы компьютердегі ЭСҚ кілтіңізбен қол қояды. Сіз нысанда көріп тұрған тапсырыс мәтініне қол қоясыз.</translation>
    </message>
    <message>
        <source>KAZTOKEN desktop has opened its window: choose your signing key, type the PIN and confirm. Take your time: this window waits.</source>
        <translation>KAZTOKEN desktop өз терезесін ашты: қол қою кілтіңізді таңдап, PIN-кодты теріп, растаңыз. Асықпаңыз: бұл терезе күтеді.</translation>
    </message>
    <message>
        <source>NCALayer has opened its window: choose the key storage and your signing key, type the password and confirm. Take your time: this window waits.</source>
        <translation>NCALayer өз терезесін ашты: кілт сақтау орнын және қол қою кілтіңізді таңдап, құпия сөзді енгізіп, растаңыз. Асықпаңыз: бұл терезе күтеді.</translation>
    </message>
    <message>
        <source>Nothing was sent. Press Retry and choose the EDS key issued to you.</source>
        <translation>Ештеңе жіберілген жоқ. «Қайталау» батырмасын басып, өзіңізге берілген ЭСҚ кілтін таңдаңыз.</translation>
    </message>
    <message>
        <source>Start NCALayer (from the Start menu, the desktop or the tray) and press Retry. If it is not installed, download it from %1, install it, start it and press Retry.</source>
        <translation>NCALayer-ді іске қосыңыз (Пуск мәзірінен, жұмыс үстелінен немесе науадан) да, «Қайталау» батырмасын басыңыз. Егер ол орнатылмаған болса, оны %1 сайтынан жүктеп алып, орнатыңыз, іске қосыңыз және «Қайталау» батырмасын басыңыз.</translation>
    </message>
    <message>
        <source>Check the key storage and the key, then press Retry.</source>
        <translation>Кілт сақтау орнын және кілтті тексеріп, «Қайталау» батырмасын басыңыз.</translation>
    </message>
    <message>
        <source>Nothing was placed. Press Retry to sign again.</source>
        <translation>Ештеңе жіберілген жоқ. Қайта қол қою үшін «Қайталау» батырмасын басыңыз.</translation>
    </message>
    <message>
        <source>The withdrawal may already be made. Retry sends the same signed withdrawal again: the broker can never make it twice.</source>
        <translation>Ақша алу өтінімі қабылданып қойған болуы мүмкін. «Қайталау» сол қол қойылған өтінімді қайта жібереді: брокер оны ешқашан екі рет орындамайды.</translation>
    </message>
    <message>
        <source>The instruction may already be made. Retry sends the same signed instruction again: the broker can never make it twice.</source>
        <translation>Тапсырма жасалып қойған болуы мүмкін. «Қайталау» сол қол қойылған тапсырманы қайта жібереді: брокер оны ешқашан екі рет жасамайды.</translation>
    </message>
    <message>
        <source>The order may already be placed. Retry sends the same signed order again: the broker can never place it twice.</source>
        <translation>Тапсырыс қойылып та қойған болуы мүмкін. «Қайталау» сол қол қойылған тапсырысты қайта жібереді: брокер оны екі рет қоя алмайды.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Қосылған бағдарлама: %1.</translation>
    </message>
    <message>
        <source>Signed by %1, IIN %2, certificate valid until %3.</source>
        <translation>Қол қойған: %1, ЖСН %2, сертификат %3 дейін жарамды.</translation>
    </message>
    <message>
        <source>The chosen certificate belongs to %1 (IIN %2), not to the client of this account. The broker would refuse it.</source>
        <translation>Таңдалған сертификат %1 (ЖСН %2) адамға тиесілі, бұл шоттың клиентіне емес. Брокер оны қабылдамайды.</translation>
    </message>
    <message>
        <source>No signing key was found in the chosen storage.</source>
        <translation>Таңдалған сақтау орнынан қол қою кілті табылмады.</translation>
    </message>
    <message>
        <source>NCALayer closed the connection.</source>
        <translation>NCALayer байланысты жапты.</translation>
    </message>
    <message>
        <source>NCALayer did not answer.</source>
        <translation>NCALayer жауап бермеді.</translation>
    </message>
    <message>
        <source>NCALayer answered something that cannot be read. Restart NCALayer and try again.</source>
        <translation>NCALayer оқуға келмейтін жауап берді. NCALayer-ді қайта іске қосып, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>NCALayer said: %1</source>
        <translation>NCALayer жауабы: %1</translation>
    </message>
    <message>
        <source>The signature could not be verified.</source>
        <translation>Қолтаңбаны тексеру мүмкін болмады.</translation>
    </message>
    <message>
        <source>The certificate is not trusted: it has expired, been revoked, or was not issued by the National Certification Centre.</source>
        <translation>Сертификатқа сенім жоқ: оның мерзімі өткен, ол кері қайтарылған немесе оны Ұлттық куәландырушы орталық бермеген.</translation>
    </message>
    <message>
        <source>The key belongs to someone else. Sign with your own EDS key.</source>
        <translation>Кілт басқа адамға тиесілі. Өзіңіздің ЭСҚ кілтіңізбен қол қойыңыз.</translation>
    </message>
    <message>
        <source>The signature&apos;s timestamp could not be verified: the signing time is not trustworthy.</source>
        <translation>Қолтаңбаның уақыт белгісі тексерілмеді: қол қойылған уақытқа сенуге болмайды.</translation>
    </message>
    <message>
        <source>The signed text differs from the withdrawal document.</source>
        <translation>Қол қойылған мәтін ақша алу құжатынан өзгеше.</translation>
    </message>
    <message>
        <source>The signed text differs from the document.</source>
        <translation>Қол қойылған мәтін құжаттан өзгеше.</translation>
    </message>
    <message>
        <source>The signed text differs from the order document.</source>
        <translation>Қол қойылған мәтін тапсырыс құжатынан өзгеше.</translation>
    </message>
</context>
<context>
    <name>EdsForm</name>
    <message>
        <source>Sign with EDS</source>
        <translation>ЭСҚ арқылы қол қою</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Қайталау</translation>
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
    <name>Export</name>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Currency (%1)</source>
        <translation>Валюта (%1)</translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel кітабы (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV файлы (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Файлды сақтау мүмкін болмады: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation>
            <numerusform>%n жол %1 файлына сақталды</numerusform>
            <numerusform>%n жол %1 файлына сақталды</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the rows to copy first.</source>
        <translation>Алдымен көшірілетін жолдарды таңдаңыз.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) copied to the clipboard</source>
        <translation>
            <numerusform>%n жол алмасу буферіне көшірілді</numerusform>
            <numerusform>%n жол алмасу буферіне көшірілді</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспортталуда…</translation>
    </message>
    <message>
        <source>Save the rows shown to a file, or copy the selected rows</source>
        <translation>Көрсетілген жолдарды файлға сақтау немесе таңдалған жолдарды көшіру</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>CSV-ге экспорттау…</translation>
    </message>
    <message>
        <source>Export to Excel (XLSX)…</source>
        <translation>Excel-ге экспорттау (XLSX)…</translation>
    </message>
    <message>
        <source>Copy selected rows</source>
        <translation>Таңдалған жолдарды көшіру</translation>
    </message>
</context>
<context>
    <name>FaultsTab</name>
    <message>
        <source>On: every call waits %1 ms</source>
        <translation>Қосулы: әр сұрау %1 мс күтеді</translation>
    </message>
    <message>
        <source>every /api/v1 call</source>
        <translation>әр /api/v1 сұрауының</translation>
    </message>
    <message>
        <source>On: %1 % of %2 answer %3</source>
        <translation>Қосулы: %2 %1 %-ы %3 жауап береді</translation>
    </message>
    <message>
        <source>On: streams are dropped and refused</source>
        <translation>Қосулы: ағындар үзіліп, қабылданбайды</translation>
    </message>
    <message>
        <source>creating and confirming orders, withdrawals, requests</source>
        <translation>тапсырыстарды, ақша шығаруды, өтініштерді құру және растау</translation>
    </message>
    <message>
        <source>On: the next %1 of %2 commit, then lose their answer</source>
        <translation>Қосулы: %2 келесі %1 сұрауы сақталады, бірақ жауабы жоғалады</translation>
    </message>
    <message>
        <source>On: answers arrive at %1 bytes a second</source>
        <translation>Қосулы: жауаптар секундына %1 байтпен келеді</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Өшірулі</translation>
    </message>
    <message>
        <source>, until cleared.</source>
        <translation>, өшірілгенге дейін.</translation>
    </message>
    <message>
        <source>, until %1 on the mock&apos;s clock.</source>
        <translation>, имитация сервері сағаты бойынша %1 дейін.</translation>
    </message>
    <message>
        <source>Turning on: %1…</source>
        <translation>Қосылуда: %1…</translation>
    </message>
    <message>
        <source>Turning off: %1…</source>
        <translation>Өшірілуде: %1…</translation>
    </message>
    <message>
        <source>Clearing every fault…</source>
        <translation>Барлық ақаулар өшірілуде…</translation>
    </message>
    <message>
        <source>Every fault is off.</source>
        <translation>Барлық ақаулар өшірілді.</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Ақаулар</translation>
    </message>
    <message>
        <source>Faults hit the cabinet API (/api/v1) of every client of this mock, not only this app. Times are on the mock&apos;s clock.</source>
        <translation>Ақаулар осы имитация серверінің барлық клиенттерінің кабинет API-іне (/api/v1) әсер етеді, тек осы қолданбаға емес. Уақыт имитация серверінің сағаты бойынша.</translation>
    </message>
    <message>
        <source>Injected faults</source>
        <translation>Енгізілген ақаулар</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Кідіріс</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Қателер</translation>
    </message>
    <message>
        <source>Stream drop</source>
        <translation>Ағынның үзілуі</translation>
    </message>
    <message>
        <source>Crash after commit</source>
        <translation>Сақтаудан кейінгі ақау</translation>
    </message>
    <message>
        <source>Slow answers</source>
        <translation>Баяу жауаптар</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>мс</translation>
    </message>
    <message>
        <source>% of calls</source>
        <translation>% сұраулар</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>секунд</translation>
    </message>
    <message>
        <source>next calls</source>
        <translation>келесі сұраулар</translation>
    </message>
    <message>
        <source>bytes a second</source>
        <translation>байт/сек</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Өшіру</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Үзу</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>status</source>
        <translation>күйі</translation>
    </message>
    <message>
        <source>HTTP status of the errors</source>
        <translation>Қателердің HTTP күйі</translation>
    </message>
    <message>
        <source>path</source>
        <translation>жол</translation>
    </message>
    <message>
        <source>Which calls (method and path pattern)</source>
        <translation>Қай сұраулар (әдіс пен жол үлгісі)</translation>
    </message>
    <message>
        <source>default calls</source>
        <translation>әдепкі сұраулар</translation>
    </message>
    <message>
        <source>A path pattern with * wildcards, optionally after a method, e.g. POST /api/v1/orders/*/confirm. Empty: the default calls.</source>
        <translation>* таңбасы бар жол үлгісі, алдында әдіс болуы мүмкін, мысалы POST /api/v1/orders/*/confirm. Бос болса: әдепкі сұраулар.</translation>
    </message>
    <message>
        <source>Clear all faults</source>
        <translation>Барлық ақауларды өшіру</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Оқылуда…</translation>
    </message>
</context>
<context>
    <name>ForgotPasswordPage</name>
    <message>
        <source>The code is no longer valid. Ask for a new one.</source>
        <translation>Код енді жарамсыз. Жаңасын сұраңыз.</translation>
    </message>
    <message>
        <source>Enter your login or IIN.</source>
        <translation>Логиніңізді немесе ЖСН-ді енгізіңіз.</translation>
    </message>
    <message>
        <source>The new password does not meet every rule below.</source>
        <translation>Жаңа құпия сөз төмендегі талаптардың бәріне сай емес.</translation>
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
        <source>Forgot password?</source>
        <translation>Құпия сөзді ұмыттыңыз ба?</translation>
    </message>
    <message>
        <source>Enter your login or IIN. We will send a code by SMS to the phone your broker has on file.</source>
        <translation>Логиніңізді немесе ЖСН-ді енгізіңіз. Брокерде тіркелген телефонға SMS арқылы код жібереміз.</translation>
    </message>
    <message>
        <source>&amp;Login or IIN</source>
        <translation>&amp;Логин немесе ЖСН</translation>
    </message>
    <message>
        <source>Your login or IIN</source>
        <translation>Логиніңіз немесе ЖСН</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>Код жіберу</translation>
    </message>
    <message>
        <source>Set a new password</source>
        <translation>Жаңа құпия сөз орнату</translation>
    </message>
    <message>
        <source>We sent a code to %1. It is valid for 5 minutes.</source>
        <translation>%1 нөміріне код жібердік. Ол 5 минут жарамды.</translation>
    </message>
    <message>
        <source>&amp;Code from the SMS</source>
        <translation>SMS-тегі &amp;код</translation>
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
        <source>Set password and sign in</source>
        <translation>Құпия сөзді орнатып, кіру</translation>
    </message>
    <message>
        <source>Back to sign-in</source>
        <translation>Кіру бетіне оралу</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Times are this computer&apos;s</source>
        <translation>Уақыт осы компьютер бойынша көрсетілген</translation>
    </message>
    <message>
        <source>Times are Almaty time (UTC+5)</source>
        <translation>Уақыт Алматы бойынша көрсетілген (UTC+5)</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>Пайдаланушы нұсқаулығы</translation>
    </message>
    <message>
        <source>Find in the guide</source>
        <translation>Нұсқаулықтан іздеу</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Іздеуді тазалау</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Мазмұны</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>Help</source>
        <translation>Анықтама</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Пайдаланушы нұсқаулығы</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Пернелер тіркесімдері</translation>
    </message>
    <message>
        <source>Contact support</source>
        <translation>Қолдау қызметіне хабарласу</translation>
    </message>
    <message>
        <source>Report a problem…</source>
        <translation>Мәселе туралы хабарлау…</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Менің өтініштерім</translation>
    </message>
    <message>
        <source>Check for updates…</source>
        <translation>Жаңартуларды тексеру…</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Бағдарлама туралы</translation>
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
        <source>Sub-accounts</source>
        <translation>Қосалқы шоттар</translation>
    </message>
    <message>
        <source>Welcome, %1</source>
        <translation>Қош келдіңіз, %1</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Сатып алу</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Сату</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Тізімнен шығару</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>График</translation>
    </message>
    <message>
        <source>Loading your lists…</source>
        <translation>Тізімдеріңіз жүктелуде…</translation>
    </message>
    <message>
        <source>The lists did not load. Refresh (F5) to try again.</source>
        <translation>Тізімдер жүктелмеді. Қайталау үшін жаңартыңыз (F5).</translation>
    </message>
    <message>
        <source>Today: %1 (%2)</source>
        <translation>Бүгін: %1 (%2)</translation>
    </message>
    <message>
        <source>Click to open the details</source>
        <translation>Егжей-тегжейлерді ашу үшін басыңыз</translation>
    </message>
    <message>
        <source>No orders or instructions yet.</source>
        <translation>Әзірге тапсырыстар мен тапсырмалар жоқ.</translation>
    </message>
    <message>
        <source>International</source>
        <translation>International</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Портфель</translation>
    </message>
    <message>
        <source>Total value</source>
        <translation>Жалпы құны</translation>
    </message>
    <message>
        <source>Available cash</source>
        <translation>Қолжетімді ақша</translation>
    </message>
    <message>
        <source>No sub-accounts yet.</source>
        <translation>Қосалқы шоттар әзірге жоқ.</translation>
    </message>
    <message>
        <source>Withdraw money</source>
        <translation>Ақшаны алу</translation>
    </message>
    <message>
        <source>Viewing %1 · read-only</source>
        <translation>%1 деректері · тек қарау</translation>
    </message>
    <message>
        <source>Choose a client in the top bar to see their data.</source>
        <translation>Деректерін көру үшін жоғарғы жолақта клиентті таңдаңыз.</translation>
    </message>
    <message>
        <source>Withdraw cash to your own bank account, signed by SMS or EDS</source>
        <translation>Ақшаны өз банк шотыңызға шығару, SMS немесе ЭСҚ арқылы қол қойып</translation>
    </message>
    <message>
        <source>Recent orders and instructions</source>
        <translation>Соңғы тапсырыстар мен тапсырмалар</translation>
    </message>
    <message>
        <source>Connecting: quotes and order statuses will update live.</source>
        <translation>Қосылуда: баға белгілеулері мен тапсырыс күйлері нақты уақытта жаңарады.</translation>
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
    <name>InstructionDetailsDialog</name>
    <message>
        <source>SMS code</source>
        <translation>SMS коды</translation>
    </message>
    <message>
        <source>EDS (NCALayer)</source>
        <translation>ЭСҚ (NCALayer)</translation>
    </message>
    <message>
        <source>Instruction No. %1</source>
        <translation>№ %1 тапсырма</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Нөмірі</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Құрылды</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Соңғы өзгеріс</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Қосалқы шот</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сомасы</translation>
    </message>
    <message>
        <source>Recipient IIN</source>
        <translation>Алушының ЖСН</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>БСК</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Төлем мақсаты</translation>
    </message>
    <message>
        <source>Payment purpose code (KNP)</source>
        <translation>Төлем мақсатының коды (ТМК)</translation>
    </message>
    <message>
        <source>Beneficiary code (KBe)</source>
        <translation>Бенефициар коды (КБе)</translation>
    </message>
    <message>
        <source>Signed with</source>
        <translation>Қол қою тәсілі</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Қол қойылған уақыты</translation>
    </message>
    <message>
        <source>Reason for rejection</source>
        <translation>Қабылданбау себебі</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Өзгеріс</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Тарих</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыты</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Түсініктеме</translation>
    </message>
</context>
<context>
    <name>InstructionLabels</name>
    <message>
        <source>New</source>
        <translation>Жаңа</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Өңделуде</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Орындалды</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Ақшаны шығару</translation>
    </message>
    <message>
        <source>Change of contact details</source>
        <translation>Байланыс деректерін өзгерту</translation>
    </message>
</context>
<context>
    <name>InstructionTexts</name>
    <message>
        <source>Change of contact details</source>
        <translation>Байланыс деректерін өзгерту</translation>
    </message>
    <message>
        <source>Change of phone and e-mail: %1, %2</source>
        <translation>Телефон мен электрондық поштаны өзгерту: %1, %2</translation>
    </message>
    <message>
        <source>Change of phone: %1</source>
        <translation>Телефонды өзгерту: %1</translation>
    </message>
    <message>
        <source>Change of e-mail: %1</source>
        <translation>Электрондық поштаны өзгерту: %1</translation>
    </message>
</context>
<context>
    <name>InstructionsModel</name>
    <message>
        <source>Actions for instruction %1</source>
        <translation>№ %1 тапсырма бойынша әрекеттер</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Әрекеттер</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Құрылды</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сомасы</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Банк</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
</context>
<context>
    <name>InstructionsPage</name>
    <message>
        <source>All statuses</source>
        <translation>Барлық күйлер</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>The instructions could not be loaded</source>
        <translation>Тапсырмаларды жүктеу мүмкін болмады</translation>
    </message>
    <message>
        <source>No instructions with this status</source>
        <translation>Бұл күйдегі тапсырмалар жоқ</translation>
    </message>
    <message>
        <source>The instruction could not be loaded: %1</source>
        <translation>Тапсырманы жүктеу мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>Choose another status or a longer period.</source>
        <translation>Басқа күйді немесе ұзағырақ кезеңді таңдаңыз.</translation>
    </message>
    <message>
        <source>No instructions in this period</source>
        <translation>Бұл кезеңде тапсырмалар жоқ</translation>
    </message>
    <message>
        <source>Withdrawals you sign are listed here with their status.</source>
        <translation>Сіз қол қойған ақша шығару тапсырмалары осында күйімен бірге көрсетіледі.</translation>
    </message>
    <message>
        <source>Loading instructions…</source>
        <translation>Тапсырмалар жүктелуде…</translation>
    </message>
    <message>
        <source>Instructions: %1</source>
        <translation>Тапсырмалар: %1</translation>
    </message>
</context>
<context>
    <name>InstrumentSearch</name>
    <message>
        <source>Ticker or name, e.g. HSBK</source>
        <translation>Тикер не атауы, мысалы HSBK</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Құрал</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Нарық</translation>
    </message>
</context>
<context>
    <name>KeyboardWarning</name>
    <message>
        <source>Caps Lock is on: letters are typed in the wrong case.</source>
        <translation>Caps Lock қосулы: әріптер басқа регистрде терілуде.</translation>
    </message>
    <message>
        <source>Your keyboard is typing Cyrillic (Қ, Ж…): switch to English.</source>
        <translation>Пернетақта кириллица теріп тұр (Қ, Ж…): ағылшын тіліне ауыстырыңыз.</translation>
    </message>
    <message>
        <source>Your keyboard is not typing Latin letters: switch to English.</source>
        <translation>Пернетақта латын әріптерін термей тұр: ағылшын тіліне ауыстырыңыз.</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Rows: %1</source>
        <translation>Жолдар: %1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Көрсетілгені: %1 / %2</translation>
    </message>
    <message>
        <source>More rows could not be loaded: %1</source>
        <translation>Қалған жолдарды жүктеу мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>Load again</source>
        <translation>Қайта жүктеу</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Сүзгілерді тазарту</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Load the rest again</source>
        <translation>Қалғанын қайта жүктеу</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Егжей-тегжейлер</translation>
    </message>
    <message>
        <source>Choose a client</source>
        <translation>Клиентті таңдаңыз</translation>
    </message>
    <message>
        <source>Pick a client at the top to see their lists.</source>
        <translation>Тізімдерін көру үшін жоғарыдан клиентті таңдаңыз.</translation>
    </message>
    <message>
        <source>scroll down for more</source>
        <translation>қалғанын көру үшін төмен айналдырыңыз</translation>
    </message>
    <message>
        <source>view only</source>
        <translation>тек қарау</translation>
    </message>
</context>
<context>
    <name>LiveRegion</name>
    <message>
        <source>Announcements</source>
        <translation>Хабарламалар</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>%1 You have been signed out.</source>
        <translation>%1 Сіз жүйеден шықтыңыз.</translation>
    </message>
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
    <name>LogViewer</name>
    <message>
        <source>Passwords, tokens and SMS codes are replaced by *** before anything is sent.</source>
        <translation>Жіберер алдында құпия сөздер, токендер және SMS кодтары *** белгісімен ауыстырылады.</translation>
    </message>
    <message>
        <source>Log excerpt</source>
        <translation>Журналдан үзінді</translation>
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
        <source>&amp;Forgot password?</source>
        <translation>Құпия сөзді &amp;ұмыттыңыз ба?</translation>
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
        <source>Choose your own password to sign in: your broker issued this one.</source>
        <translation>Кіру үшін өз құпия сөзіңізді таңдаңыз: бұл құпия сөзді брокеріңіз берген.</translation>
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
        <source>The update will install once the app is unlocked.</source>
        <translation>Жаңарту бағдарлама бұғаттан шыққанда орнатылады.</translation>
    </message>
    <message>
        <source>The update will install once the signature is done.</source>
        <translation>Жаңарту қол қою аяқталғанда орнатылады.</translation>
    </message>
    <message>
        <source>The update will install once the withdrawal form is sent or closed.</source>
        <translation>Жаңарту ақша шығару нысаны жіберілгенде немесе жабылғанда орнатылады.</translation>
    </message>
    <message>
        <source>The update will install once the order form is sent or closed.</source>
        <translation>Жаңарту тапсырыс нысаны жіберілгенде немесе жабылғанда орнатылады.</translation>
    </message>
    <message>
        <source>Brokers see a client&apos;s watchlists but cannot change them.</source>
        <translation>Брокер клиенттің құралдар тізімін көреді, бірақ оны өзгерте алмайды.</translation>
    </message>
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
        <source>Clear the search</source>
        <translation>Іздеуді тазалау</translation>
    </message>
    <message>
        <source>Watchlist settings</source>
        <translation>Құралдар тізімін баптау</translation>
    </message>
    <message>
        <source>Back to clients</source>
        <translation>Клиенттерге оралу</translation>
    </message>
    <message>
        <source>Back to the book of clients (Alt+Left)</source>
        <translation>Клиенттер базасына оралу (Alt+Left)</translation>
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
        <source>My details…</source>
        <translation>Менің деректерім…</translation>
    </message>
    <message>
        <source>Two-step sign-in…</source>
        <translation>Екі кезеңді кіру…</translation>
    </message>
    <message>
        <source>Sessions and devices…</source>
        <translation>Сеанстар мен құрылғылар…</translation>
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
        <source>High contrast</source>
        <translation>Жоғары контраст</translation>
    </message>
    <message>
        <source>As in the system</source>
        <translation>Жүйедегідей</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Уақыт</translation>
    </message>
    <message>
        <source>Almaty time (UTC+5)</source>
        <translation>Алматы уақыты (UTC+5)</translation>
    </message>
    <message>
        <source>This computer&apos;s time</source>
        <translation>Осы компьютердің уақыты</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>Check for updates automatically</source>
        <translation>Жаңартуларды автоматты түрде тексеру</translation>
    </message>
    <message>
        <source>Update channel</source>
        <translation>Жаңарту арнасы</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Тұрақты</translation>
    </message>
    <message>
        <source>Beta (early releases)</source>
        <translation>Бета (ерте шығарылымдар)</translation>
    </message>
    <message>
        <source>Tester…</source>
        <translation>Тестілеуші…</translation>
    </message>
    <message>
        <source>The mock backend&apos;s controls (Ctrl+Shift+T)</source>
        <translation>Имитация серверін басқару (Ctrl+Shift+T)</translation>
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
    <name>MarketTab</name>
    <message>
        <source>open now</source>
        <translation>қазір ашық</translation>
    </message>
    <message>
        <source>closed now</source>
        <translation>қазір жабық</translation>
    </message>
    <message>
        <source>Reading the mock&apos;s clock…</source>
        <translation>Имитация серверінің сағаты оқылуда…</translation>
    </message>
    <message>
        <source>Real time.</source>
        <translation>Нақты уақыт.</translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation>%1 күн %2 сағ %3 мин</translation>
    </message>
    <message>
        <source>%2 h %3 min</source>
        <translation>%2 сағ %3 мин</translation>
    </message>
    <message>
        <source>%1 ahead of real time.</source>
        <translation>Нақты уақыттан %1 алда.</translation>
    </message>
    <message>
        <source>%1 behind real time.</source>
        <translation>Нақты уақыттан %1 артта.</translation>
    </message>
    <message>
        <source>Changing the hours of %1…</source>
        <translation>%1 жұмыс уақыты өзгертілуде…</translation>
    </message>
    <message>
        <source>%1 is held open.</source>
        <translation>%1 ашық күйде ұсталады.</translation>
    </message>
    <message>
        <source>%1 is held closed.</source>
        <translation>%1 жабық күйде ұсталады.</translation>
    </message>
    <message>
        <source>%1 follows its hours: open now.</source>
        <translation>%1 өз кестесі бойынша жұмыс істейді: қазір ашық.</translation>
    </message>
    <message>
        <source>%1 follows its hours: closed now.</source>
        <translation>%1 өз кестесі бойынша жұмыс істейді: қазір жабық.</translation>
    </message>
    <message>
        <source>Moving the clock to the %1 close…</source>
        <translation>Сағат %1 жабылуына жылжытылуда…</translation>
    </message>
    <message>
        <source>Moving the clock to the next %1 session…</source>
        <translation>Сағат %1 келесі сессиясына жылжытылуда…</translation>
    </message>
    <message>
        <source>Moving the clock %1 min forward…</source>
        <translation>Сағат %1 мин алға жылжытылуда…</translation>
    </message>
    <message>
        <source>Putting the clock back to real time…</source>
        <translation>Сағат нақты уақытқа қайтарылуда…</translation>
    </message>
    <message>
        <source>The mock&apos;s time is now %1.</source>
        <translation>Имитация серверінің уақыты енді %1.</translation>
    </message>
    <message>
        <source>Choose an instrument first.</source>
        <translation>Алдымен құралды таңдаңыз.</translation>
    </message>
    <message>
        <source>Type a price above zero.</source>
        <translation>Нөлден жоғары бағаны енгізіңіз.</translation>
    </message>
    <message>
        <source>Setting %1 to %2…</source>
        <translation>%1 бағасы %2 етіп қойылуда…</translation>
    </message>
    <message>
        <source>%1 now trades at %2 (bid %3, ask %4).</source>
        <translation>%1 енді %2 бағасымен саудаланады (сатып алу %3, сату %4).</translation>
    </message>
    <message>
        <source>The price was not set.</source>
        <translation>Баға қойылмады.</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Нарық</translation>
    </message>
    <message>
        <source>Markets</source>
        <translation>Нарықтар</translation>
    </message>
    <message>
        <source>On hours</source>
        <translation>Кесте бойынша</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашық</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Жабық</translation>
    </message>
    <message>
        <source>On hours: open during the market&apos;s session on the mock&apos;s clock. Open or Closed: held so whatever the clock says.</source>
        <translation>Кесте бойынша: имитация серверінің сағаты бойынша сессия кезінде ашық. Ашық немесе Жабық: сағатқа қарамастан солай ұсталады.</translation>
    </message>
    <message>
        <source>The mock&apos;s clock</source>
        <translation>Имитация серверінің сағаты</translation>
    </message>
    <message>
        <source>Market:</source>
        <translation>Нарық:</translation>
    </message>
    <message>
        <source>Market whose session the clock follows</source>
        <translation>Сағат сессиясына сүйенетін нарық</translation>
    </message>
    <message>
        <source>To the close</source>
        <translation>Жабылуға</translation>
    </message>
    <message>
        <source>To the market&apos;s next session close (today&apos;s, if it is still ahead)</source>
        <translation>Нарықтың келесі сессиясының жабылуына (әлі алда болса, бүгінгі)</translation>
    </message>
    <message>
        <source>To the next session</source>
        <translation>Келесі сессияға</translation>
    </message>
    <message>
        <source>To the opening of the market&apos;s next session</source>
        <translation>Нарықтың келесі сессиясының ашылуына</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>Минут:</translation>
    </message>
    <message>
        <source>Minutes to move the clock forward</source>
        <translation>Сағатты алға жылжыту минуттары</translation>
    </message>
    <message>
        <source>Move forward</source>
        <translation>Алға жылжыту</translation>
    </message>
    <message>
        <source>Back to real time</source>
        <translation>Нақты уақытқа қайту</translation>
    </message>
    <message>
        <source>Set a price</source>
        <translation>Баға қою</translation>
    </message>
    <message>
        <source>Instrument:</source>
        <translation>Құрал:</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Құрал</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Бағасы:</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Жаңа баға</translation>
    </message>
    <message>
        <source>Set price</source>
        <translation>Бағаны қою</translation>
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
        <source>The certificate of the server %1 is not trusted, so the app did not connect. This is not a problem with your Internet connection: check the server address, or contact support.</source>
        <translation>%1 серверінің сертификатына сенім жоқ, сондықтан қосымша қосылмады. Бұл интернет байланысының ақауы емес: сервер мекенжайын тексеріңіз немесе қолдау қызметіне хабарласыңыз.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check your Internet connection and try again.</source>
        <translation>Сервер уақытында жауап бермеді. Интернет байланысын тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your Internet connection and try again.</source>
        <translation>Серверге қосылу мүмкін емес. Интернет байланысын тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The server answered something the app cannot read. Try again in a minute; if it keeps happening, contact support.</source>
        <translation>Сервер қосымша оқи алмайтын жауап берді. Бір минуттан кейін қайталап көріңіз; қате қайталана берсе, қолдау қызметіне хабарласыңыз.</translation>
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
    <name>MyDetailsDialog</name>
    <message>
        <source>On (authenticator app)</source>
        <translation>Қосулы (аутентификатор қолданбасы)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Өшірулі</translation>
    </message>
    <message>
        <source>A change of phone or e-mail is an instruction to the broker, signed with EDS. It appears on the Instructions page with its status.</source>
        <translation>Телефонды немесе электрондық поштаны өзгерту — брокерге ЭСҚ арқылы қол қойылатын тапсырма. Ол «Тапсырмалар» бетінде күйімен көрсетіледі.</translation>
    </message>
    <message>
        <source>Instruction No. %1 (%2) went to the broker: see its status on the Instructions page. These details change once it is executed.</source>
        <translation>№ %1 тапсырма (%2) брокерге жіберілді: күйін «Тапсырмалар» бетінен қараңыз. Бұл деректер ол орындалғаннан кейін өзгереді.</translation>
    </message>
    <message>
        <source>My details</source>
        <translation>Менің деректерім</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Аты-жөні</translation>
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
        <source>E-mail</source>
        <translation>Электрондық пошта</translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation>Екі кезеңді кіру</translation>
    </message>
    <message>
        <source>Your contact at the broker</source>
        <translation>Брокердегі байланыс тұлғаңыз</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Аты</translation>
    </message>
    <message>
        <source>Change phone…</source>
        <translation>Телефонды өзгерту…</translation>
    </message>
    <message>
        <source>Change e-mail…</source>
        <translation>Электрондық поштаны өзгерту…</translation>
    </message>
</context>
<context>
    <name>MyRequestsDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Менің өтініштерім</translation>
    </message>
    <message>
        <source>My support requests</source>
        <translation>Қолдау қызметіне өтініштерім</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Report a problem…</source>
        <translation>Мәселе туралы хабарлау…</translation>
    </message>
    <message>
        <source>No requests yet. Use Report a problem… when something goes wrong.</source>
        <translation>Әзірге өтініштер жоқ. Бір нәрсе дұрыс болмаса, «Мәселе туралы хабарлау…» пәрменін пайдаланыңыз.</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Order filled</source>
        <translation>Тапсырыс орындалды</translation>
    </message>
    <message>
        <source>Order partially filled</source>
        <translation>Тапсырыс ішінара орындалды</translation>
    </message>
    <message>
        <source>Order rejected</source>
        <translation>Тапсырыс қабылданбады</translation>
    </message>
    <message>
        <source>%1 %2: %3 of %4</source>
        <translation>%1 %2: %4 ішінен %3 орындалды</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3 дана</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>%1 бағамен</translation>
    </message>
    <message>
        <source>at market price</source>
        <translation>нарықтық бағамен</translation>
    </message>
    <message>
        <source>Order No. %1 of %2</source>
        <translation>Тапсырыс № %1, %2</translation>
    </message>
    <message>
        <source>Contact details changed</source>
        <translation>Байланыс деректері өзгертілді</translation>
    </message>
    <message>
        <source>Change of contact details rejected</source>
        <translation>Байланыс деректерін өзгерту қабылданбады</translation>
    </message>
    <message>
        <source>Instruction No. %1 of %2</source>
        <translation>Тапсырма № %1, %2</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Себебі: %1</translation>
    </message>
    <message>
        <source>Withdrawal executed</source>
        <translation>Ақшаны алу орындалды</translation>
    </message>
    <message>
        <source>Withdrawal rejected</source>
        <translation>Ақшаны алу қабылданбады</translation>
    </message>
</context>
<context>
    <name>OrderDetailsDialog</name>
    <message>
        <source>Order No. %1</source>
        <translation>№%1 тапсырыс</translation>
    </message>
    <message>
        <source>At the market price</source>
        <translation>Нарықтық баға бойынша</translation>
    </message>
    <message>
        <source>%1, %2 remaining</source>
        <translation>%1, қалғаны %2</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Тарих жүктелуде…</translation>
    </message>
    <message>
        <source>The history could not be loaded: %1</source>
        <translation>Тарихты жүктеу мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation>Әзірге оқиғалар жоқ.</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Қол қойылған уақыты</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Тапсырыстан бас тарту</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыты</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Бағасы</translation>
    </message>
</context>
<context>
    <name>OrderDetailsForm</name>
    <message>
        <source>Instrument</source>
        <translation>Құрал</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Бағасы</translation>
    </message>
    <message>
        <source>Average fill price</source>
        <translation>Орташа орындалу бағасы</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Орындалды</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Қосалқы шот</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Берілген уақыты</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Соңғы өзгеріс</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Жарамдылық мерзімі</translation>
    </message>
    <message>
        <source>Signed with</source>
        <translation>Қол қою тәсілі</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Тапсырыс идентификаторы</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <source>Event history</source>
        <translation>Оқиғалар тарихы</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>New order</source>
        <translation>Жаңа тапсырыс</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Сатып алу</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Сату</translation>
    </message>
    <message>
        <source>&amp;Instrument</source>
        <translation>&amp;Құрал</translation>
    </message>
    <message>
        <source>Sub-&amp;account</source>
        <translation>Қосалқы &amp;шот</translation>
    </message>
    <message>
        <source>Order &amp;type</source>
        <translation>Тапсырыс &amp;түрі</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Баға</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>С&amp;аны</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Максимум</translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation>С&amp;омасы</translation>
    </message>
    <message>
        <source>Editing the amount sets the quantity, in whole lots.</source>
        <translation>Соманы енгізсеңіз, саны бүтін лоттармен есептеледі.</translation>
    </message>
    <message>
        <source>&amp;Valid until</source>
        <translation>&amp;Жарамдылық мерзімі</translation>
    </message>
    <message>
        <source>Market now</source>
        <translation>Қазіргі нарық</translation>
    </message>
    <message>
        <source>Click a price to use it.</source>
        <translation>Бағаны пайдалану үшін оны басыңыз.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сомасы</translation>
    </message>
    <message>
        <source>Estimated fee</source>
        <translation>Болжамды комиссия</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <source>Document to sign</source>
        <translation>Қол қойылатын құжат</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Sign with &amp;EDS</source>
        <translation>&amp;ЭСҚ арқылы қол қою</translation>
    </message>
    <message>
        <source>Sign with &amp;SMS</source>
        <translation>&amp;SMS арқылы қол қою</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>OrderFormDialog</name>
    <message>
        <source>Checking the order with the broker…</source>
        <translation>Тапсырыс брокерде тексерілуде…</translation>
    </message>
    <message>
        <source>The exact text you sign appears here once the broker has checked the order.</source>
        <translation>Брокер тапсырысты тексергеннен кейін мұнда сіз қол қоятын мәтін дәл сол күйінде шығады.</translation>
    </message>
    <message>
        <source>Lots: %1 × %2</source>
        <translation>Лоттар: %1 × %2</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Сұраныс</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Соңғы</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ұсыныс</translation>
    </message>
    <message>
        <source>Use this price</source>
        <translation>Осы бағаны алу</translation>
    </message>
    <message>
        <source>Order No. %1 has been placed</source>
        <translation>№ %1 тапсырыс қойылды</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Күйі: %1</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Сатып алу</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Сату</translation>
    </message>
    <message>
        <source>at the market price</source>
        <translation>нарықтық баға бойынша</translation>
    </message>
    <message>
        <source>%1 %2 · %3 · %4 · valid until %5</source>
        <translation>%1 %2 · %3 · %4 · %5 дейін жарамды</translation>
    </message>
    <message>
        <source>Checking the order…</source>
        <translation>Тапсырыс тексерілуде…</translation>
    </message>
    <message>
        <source>Signing was cancelled. Nothing was sent; the order is as you left it.</source>
        <translation>Қол қою тоқтатылды. Ештеңе жіберілген жоқ, тапсырыс өзгеріссіз қалды.</translation>
    </message>
    <message>
        <source>%1 pcs</source>
        <translation>%1 дана</translation>
    </message>
    <message>
        <source>The price must be a multiple of the price step, %1.</source>
        <translation>Баға қадамы — %1: баға осы шамаға еселі болуы керек.</translation>
    </message>
    <message>
        <source>The quantity must be a whole number of lots of %1.</source>
        <translation>Саны бүтін лоттармен болуы керек, бір лот — %1.</translation>
    </message>
    <message>
        <source>Not enough cash: %1 available.</source>
        <translation>Ақша жеткіліксіз: қолжетімдісі %1.</translation>
    </message>
    <message>
        <source>Not enough cash for this order.</source>
        <translation>Бұл тапсырысқа ақша жеткіліксіз.</translation>
    </message>
    <message>
        <source>Not enough securities: %1 available to sell.</source>
        <translation>Бағалы қағаздар жеткіліксіз: сатуға қолжетімдісі %1.</translation>
    </message>
    <message>
        <source>Not enough securities for this order.</source>
        <translation>Бұл тапсырысқа бағалы қағаздар жеткіліксіз.</translation>
    </message>
    <message>
        <source>Choose an instrument.</source>
        <translation>Құралды таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose an instrument from the list.</source>
        <translation>Құралды тізімнен таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose a sub-account.</source>
        <translation>Қосалқы шотты таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose one of your sub-accounts.</source>
        <translation>Өз қосалқы шоттарыңыздың бірін таңдаңыз.</translation>
    </message>
    <message>
        <source>Enter a quantity greater than zero.</source>
        <translation>Нөлден үлкен санды енгізіңіз.</translation>
    </message>
    <message>
        <source>The quantity must be a whole number.</source>
        <translation>Саны бүтін сан болуы керек.</translation>
    </message>
    <message>
        <source>The quantity is too large.</source>
        <translation>Саны тым көп.</translation>
    </message>
    <message>
        <source>Enter a price.</source>
        <translation>Бағаны енгізіңіз.</translation>
    </message>
    <message>
        <source>The price must be greater than zero.</source>
        <translation>Баға нөлден үлкен болуы керек.</translation>
    </message>
    <message>
        <source>The price is outside the exchange&apos;s daily limit: 10% from the last close.</source>
        <translation>Баға биржаның күндік шегінен тыс: соңғы жабылу бағасынан 10%.</translation>
    </message>
    <message>
        <source>A market order takes no price.</source>
        <translation>Нарықтық тапсырыста баға көрсетілмейді.</translation>
    </message>
    <message>
        <source>The date cannot be in the past.</source>
        <translation>Күн өткен уақытта бола алмайды.</translation>
    </message>
    <message>
        <source>An order can be valid for one year at most.</source>
        <translation>Тапсырыс ең көбі бір жыл жарамды бола алады.</translation>
    </message>
    <message>
        <source>The market is closed: a market order cannot be placed now. Use a limit order.</source>
        <translation>Нарық жабық: қазір нарықтық тапсырыс қоюға болмайды. Лимиттік тапсырысты пайдаланыңыз.</translation>
    </message>
    <message>
        <source>There is no price to trade at now. Use a limit order.</source>
        <translation>Қазір сауда жасайтын баға жоқ. Лимиттік тапсырысты пайдаланыңыз.</translation>
    </message>
    <message>
        <source>The price must be a multiple of the price step.</source>
        <translation>Баға қадамына еселі баға енгізіңіз.</translation>
    </message>
    <message>
        <source>The quantity must be a whole number of lots.</source>
        <translation>Саны бүтін лоттармен болуы керек.</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>Бұл өрісті тексеріңіз.</translation>
    </message>
    <message>
        <source>The order document has expired. Sign again: a new one will be made.</source>
        <translation>Тапсырыс құжатының мерзімі өтті. Қайта қол қойыңыз: жаңа құжат жасалады.</translation>
    </message>
    <message>
        <source>This order has already been signed and sent. See Orders.</source>
        <translation>Бұл тапсырысқа қол қойылып, жіберіліп қойған. «Тапсырыстар» бөлімін қараңыз.</translation>
    </message>
    <message>
        <source>Not enough cash for this order any more.</source>
        <translation>Бұл тапсырысқа енді ақша жеткіліксіз.</translation>
    </message>
    <message>
        <source>Not enough securities for this order any more.</source>
        <translation>Бұл тапсырысқа енді бағалы қағаздар жеткіліксіз.</translation>
    </message>
    <message>
        <source>The market is closed: a market order cannot be placed now.</source>
        <translation>Нарық жабық: қазір нарықтық тапсырыс қоюға болмайды.</translation>
    </message>
    <message>
        <source>You are not allowed to place orders.</source>
        <translation>Сізге тапсырыс қоюға рұқсат жоқ.</translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, buy %2 %3 at the market price. See Orders.</source>
        <translation>Бұл тапсырысқа қол қойылып, жіберіліп қойған: № %1, сатып алу, %3, %2 дана, нарықтық баға бойынша. «Тапсырыстар» бөлімін қараңыз.</translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, sell %2 %3 at the market price. See Orders.</source>
        <translation>Бұл тапсырысқа қол қойылып, жіберіліп қойған: № %1, сату, %3, %2 дана, нарықтық баға бойынша. «Тапсырыстар» бөлімін қараңыз.</translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, buy %2 %3 at %4. See Orders.</source>
        <translation>Бұл тапсырысқа қол қойылып, жіберіліп қойған: № %1, сатып алу, %3, %2 дана, бағасы %4. «Тапсырыстар» бөлімін қараңыз.</translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, sell %2 %3 at %4. See Orders.</source>
        <translation>Бұл тапсырысқа қол қойылып, жіберіліп қойған: № %1, сату, %3, %2 дана, бағасы %4. «Тапсырыстар» бөлімін қараңыз.</translation>
    </message>
    <message>
        <source>pcs</source>
        <translation>дана</translation>
    </message>
    <message>
        <source>price in % of the face value, %1</source>
        <translation>баға номиналдың %-ымен, %1</translation>
    </message>
    <message>
        <source>price step %1</source>
        <translation>баға қадамы %1</translation>
    </message>
    <message>
        <source>Available cash</source>
        <translation>Қолжетімді ақша</translation>
    </message>
    <message>
        <source>Available to sell</source>
        <translation>Сатуға қолжетімді</translation>
    </message>
    <message>
        <source>Amount, estimate</source>
        <translation>Болжамды сома</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сомасы</translation>
    </message>
    <message>
        <source>Total to pay</source>
        <translation>Төленетін сома</translation>
    </message>
    <message>
        <source>Total to receive</source>
        <translation>Алынатын сома</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Лимиттік</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Нарықтық</translation>
    </message>
    <message>
        <source>Limit: at your price or better. Market: at the best price available now.</source>
        <translation>Лимиттік: сіздің бағаңыз бойынша немесе одан тиімдірек. Нарықтық: қазіргі ең жақсы баға бойынша.</translation>
    </message>
    <message>
        <source>One price step down (↓)</source>
        <translation>Бір баға қадамы төмен (↓)</translation>
    </message>
    <message>
        <source>One price step up (↑)</source>
        <translation>Бір баға қадамы жоғары (↑)</translation>
    </message>
    <message>
        <source>One lot less (↓)</source>
        <translation>Бір лот кем (↓)</translation>
    </message>
    <message>
        <source>One lot more (↑)</source>
        <translation>Бір лот артық (↑)</translation>
    </message>
    <message>
        <source>As many lots as the available cash pays for, fee included</source>
        <translation>Қолжетімді ақшаға, комиссияны қоса алғанда, сатып алуға болатын ең көп лот</translation>
    </message>
    <message>
        <source>Everything available to sell</source>
        <translation>Сатуға қолжетімдінің бәрі</translation>
    </message>
</context>
<context>
    <name>OrderLabels</name>
    <message>
        <source>New</source>
        <translation>Жаңа</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Белсенді</translation>
    </message>
    <message>
        <source>Partially filled</source>
        <translation>Ішінара орындалды</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Орындалды</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Күші жойылды</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Мерзімі өтті</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Сатып алу</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Сату</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Лимиттік</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Нарықтық</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>SMS коды</translation>
    </message>
    <message>
        <source>EDS (NCALayer)</source>
        <translation>ЭСҚ (NCALayer)</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>New</source>
        <translation>Жаңа</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Белсенді</translation>
    </message>
    <message>
        <source>Partially filled</source>
        <translation>Ішінара орындалды</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Орындалды</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Тоқтатылды</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Қабылданбады</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Мерзімі өтті</translation>
    </message>
</context>
<context>
    <name>OrderSummary</name>
    <message>
        <source>%1 at the market price</source>
        <translation>%1, нарықтық баға бойынша</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1, бағасы %2</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Actions for order %1</source>
        <translation>№%1 тапсырыс бойынша әрекеттер</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыты</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Құрал</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Бағасы</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Орындалды</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Мерзімі</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Әрекеттер</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Тапсырыс нөмірі</translation>
    </message>
    <message>
        <source>When the order was placed (Almaty time)</source>
        <translation>Тапсырыс берілген уақыт (Алматы уақыты)</translation>
    </message>
    <message>
        <source>Ticker and market</source>
        <translation>Тикер және нарық</translation>
    </message>
    <message>
        <source>Buy or sell</source>
        <translation>Сатып алу немесе сату</translation>
    </message>
    <message>
        <source>Limit or market order</source>
        <translation>Лимиттік немесе нарықтық тапсырыс</translation>
    </message>
    <message>
        <source>Limit price; none for a market order</source>
        <translation>Лимит бағасы; нарықтық тапсырыста ол болмайды</translation>
    </message>
    <message>
        <source>Quantity ordered</source>
        <translation>Тапсырыстағы саны</translation>
    </message>
    <message>
        <source>Quantity filled so far</source>
        <translation>Қазірге дейін орындалған саны</translation>
    </message>
    <message>
        <source>The last day the order stays on the exchange</source>
        <translation>Тапсырыс биржада тұратын соңғы күн</translation>
    </message>
    <message>
        <source>Average fill price: %1</source>
        <translation>Орташа орындалу бағасы: %1</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Only an open order can be cancelled.</source>
        <translation>Тек ашық тапсырыстан бас тартуға болады.</translation>
    </message>
    <message>
        <source>The order could not be loaded: %1</source>
        <translation>Тапсырысты жүктеу мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Тапсырыстан бас тарту</translation>
    </message>
    <message>
        <source>Cancel order No. %1?</source>
        <translation>№%1 тапсырыстан бас тартасыз ба?</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Тапсырыстан бас тарту</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>Тапсырысты қалдыру</translation>
    </message>
    <message>
        <source>Order No. %1 can no longer be cancelled: it is %2.</source>
        <translation>№%1 тапсырыстан енді бас тарту мүмкін емес: ол %2.</translation>
    </message>
    <message>
        <source>Order No. %1 was not cancelled: %2</source>
        <translation>№%1 тапсырыстан бас тарту орындалмады: %2</translation>
    </message>
    <message>
        <source>Order No. %1 is cancelled.</source>
        <translation>№%1 тапсырыстан бас тартылды.</translation>
    </message>
    <message>
        <source>Already filled: %1. That part stays filled.</source>
        <translation>Орындалғаны: %1. Бұл бөлігі орындалған күйінде қалады.</translation>
    </message>
    <message>
        <source>The order form is not available.</source>
        <translation>Тапсырыс формасы қолжетімсіз.</translation>
    </message>
    <message>
        <source>Load the orders again</source>
        <translation>Тапсырыстарды қайта жүктеу</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Жаңа тапсырыс</translation>
    </message>
    <message>
        <source>Place a buy or sell order (Ctrl+N)</source>
        <translation>Сатып алуға немесе сатуға тапсырыс беру (Ctrl+N)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Барлық күйлер</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашық</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>All markets</source>
        <translation>Барлық нарықтар</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Нарық</translation>
    </message>
    <message>
        <source>Buy and sell</source>
        <translation>Сатып алу және сату</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Loading orders…</source>
        <translation>Тапсырыстар жүктелуде…</translation>
    </message>
    <message>
        <source>The orders could not be loaded</source>
        <translation>Тапсырыстарды жүктеу мүмкін болмады</translation>
    </message>
    <message>
        <source>No orders match the filters</source>
        <translation>Сүзгілерге сай тапсырыстар жоқ</translation>
    </message>
    <message>
        <source>There are orders in this period, but none with this status, market and side.</source>
        <translation>Бұл кезеңде тапсырыстар бар, бірақ осындай күйі, нарығы және операциясы бар тапсырыс жоқ.</translation>
    </message>
    <message>
        <source>No orders for this period</source>
        <translation>Бұл кезеңде тапсырыстар жоқ</translation>
    </message>
    <message>
        <source>Choose another period above.</source>
        <translation>Жоғарыдан басқа кезеңді таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose another period above, or place a new order.</source>
        <translation>Жоғарыдан басқа кезеңді таңдаңыз немесе жаңа тапсырыс беріңіз.</translation>
    </message>
    <message>
        <source>Orders: %1</source>
        <translation>Тапсырыстар: %1</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Type how much of the order to fill.</source>
        <translation>Тапсырыстың қанша бөлігін орындау керегін енгізіңіз.</translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation>Саны нөлден көп болуы керек.</translation>
    </message>
    <message>
        <source>Less than the %1 that remain: use Fill for all of it.</source>
        <translation>Қалған %1-ден аз болуы керек: бәрін орындау үшін «Орындау» батырмасын басыңыз.</translation>
    </message>
    <message>
        <source>Filling %1…</source>
        <translation>Орындалуда: %1…</translation>
    </message>
    <message>
        <source>Order %1 filled: %2 of %3.</source>
        <translation>%1 тапсырысы орындалды: %3 ішінен %2.</translation>
    </message>
    <message>
        <source>The order was not filled.</source>
        <translation>Тапсырыс орындалмады.</translation>
    </message>
    <message>
        <source>Rejecting %1…</source>
        <translation>Қабылданбауда: %1…</translation>
    </message>
    <message>
        <source>Order %1 rejected.</source>
        <translation>%1 тапсырысы қабылданбады.</translation>
    </message>
    <message>
        <source>Moving the withdrawal %1…</source>
        <translation>Ақшаны шығару күйі өзгертілуде: %1…</translation>
    </message>
    <message>
        <source>Withdrawal %1 is now %2.</source>
        <translation>%1 ақшаны шығару күйі енді: %2.</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Тапсырыстар</translation>
    </message>
    <message>
        <source>Open orders of every client</source>
        <translation>Барлық клиенттердің ашық тапсырыстары</translation>
    </message>
    <message>
        <source>No open orders: place one in the app.</source>
        <translation>Ашық тапсырыстар жоқ: қолданбада тапсырыс беріңіз.</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Ашық тапсырыстар</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Орындау</translation>
    </message>
    <message>
        <source>Fill all that remains of the selected order</source>
        <translation>Таңдалған тапсырыстың қалғанын толық орындау</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Саны:</translation>
    </message>
    <message>
        <source>Quantity to fill</source>
        <translation>Орындалатын саны</translation>
    </message>
    <message>
        <source>Partially fill</source>
        <translation>Ішінара орындау</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Себебі:</translation>
    </message>
    <message>
        <source>Reason for rejecting the order</source>
        <translation>Тапсырысты қабылдамау себебі</translation>
    </message>
    <message>
        <source>Optional, shown to the client</source>
        <translation>Міндетті емес, клиентке көрсетіледі</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Қабылдамау</translation>
    </message>
    <message>
        <source>Withdrawals in progress</source>
        <translation>Орындалып жатқан ақша шығарулар</translation>
    </message>
    <message>
        <source>No withdrawals in progress.</source>
        <translation>Орындалып жатқан ақша шығарулар жоқ.</translation>
    </message>
    <message>
        <source>Move to:</source>
        <translation>Күйін өзгерту:</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Өңделуде</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Орындалды</translation>
    </message>
    <message>
        <source>Reason for rejecting the withdrawal</source>
        <translation>Ақшаны шығаруды қабылдамау себебі</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Қабылданбады</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Clients</source>
        <translation>Клиенттер</translation>
    </message>
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
    <name>PasswordExpiryNotice</name>
    <message>
        <source>Your password expires today</source>
        <translation>Құпия сөздің мерзімі бүгін бітеді</translation>
    </message>
    <message>
        <source>Your password expires tomorrow</source>
        <translation>Құпия сөздің мерзімі ертең бітеді</translation>
    </message>
    <message numerus="yes">
        <source>Your password expires in %n days</source>
        <translation>
            <numerusform>Құпия сөздің мерзімі %n күннен кейін бітеді</numerusform>
            <numerusform>Құпия сөздің мерзімі %n күннен кейін бітеді</numerusform>
        </translation>
    </message>
    <message>
        <source>Change it now, so that signing in is not interrupted when it expires.</source>
        <translation>Мерзімі біткенде кіру үзілмеуі үшін оны қазір өзгертіңіз.</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Құпия сөзді өзгерту…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
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
    <name>PeriodBar</name>
    <message>
        <source>Today</source>
        <translation>Бүгін</translation>
    </message>
    <message>
        <source>Today, Almaty date</source>
        <translation>Бүгін, Алматы күні бойынша</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Апта</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>Соңғы 7 күн</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Ай</translation>
    </message>
    <message>
        <source>The last month</source>
        <translation>Соңғы ай</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 ай</translation>
    </message>
    <message>
        <source>The last 3 months</source>
        <translation>Соңғы 3 ай</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Жыл</translation>
    </message>
    <message>
        <source>The last 12 months</source>
        <translation>Соңғы 12 ай</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Барлық уақыт</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Өз кезеңі</translation>
    </message>
    <message>
        <source>The dates you choose</source>
        <translation>Өзіңіз таңдаған күндер</translation>
    </message>
    <message>
        <source>From (Almaty date)</source>
        <translation>Басы (Алматы күні бойынша)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Бастап</translation>
    </message>
    <message>
        <source>To (Almaty date)</source>
        <translation>Соңы (Алматы күні бойынша)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Дейін</translation>
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
    <name>PortfolioModel</name>
    <message>
        <source>Instrument</source>
        <translation>Құрал</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Қосалқы шот</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Қолжетімді</translation>
    </message>
    <message>
        <source>Average price</source>
        <translation>Орташа баға</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Ағымдағы баға</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Құны</translation>
    </message>
    <message>
        <source>P/L</source>
        <translation>Пайда/шығын</translation>
    </message>
    <message>
        <source>P/L %</source>
        <translation>Пайда/шығын %</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Қалдық</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Бұғатталған</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Әрекеттер</translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message>
        <source>Loading the list of clients…</source>
        <translation>Клиенттер тізімі жүктелуде…</translation>
    </message>
    <message>
        <source>No clients are assigned to you yet.</source>
        <translation>Сізге әзірге клиент бекітілмеген.</translation>
    </message>
    <message>
        <source>All sub-accounts</source>
        <translation>Барлық қосалқы шоттар</translation>
    </message>
    <message>
        <source>Loading the portfolio…</source>
        <translation>Портфель жүктелуде…</translation>
    </message>
    <message>
        <source>Nothing here yet: this sub-account holds no securities or money.</source>
        <translation>Әзірге бос: бұл қосалқы шотта бағалы қағаздар да, ақша да жоқ.</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Ақша</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Сатып алу</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Сату</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Кесте</translation>
    </message>
    <message>
        <source>Transfer money</source>
        <translation>Ақша аудару</translation>
    </message>
    <message>
        <source>Withdraw this cash to your own bank account</source>
        <translation>Осы ақшаны өз банк шотыңызға шығару</translation>
    </message>
    <message>
        <source>%1: nothing available to sell.</source>
        <translation>%1: сатуға қолжетімді ештеңе жоқ.</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Қосалқы шот</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Total value</source>
        <translation>Жалпы құны</translation>
    </message>
    <message>
        <source>Securities</source>
        <translation>Бағалы қағаздар</translation>
    </message>
    <message>
        <source>Change today</source>
        <translation>Бүгінгі өзгеріс</translation>
    </message>
    <message>
        <source>USD rate</source>
        <translation>USD бағамы</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Активтер</translation>
    </message>
    <message>
        <source>No securities on this sub-account.</source>
        <translation>Бұл қосалқы шотта бағалы қағаздар жоқ.</translation>
    </message>
    <message>
        <source>No money on this sub-account.</source>
        <translation>Бұл қосалқы шотта ақша жоқ.</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Бөлінісі</translation>
    </message>
    <message>
        <source>By instrument</source>
        <translation>Құрал бойынша</translation>
    </message>
    <message>
        <source>By currency</source>
        <translation>Валюта бойынша</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Басқалары</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Әзірге көрсететін ештеңе жоқ.</translation>
    </message>
    <message>
        <source>Portfolio value, KZT</source>
        <translation>Портфель құны, KZT</translation>
    </message>
    <message>
        <source>Not enough history to draw yet.</source>
        <translation>Кесте салуға тарих әлі жеткіліксіз.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Бума</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Жетек</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Белгісіз</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>Қайда қ&amp;арау:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Файлдар &amp;түрі:</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>QR code for the authenticator app</source>
        <translation>Аутентификатор қосымшасына арналған QR код</translation>
    </message>
    <message>
        <source>Scan it with the authenticator app on your phone, or type the secret key shown beside it.</source>
        <translation>Оны телефоныңыздағы аутентификатор қосымшасымен сканерлеңіз немесе қасында көрсетілген құпия кілтті теріңіз.</translation>
    </message>
</context>
<context>
    <name>QuickSearch</name>
    <message>
        <source>Nothing matches “%1”. Try part of a ticker or a company name.</source>
        <translation>«%1» бойынша ештеңе табылмады. Тикердің не компания атауының бір бөлігін теріп көріңіз.</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Іздеу орындалмады: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Ізделуде…</translation>
    </message>
</context>
<context>
    <name>QuotePanel</name>
    <message>
        <source>Quotes: %1</source>
        <translation>Баға белгілеулері: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n instrument(s)</source>
        <translation>
            <numerusform>%n құрал</numerusform>
            <numerusform>%n құрал</numerusform>
        </translation>
    </message>
    <message>
        <source>No instruments on this market&apos;s list. Add some to watch their prices here.</source>
        <translation>Бұл нарықтың тізімінде құралдар жоқ. Бағаларын осы жерде бақылау үшін құралдар қосыңыз.</translation>
    </message>
    <message>
        <source>Choose instruments…</source>
        <translation>Құралдарды таңдау…</translation>
    </message>
</context>
<context>
    <name>QuoteTableModel</name>
    <message>
        <source>Ticker</source>
        <translation>Тикер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Соңғы</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Өзгеріс</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Өзгеріс %</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Сұраныс</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Ұсыныс</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Көлем</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыт</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n с бұрын</numerusform>
            <numerusform>%n с бұрын</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n мин бұрын</numerusform>
            <numerusform>%n мин бұрын</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n сағ бұрын</numerusform>
            <numerusform>%n сағ бұрын</numerusform>
        </translation>
    </message>
    <message>
        <source>not live</source>
        <translation>жанды емес</translation>
    </message>
    <message>
        <source>Actions for %1: the Menu key or Shift+F10</source>
        <translation>%1 бойынша әрекеттер: Menu пернесі немесе Shift+F10</translation>
    </message>
    <message>
        <source>%1, %2 since the previous quote</source>
        <translation>%1, алдыңғы баға белгілеуден бері %2</translation>
    </message>
    <message>
        <source>Not live: the connection is down. Last quote %1.</source>
        <translation>Деректер жаңармайды: байланыс үзілді. Соңғы баға белгілеуі: %1.</translation>
    </message>
    <message>
        <source>Not live: the connection is down.</source>
        <translation>Деректер жаңармайды: байланыс үзілді.</translation>
    </message>
</context>
<context>
    <name>ReportProblemDialog</name>
    <message>
        <source>Reading the log…</source>
        <translation>Журнал оқылуда…</translation>
    </message>
    <message>
        <source>The log is empty.</source>
        <translation>Журнал бос.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s), passwords, tokens and SMS codes removed.</source>
        <translation>
            <numerusform>%n жол, құпия сөздер, токендер және SMS кодтары алынып тасталды.</numerusform>
            <numerusform>%n жол, құпия сөздер, токендер және SMS кодтары алынып тасталды.</numerusform>
        </translation>
    </message>
    <message>
        <source>The support desk refused the request: check the marked fields.</source>
        <translation>Қолдау қызметі өтінішті қабылдамады: белгіленген өрістерді тексеріңіз.</translation>
    </message>
    <message>
        <source>The request was not sent. %1</source>
        <translation>Өтініш жіберілмеді. %1</translation>
    </message>
    <message>
        <source>Describe the problem in a few words.</source>
        <translation>Мәселені бірнеше сөзбен сипаттаңыз.</translation>
    </message>
    <message>
        <source>The attachments are too large: untick the screenshot and send again.</source>
        <translation>Тіркемелер тым үлкен: скриншоттың құсбелгісін алып, қайта жіберіңіз.</translation>
    </message>
    <message>
        <source>An attachment could not be read: untick it and send again.</source>
        <translation>Тіркемені оқу мүмкін болмады: оның құсбелгісін алып, қайта жіберіңіз.</translation>
    </message>
    <message>
        <source>The summary must be 3 to 200 characters long.</source>
        <translation>Қысқаша сипаттама 3-тен 200 таңбаға дейін болуы керек.</translation>
    </message>
    <message>
        <source>The details may be at most 10,000 characters long.</source>
        <translation>Толық сипаттама 10 000 таңбадан аспауы керек.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Жіберілуде…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Жіберу</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Мәселе туралы хабарлау</translation>
    </message>
    <message>
        <source>Tell the support desk what went wrong. They answer on working days, 09:00–18:00 Almaty time.</source>
        <translation>Қолдау қызметіне не болғанын айтыңыз. Олар жұмыс күндері Алматы уақытымен 09:00–18:00 аралығында жауап береді.</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Қысқаша:</translation>
    </message>
    <message>
        <source>For example: the order form does not open</source>
        <translation>Мысалы: тапсырыс беру пішіні ашылмайды</translation>
    </message>
    <message>
        <source>Component:</source>
        <translation>Бөлім:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Басымдық:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Орта:</translation>
    </message>
    <message>
        <source>TEST (a test or demo server)</source>
        <translation>Сынақ немесе демо сервер</translation>
    </message>
    <message>
        <source>PROD (the broker&apos;s live server)</source>
        <translation>Брокердің жұмыс сервері</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Толығырақ:</translation>
    </message>
    <message>
        <source>What did you do, what did you expect, and what happened instead?</source>
        <translation>Не істедіңіз, не күттіңіз және оның орнына не болды?</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Тіркемелер</translation>
    </message>
    <message>
        <source>Screenshot of the window</source>
        <translation>Терезенің скриншоты</translation>
    </message>
    <message>
        <source>Click to see it at full size</source>
        <translation>Толық өлшемде көру үшін басыңыз</translation>
    </message>
    <message>
        <source>Click the picture to see it at full size.</source>
        <translation>Толық өлшемде көру үшін суретті басыңыз.</translation>
    </message>
    <message>
        <source>The app&apos;s log: the last %1 lines</source>
        <translation>Қосымша журналы: соңғы %1 жол</translation>
    </message>
    <message>
        <source>Show the log</source>
        <translation>Журналды көрсету</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Менің өтініштерім</translation>
    </message>
    <message>
        <source>The request is registered</source>
        <translation>Өтініш тіркелді</translation>
    </message>
    <message>
        <source>Keep this number: the support desk will contact you by phone or e-mail on working days, 09:00–18:00 Almaty time. Its status is in Help → My requests.</source>
        <translation>Осы нөмірді сақтаңыз: қолдау қызметі сізбен жұмыс күндері Алматы уақытымен 09:00–18:00 аралығында телефон немесе электрондық пошта арқылы байланысады. Өтініштің күйі: Анықтама → Менің өтініштерім.</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>Number</source>
        <translation>Нөмірі</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Берілген уақыты</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Қысқаша</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Бөлім</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Басымдық</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
</context>
<context>
    <name>ScenarioTab</name>
    <message>
        <source>Scenario</source>
        <translation>Сценарий</translation>
    </message>
    <message>
        <source>What it is for</source>
        <translation>Не үшін</translation>
    </message>
    <message>
        <source>Reading where the world comes from…</source>
        <translation>Деректер көзі оқылуда…</translation>
    </message>
    <message>
        <source>The world is the built-in seed: no scenario loaded.</source>
        <translation>Деректер — кіріктірілген бастапқы деректер: сценарий жүктелмеген.</translation>
    </message>
    <message>
        <source>Scenario %1 is loaded (%2).</source>
        <translation>%1 сценарийі жүктелген (%2).</translation>
    </message>
    <message>
        <source>Load the scenario %1?</source>
        <translation>%1 сценарийін жүктеу керек пе?</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Жүктеу</translation>
    </message>
    <message>
        <source>Loading the scenario %1…</source>
        <translation>%1 сценарийі жүктелуде…</translation>
    </message>
    <message>
        <source>Scenario %1 loaded.</source>
        <translation>%1 сценарийі жүктелді.</translation>
    </message>
    <message>
        <source>Scenario file</source>
        <translation>Сценарий файлы</translation>
    </message>
    <message>
        <source>Scenarios (*.toml)</source>
        <translation>Сценарийлер (*.toml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Choose a scenario file first.</source>
        <translation>Алдымен сценарий файлын таңдаңыз.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 оқылуда…</translation>
    </message>
    <message>
        <source>The scenario was not loaded.</source>
        <translation>Сценарий жүктелмеді.</translation>
    </message>
    <message>
        <source>Load the scenario in %1?</source>
        <translation>%1 файлындағы сценарийді жүктеу керек пе?</translation>
    </message>
    <message>
        <source>Loading the scenario in %1…</source>
        <translation>%1 файлындағы сценарий жүктелуде…</translation>
    </message>
    <message>
        <source>The file cannot be read: check the path.</source>
        <translation>Файлды оқу мүмкін емес: жолын тексеріңіз.</translation>
    </message>
    <message>
        <source>The file is too large for a scenario (over 1 MB).</source>
        <translation>Файл сценарий үшін тым үлкен (1 МБ-тан асады).</translation>
    </message>
    <message>
        <source>The file is not text in UTF-8: is it a scenario?</source>
        <translation>Файл UTF-8 мәтіні емес: бұл сценарий ме?</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Қалпына келтіру</translation>
    </message>
    <message>
        <source>Resetting the mock…</source>
        <translation>Имитация сервері қалпына келтірілуде…</translation>
    </message>
    <message>
        <source>The mock was reset.</source>
        <translation>Имитация сервері қалпына келтірілді.</translation>
    </message>
    <message>
        <source>Tester</source>
        <translation>Тестілеуші</translation>
    </message>
    <message>
        <source>Every user, order and price of the mock is replaced, and you will be signed out of the app to sign in again.</source>
        <translation>Имитация серверінің барлық пайдаланушылары, тапсырыстары мен бағалары ауыстырылады, ал сіз қолданбадан шығарыласыз да, қайта кіресіз.</translation>
    </message>
    <message>
        <source>Reset to the scenario</source>
        <translation>Сценарийге қайтару</translation>
    </message>
    <message>
        <source>Back to how %1 starts; faults off, real time.</source>
        <translation>%1 басындағы күйге қайтару; ақаулар өшіріледі, нақты уақыт.</translation>
    </message>
    <message>
        <source>Reset to the seed</source>
        <translation>Бастапқы деректерге қайтару</translation>
    </message>
    <message>
        <source>Back to the built-in seed; faults off, real time.</source>
        <translation>Кіріктірілген бастапқы деректерге қайтару; ақаулар өшіріледі, нақты уақыт.</translation>
    </message>
    <message>
        <source>Loading a scenario or resetting replaces the mock&apos;s whole world: the app signs you out, to sign in as one of its users.</source>
        <translation>Сценарийді жүктеу немесе қалпына келтіру имитация серверінің барлық деректерін ауыстырады: қолданба сізді шығарады, оның пайдаланушыларының бірі ретінде қайта кіріңіз.</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <source>Scenario catalogue</source>
        <translation>Сценарийлер каталогы</translation>
    </message>
    <message>
        <source>Load the scenario</source>
        <translation>Сценарийді жүктеу</translation>
    </message>
    <message>
        <source>From a file</source>
        <translation>Файлдан</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>A scenario&apos;s .toml file</source>
        <translation>Сценарийдің .toml файлы</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Load the file</source>
        <translation>Файлды жүктеу</translation>
    </message>
</context>
<context>
    <name>ScreenshotViewer</name>
    <message>
        <source>Screenshot</source>
        <translation>Скриншот</translation>
    </message>
</context>
<context>
    <name>SecondFactorPage</name>
    <message>
        <source>The confirmation took too long. Sign in again.</source>
        <translation>Растау тым ұзаққа созылды. Қайта кіріңіз.</translation>
    </message>
    <message>
        <source>Confirming…</source>
        <translation>Расталуда…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Растау</translation>
    </message>
    <message>
        <source>We sent a code to %1. It is valid for 5 minutes.</source>
        <translation>%1 нөміріне код жібердік. Ол 5 минут жарамды.</translation>
    </message>
    <message>
        <source>We will send a code by SMS to %1.</source>
        <translation>%1 нөміріне SMS арқылы код жібереміз.</translation>
    </message>
    <message>
        <source>Enter one of the backup codes you saved. Each works once.</source>
        <translation>Сақтап қойған сақтық кодтардың бірін енгізіңіз. Әрқайсысы бір рет жарамды.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code your authenticator app shows now.</source>
        <translation>Аутентификатор қолданбасы қазір көрсетіп тұрған 6 таңбалы кодты енгізіңіз.</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation>Бұл сіз екеніңізді растаңыз</translation>
    </message>
    <message>
        <source>Your account asks for a second step. Phone on file: %1.</source>
        <translation>Тіркелгіңіз екінші қадамды талап етеді. Тіркелген телефон: %1.</translation>
    </message>
    <message>
        <source>Your account asks for a second step.</source>
        <translation>Тіркелгіңіз екінші қадамды талап етеді.</translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>Аутентификатор қолданбасы</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>SMS коды</translation>
    </message>
    <message>
        <source>Backup code</source>
        <translation>Сақтық код</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Код</translation>
    </message>
    <message>
        <source>Remember this computer for 30 days</source>
        <translation>Бұл компьютерді 30 күнге есте сақтау</translation>
    </message>
    <message>
        <source>This computer will not ask for a code again; you can revoke it in Sessions</source>
        <translation>Бұл компьютер кодты қайта сұрамайды; оны «Сеанстар» бөлімінде қайтарып алуға болады</translation>
    </message>
    <message>
        <source>Back to the password</source>
        <translation>Құпия сөзге оралу</translation>
    </message>
    <message>
        <source>Back to sign-in</source>
        <translation>Кіру бетіне оралу</translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message>
        <source>This is the session of this computer: ending it logs you out.</source>
        <translation>Бұл — осы компьютердің сеансы: оны аяқтасаңыз, жүйеден шығасыз.</translation>
    </message>
    <message>
        <source>Log out on this computer?</source>
        <translation>Осы компьютерде шығу керек пе?</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>The session on %1 was ended.</source>
        <translation>%1 компьютеріндегі сеанс аяқталды.</translation>
    </message>
    <message>
        <source>End all other sessions?</source>
        <translation>Басқа сеанстардың бәрін аяқтау керек пе?</translation>
    </message>
    <message>
        <source>Every other computer signed in to your account will be signed out.</source>
        <translation>Шотыңызға кірген басқа компьютерлердің бәрі жүйеден шығарылады.</translation>
    </message>
    <message>
        <source>End other sessions</source>
        <translation>Басқа сеанстарды аяқтау</translation>
    </message>
    <message>
        <source>All other sessions were ended.</source>
        <translation>Басқа сеанстардың бәрі аяқталды.</translation>
    </message>
    <message>
        <source>%1 is no longer remembered.</source>
        <translation>%1 енді есте сақталмайды.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Осы компьютер</translation>
    </message>
    <message>
        <source>Forget this computer</source>
        <translation>Осы компьютерді ұмыту</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Ұмыту</translation>
    </message>
    <message>
        <source>End session (log out)</source>
        <translation>Сеансты аяқтау (шығу)</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Сеансты аяқтау</translation>
    </message>
    <message>
        <source>Sessions and devices</source>
        <translation>Сеанстар мен құрылғылар</translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation>Белсенді сеанстар</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>Қосымша нұсқасы</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP мекенжайы</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Кірген уақыты</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Соңғы белсенділік</translation>
    </message>
    <message>
        <source>End all other sessions</source>
        <translation>Басқа сеанстардың бәрін аяқтау</translation>
    </message>
    <message>
        <source>Remembered computers</source>
        <translation>Есте сақталған компьютерлер</translation>
    </message>
    <message>
        <source>These computers skip the second step of sign-in for 30 days. Forget one you no longer use or do not recognise.</source>
        <translation>Бұл компьютерлерде 30 күн бойы кірудің екінші кезеңі сұралмайды. Енді пайдаланбайтын немесе танымайтын компьютерді ұмытыңыз.</translation>
    </message>
    <message>
        <source>Remembered on</source>
        <translation>Есте сақталған күні</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Мерзімі бітеді</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Соңғы рет қолданылған</translation>
    </message>
    <message>
        <source>No computer is remembered.</source>
        <translation>Есте сақталған компьютер жоқ.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>ShortcutTexts</name>
    <message>
        <source>Open %1</source>
        <translation>%1 бөлімін ашу</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>Пайдаланушы нұсқаулығын ашу</translation>
    </message>
    <message>
        <source>Quick search by ticker or name</source>
        <translation>Тикер не атау бойынша жылдам іздеу</translation>
    </message>
    <message>
        <source>Refresh the data</source>
        <translation>Деректерді жаңарту</translation>
    </message>
    <message>
        <source>New order (on Orders)</source>
        <translation>Жаңа тапсырыс («Тапсырыстар» бөлімінде)</translation>
    </message>
    <message>
        <source>Copy the selected rows of a list</source>
        <translation>Тізімнің таңдалған жолдарын көшіру</translation>
    </message>
    <message>
        <source>Buy the instrument in the selected row</source>
        <translation>Таңдалған жолдағы құралды сатып алу</translation>
    </message>
    <message>
        <source>Sell the instrument in the selected row</source>
        <translation>Таңдалған жолдағы құралды сату</translation>
    </message>
    <message>
        <source>Back to the book of clients</source>
        <translation>Клиенттер тізіміне оралу</translation>
    </message>
    <message>
        <source>Larger text (up to 200%)</source>
        <translation>Мәтінді үлкейту (200 %-ға дейін)</translation>
    </message>
    <message>
        <source>Smaller text (down to 80%)</source>
        <translation>Мәтінді кішірейту (80 %-ға дейін)</translation>
    </message>
    <message>
        <source>Text at its actual size (100%)</source>
        <translation>Мәтіннің нақты өлшемі (100 %)</translation>
    </message>
    <message>
        <source>Open the selected row&apos;s menu</source>
        <translation>Таңдалған жолдың мәзірін ашу</translation>
    </message>
    <message>
        <source>Watchlist editor: move the instrument up</source>
        <translation>Құралдар тізімін баптау: құралды жоғары жылжыту</translation>
    </message>
    <message>
        <source>Watchlist editor: move the instrument down</source>
        <translation>Құралдар тізімін баптау: құралды төмен жылжыту</translation>
    </message>
    <message>
        <source>Watchlist editor: remove the instrument</source>
        <translation>Құралдар тізімін баптау: құралды тізімнен шығару</translation>
    </message>
    <message>
        <source>Open the Tester window (the mock backend&apos;s controls)</source>
        <translation>Тестілеуші терезесін ашу (сервер-имитатордың басқару құралдары)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Пернелер тіркесімдері</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Пернелер</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Әрекет</translation>
    </message>
</context>
<context>
    <name>SignInCodes</name>
    <message>
        <source>Send again in %1</source>
        <translation>%1 кейін қайта жіберу</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Қайта жіберу</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>Код жіберу</translation>
    </message>
    <message>
        <source>Enter a backup code: 8 letters and digits, such as k7p2-9xqa.</source>
        <translation>Сақтық кодты енгізіңіз: 8 әріп пен цифр, мысалы k7p2-9xqa.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code.</source>
        <translation>6 таңбалы кодты енгізіңіз.</translation>
    </message>
    <message>
        <source>Wrong code. Attempts left: %1.</source>
        <translation>Код қате. Қалған әрекет саны: %1.</translation>
    </message>
    <message>
        <source>Wrong code.</source>
        <translation>Код қате.</translation>
    </message>
    <message>
        <source>That was the last try for this code. Ask for a new one.</source>
        <translation>Бұл код үшін соңғы әрекет еді. Жаңасын сұраңыз.</translation>
    </message>
    <message>
        <source>This code has expired: ask for a new one.</source>
        <translation>Бұл кодтың мерзімі өтті: жаңасын сұраңыз.</translation>
    </message>
    <message>
        <source>A new code can be sent once the minute is up.</source>
        <translation>Жаңа кодты бір минут өткен соң жіберуге болады.</translation>
    </message>
</context>
<context>
    <name>SigningForm</name>
    <message>
        <source>Unknown, checking…: no answer came, so it is not yet known whether the withdrawal was made. The app is asking the broker.</source>
        <translation>Белгісіз, тексерілуде…: жауап келмеді, сондықтан ақша алу өтінімінің қабылданғаны әлі белгісіз. Қолданба брокерден сұрап жатыр.</translation>
    </message>
    <message>
        <source>Unknown, checking…: no answer came, so it is not yet known whether the broker received the change of contact details. The app is asking the broker.</source>
        <translation>Белгісіз, тексерілуде…: жауап келмеді, сондықтан байланыс деректерін өзгерту өтінімінің брокерге жеткені әлі белгісіз. Қолданба брокерден сұрап жатыр.</translation>
    </message>
    <message>
        <source>Unknown, checking…: no answer came, so it is not yet known whether the order was placed. The app is asking the broker.</source>
        <translation>Белгісіз, тексерілуде…: жауап келмеді, сондықтан тапсырыстың қойылғаны әлі белгісіз. Қолданба брокерден сұрап жатыр.</translation>
    </message>
    <message>
        <source>The broker answered: the withdrawal was not made.</source>
        <translation>Брокер жауап берді: ақша алу өтінімі орындалған жоқ.</translation>
    </message>
    <message>
        <source>The broker answered: the change of contact details was not accepted.</source>
        <translation>Брокер жауап берді: байланыс деректерін өзгерту өтінімі қабылданған жоқ.</translation>
    </message>
    <message>
        <source>The broker answered: the order was not placed.</source>
        <translation>Брокер жауап берді: тапсырыс қойылған жоқ.</translation>
    </message>
</context>
<context>
    <name>SmsDialog</name>
    <message>
        <source>Sending the code…</source>
        <translation>Код жіберілуде…</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1. It signs this withdrawal.</source>
        <translation>%1 нөміріне 6 таңбалы код жібердік. Ол осы ақша алу өтініміне қол қояды.</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1. It signs this order.</source>
        <translation>%1 нөміріне 6 таңбалы код жібердік. Ол осы тапсырысқа қол қояды.</translation>
    </message>
    <message>
        <source>The code could not be sent.</source>
        <translation>Кодты жіберу мүмкін болмады.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Тексерілуде…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Растау</translation>
    </message>
    <message>
        <source>The code is valid for %1.</source>
        <translation>Код тағы %1 жарамды.</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Жаңа код жіберу</translation>
    </message>
    <message numerus="yes">
        <source>Send a new code in %n s</source>
        <translation>
            <numerusform>Жаңа кодты %n с кейін жіберуге болады</numerusform>
            <numerusform>Жаңа кодты %n с кейін жіберуге болады</numerusform>
        </translation>
    </message>
    <message>
        <source>Get a new code</source>
        <translation>Жаңа код алу</translation>
    </message>
    <message>
        <source>The code has expired. Get a new one.</source>
        <translation>Кодтың мерзімі өтті. Жаңасын алыңыз.</translation>
    </message>
    <message>
        <source>Too many wrong codes: this one no longer works. Get a new one.</source>
        <translation>Қате код тым көп енгізілді: бұл код енді жарамсыз. Жаңасын алыңыз.</translation>
    </message>
    <message>
        <source>Wrong code.</source>
        <translation>Код қате.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong code. Attempts left: %n.</source>
        <translation>
            <numerusform>Код қате. Қалған әрекет саны: %n.</numerusform>
            <numerusform>Код қате. Қалған әрекет саны: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm again to resend the same signed withdrawal: it cannot be made twice.</source>
        <translation>Сол қол қойылған өтінімді қайта жіберу үшін тағы растаңыз: ол екі рет орындалмайды.</translation>
    </message>
    <message>
        <source>Confirm again to resend the same signed order: it cannot be placed twice.</source>
        <translation>Сол қол қойылған тапсырысты қайта жіберу үшін тағы да растаңыз: ол екі рет қойылмайды.</translation>
    </message>
</context>
<context>
    <name>SmsForm</name>
    <message>
        <source>Sign with SMS</source>
        <translation>SMS арқылы қол қою</translation>
    </message>
    <message>
        <source>&amp;Code from the SMS</source>
        <translation>SMS-тегі &amp;код</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Жаңа код жіберу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Растау</translation>
    </message>
</context>
<context>
    <name>SmsTab</name>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>Copy the code sent at %1</source>
        <translation>%1 кезінде жіберілген кодты көшіру</translation>
    </message>
    <message>
        <source>Copied the code sent to %1 at %2.</source>
        <translation>%1 нөміріне %2 кезінде жіберілген код көшірілді.</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>The one-time codes the mock sent, newest first. Copy one with its button, a double click or Ctrl+C.</source>
        <translation>Имитация сервері жіберген бір реттік кодтар, ең жаңасы бірінші. Кодты батырмамен, екі рет басумен немесе Ctrl+C арқылы көшіріңіз.</translation>
    </message>
    <message>
        <source>SMS codes sent</source>
        <translation>Жіберілген SMS кодтары</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Кодты көшіру</translation>
    </message>
    <message>
        <source>Reading the outbox…</source>
        <translation>Жіберілген хабарламалар оқылуда…</translation>
    </message>
    <message>
        <source>No codes sent yet. Sign something by SMS and its code shows here.</source>
        <translation>Әзірге код жіберілмеді. SMS арқылы бір нәрсеге қол қойыңыз, оның коды осында шығады.</translation>
    </message>
</context>
<context>
    <name>SupportLabels</name>
    <message>
        <source>Login issues</source>
        <translation>Кіру мәселелері</translation>
    </message>
    <message>
        <source>Order management</source>
        <translation>Тапсырыстармен жұмыс</translation>
    </message>
    <message>
        <source>Cash transfers</source>
        <translation>Ақша аударымдары</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Қолжетімділік</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Басқа</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Шұғыл</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Жоғары</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Орташа</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Төмен</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Тіркелді</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Жұмыста</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Шешілді</translation>
    </message>
</context>
<context>
    <name>TesterColumns</name>
    <message>
        <source>Sent</source>
        <translation>Жіберілді</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Берілген уақыты</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Құрал</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Орындалды</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Бағасы</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Қол қойылды</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сомасы</translation>
    </message>
</context>
<context>
    <name>TesterPanel</name>
    <message>
        <source>Tester</source>
        <translation>Тестілеуші</translation>
    </message>
    <message>
        <source>Controls of the mock backend at %1. They change the mock for every app connected to it; a real server never shows them.</source>
        <translation>%1 мекенжайындағы имитация серверін басқару. Өзгерістер оған қосылған барлық қолданбаларға әсер етеді; нақты серверде бұл терезе болмайды.</translation>
    </message>
    <message>
        <source>Tester tabs</source>
        <translation>Тестілеуші қойындылары</translation>
    </message>
</context>
<context>
    <name>TesterTab</name>
    <message>
        <source>Could not read the mock: %1</source>
        <translation>Имитация серверін оқу мүмкін болмады: %1</translation>
    </message>
</context>
<context>
    <name>TesterWorld</name>
    <message>
        <source>The mock was reset to the scenario %1. Sign in again.</source>
        <translation>Имитация сервері %1 сценарийіне қайтарылды. Қайта кіріңіз.</translation>
    </message>
    <message>
        <source>The mock was reset to its seed. Sign in again.</source>
        <translation>Имитация сервері бастапқы деректерге қайтарылды. Қайта кіріңіз.</translation>
    </message>
    <message>
        <source>The mock now runs the scenario %1. Sign in as one of its users.</source>
        <translation>Имитация сервері енді %1 сценарийімен жұмыс істейді. Оның пайдаланушыларының бірі ретінде кіріңіз.</translation>
    </message>
</context>
<context>
    <name>TotpSetupDialog</name>
    <message>
        <source>The key is on the clipboard.</source>
        <translation>Кілт алмасу буферіне көшірілді.</translation>
    </message>
    <message>
        <source>Enter the 6 digits the app shows.</source>
        <translation>Қосымша көрсететін 6 цифрды енгізіңіз.</translation>
    </message>
    <message>
        <source>That code is not right. Enter the newest code the app shows; if it is still refused, check that the phone sets its time automatically.</source>
        <translation>Код қате. Қосымша көрсетіп тұрған ең соңғы кодты енгізіңіз; тағы қабылданбаса, телефонда уақыт автоматты түрде орнатылатынын тексеріңіз.</translation>
    </message>
    <message>
        <source>This set-up has expired. Close the window and start again.</source>
        <translation>Баптау мерзімі өтті. Терезені жауып, қайта бастаңыз.</translation>
    </message>
    <message>
        <source>Two-step sign-in is already on for this account.</source>
        <translation>Бұл шот үшін екі кезеңді кіру қосулы тұр.</translation>
    </message>
    <message>
        <source>Set up an authenticator app</source>
        <translation>Аутентификатор қосымшасын баптау</translation>
    </message>
    <message>
        <source>1. Install an authenticator app on your phone, such as Google Authenticator or Microsoft Authenticator.</source>
        <translation>1. Телефоныңызға аутентификатор қосымшасын орнатыңыз, мысалы, Google Authenticator немесе Microsoft Authenticator.</translation>
    </message>
    <message>
        <source>2. In the app, add an account and scan this QR code.</source>
        <translation>2. Қосымшада тіркелгі қосып, осы QR кодты сканерлеңіз.</translation>
    </message>
    <message>
        <source>Cannot scan it? Type this key instead:</source>
        <translation>Сканерлей алмайсыз ба? Оның орнына осы кілтті теріңіз:</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Құпия кілт</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>Copy the key to the clipboard</source>
        <translation>Кілтті алмасу буферіне көшіру</translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation>Кілтті көшіру</translation>
    </message>
    <message>
        <source>3. Enter the 6-digit code the app now shows:</source>
        <translation>3. Қосымша қазір көрсетіп тұрған 6 таңбалы кодты енгізіңіз:</translation>
    </message>
    <message>
        <source>Code from the app</source>
        <translation>Қосымшадағы код</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Растау</translation>
    </message>
</context>
<context>
    <name>TrafficAttachment</name>
    <message>
        <source>No traffic is recorded in this session.</source>
        <translation>Бұл сеансте трафик жазылмайды.</translation>
    </message>
    <message>
        <source>Reading the traffic…</source>
        <translation>Трафик оқылуда…</translation>
    </message>
    <message>
        <source>No traffic in this period.</source>
        <translation>Бұл кезеңде трафик жоқ.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n сұрау</numerusform>
            <numerusform>%n сұрау</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stream message(s)</source>
        <translation>
            <numerusform>ағынның %n хабарламасы</numerusform>
            <numerusform>ағынның %n хабарламасы</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2; passwords, tokens and codes removed.</source>
        <translation>%1 және %2; құпия сөздер, токендер мен кодтар алынып тасталды.</translation>
    </message>
    <message>
        <source>The oldest entries are left out to fit the size limit.</source>
        <translation>Өлшем шегіне сыю үшін ең ескі жазбалар қосылмады.</translation>
    </message>
    <message>
        <source>The app&apos;s network traffic (a HAR file)</source>
        <translation>Қолданбаның желі трафигі</translation>
    </message>
    <message>
        <source>Last:</source>
        <translation>Соңғы:</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минут</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the traffic</source>
        <translation>Трафикті көрсету</translation>
    </message>
</context>
<context>
    <name>TrafficTab</name>
    <message>
        <source>Choose a file to record to.</source>
        <translation>Жазатын файлды таңдаңыз.</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>Файлға жазу мүмкін емес: %1</translation>
    </message>
    <message>
        <source>Record traffic to</source>
        <translation>Трафикті жазу орны</translation>
    </message>
    <message>
        <source>HAR files (*.har)</source>
        <translation>HAR файлдары (*.har)</translation>
    </message>
    <message>
        <source>Recording to %1.</source>
        <translation>%1 файлына жазылуда.</translation>
    </message>
    <message>
        <source>Recording stopped; the file is complete.</source>
        <translation>Жазу тоқтатылды; файл толық.</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Жазуды тоқтату</translation>
    </message>
    <message>
        <source>Record traffic</source>
        <translation>Трафикті жазу</translation>
    </message>
    <message>
        <source>This build of the app cannot record traffic.</source>
        <translation>Қолданбаның бұл нұсқасы трафикті жаза алмайды.</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>%1 файлына жазылуда</translation>
    </message>
    <message>
        <source>Not recording.</source>
        <translation>Жазылмайды.</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Трафик</translation>
    </message>
    <message>
        <source>Every call and stream message of this app, as a HAR file that browsers&apos; developer tools open. Passwords, tokens and codes are masked.</source>
        <translation>Осы қолданбаның барлық сұраулары мен ағын хабарламалары браузер әзірлеуші құралдары ашатын HAR файлына жазылады. Құпиясөздер, токендер мен кодтар жасырылады.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>HAR file to record to</source>
        <translation>Жазуға арналған HAR файлы</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
</context>
<context>
    <name>TrafficViewer</name>
    <message>
        <source>%1 sent, %2 received</source>
        <translation>%1 жіберілді, %2 алынды</translation>
    </message>
    <message>
        <source>no answer (%1)</source>
        <translation>жауап жоқ (%1)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Network traffic</source>
        <translation>Желі трафигі</translation>
    </message>
    <message>
        <source>Every call to the server and every stream message of the period, as the support desk will get them. Passwords, tokens, one-time codes and signatures are replaced by *** before anything is sent.</source>
        <translation>Кезеңдегі серверге жіберілген әрбір сұрау мен ағынның әрбір хабарламасы, қолдау қызметі оларды дәл осылай алады. Құпия сөздер, токендер, бір реттік кодтар мен қолтаңбалар жібермес бұрын *** белгісімен ауыстырылады.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Қысқаша</translation>
    </message>
    <message>
        <source>HAR file</source>
        <translation>Файлдың өзі</translation>
    </message>
    <message>
        <source>No traffic.</source>
        <translation>Трафик жоқ.</translation>
    </message>
</context>
<context>
    <name>TransactionDetailsDialog</name>
    <message>
        <source>Number</source>
        <translation>Нөмірі</translation>
    </message>
    <message>
        <source>Time (Almaty)</source>
        <translation>Уақыты (Алматы)</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Құрал</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Нарық</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Бағыты</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Бағасы</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сомасы</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Комиссия</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Settlement date</source>
        <translation>Есеп айырысу күні</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Қосалқы шот</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Тапсырыс</translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation>Транзакция идентификаторы</translation>
    </message>
    <message>
        <source>Open order %1</source>
        <translation>№%1 тапсырысты ашу</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>%1 транзакциясы</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
</context>
<context>
    <name>TransactionsModel</name>
    <message>
        <source>Number</source>
        <translation>Нөмірі</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Уақыты</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Құрал</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Бағыты</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Бағасы</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Саны</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сомасы</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Комиссия</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Settlement date</source>
        <translation>Есеп айырысу күні</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Әрекеттер</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>%1 бойынша әрекеттер</translation>
    </message>
</context>
<context>
    <name>TransactionsPage</name>
    <message>
        <source>All markets</source>
        <translation>Барлық нарықтар</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Нарық</translation>
    </message>
    <message>
        <source>Buys and sells</source>
        <translation>Сатып алу және сату</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Бағыты</translation>
    </message>
    <message>
        <source>Instrument, e.g. KSPI</source>
        <translation>Құрал, мысалы KSPI</translation>
    </message>
    <message>
        <source>Filter by instrument</source>
        <translation>Құрал бойынша сүзу</translation>
    </message>
    <message>
        <source>Loading transactions…</source>
        <translation>Транзакциялар жүктелуде…</translation>
    </message>
    <message>
        <source>Years of history can take a moment.</source>
        <translation>Бірнеше жылдық тарих біраз уақыт алуы мүмкін.</translation>
    </message>
    <message>
        <source>No transactions match the filters</source>
        <translation>Сүзгілерге сәйкес транзакциялар жоқ</translation>
    </message>
    <message>
        <source>Change the instrument text or reset the filters.</source>
        <translation>Құрал мәтінін өзгертіңіз немесе сүзгілерді тастаңыз.</translation>
    </message>
    <message>
        <source>Try another market, side or period.</source>
        <translation>Басқа нарықты, бағытты немесе кезеңді таңдап көріңіз.</translation>
    </message>
    <message>
        <source>No transactions for this period</source>
        <translation>Бұл кезеңде транзакциялар жоқ</translation>
    </message>
    <message>
        <source>Deals made on your orders appear here.</source>
        <translation>Тапсырыстарыңыз бойынша жасалған транзакциялар осында көрсетіледі.</translation>
    </message>
    <message>
        <source>Transactions did not load</source>
        <translation>Транзакциялар жүктелмеді</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Көрсетілген: %1</translation>
    </message>
    <message>
        <source>%1 · loading more…</source>
        <translation>%1 · тағы жүктелуде…</translation>
    </message>
    <message>
        <source>%1: amount %2, fee %3</source>
        <translation>%1: сомасы %2, комиссия %3</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Жиыны</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show window</source>
        <translation>Терезені көрсету</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>Жұмыс үстеліндегі хабарламалар</translation>
    </message>
    <message>
        <source>A notice when an order fills or is rejected, or a withdrawal is done</source>
        <translation>Тапсырыс орындалғанда не қабылданбағанда, ақша алу өткізілгенде хабарлау</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>Centras Securities</source>
        <translation>Centras Securities</translation>
    </message>
</context>
<context>
    <name>TwoStepDialog</name>
    <message>
        <source>Two-step sign-in is on.</source>
        <translation>Екі кезеңді кіру қосылды.</translation>
    </message>
    <message>
        <source>Two-step sign-in is off.</source>
        <translation>Екі кезеңді кіру өшірілді.</translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation>Екі кезеңді кіру</translation>
    </message>
    <message>
        <source>Two-step sign-in is on</source>
        <translation>Екі кезеңді кіру қосулы</translation>
    </message>
    <message>
        <source>Two-step sign-in is off</source>
        <translation>Екі кезеңді кіру өшірулі</translation>
    </message>
    <message>
        <source>After your password, signing in asks for a code from your authenticator app, or one sent by SMS, or one of your backup codes.</source>
        <translation>Құпия сөзден кейін кіру кезінде аутентификатор қосымшасындағы код, SMS арқылы жіберілген код немесе резервтік кодтардың бірі сұралады.</translation>
    </message>
    <message>
        <source>Protect your account with a second step after the password: a code from an authenticator app on your phone. Someone who learns your password still cannot sign in without your phone.</source>
        <translation>Шотыңызды құпия сөзден кейінгі екінші кезеңмен қорғаңыз: телефоныңыздағы аутентификатор қосымшасының коды. Құпия сөзіңізді білген адам телефоныңызсыз бәрібір кіре алмайды.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Құпия сөзіңізді енгізіңіз.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>Құпия сөз қате.</translation>
    </message>
    <message>
        <source>Enter a code from the app or a backup code.</source>
        <translation>Қосымшадағы кодты немесе резервтік кодты енгізіңіз.</translation>
    </message>
    <message>
        <source>That code is not right. Enter the newest code the app shows, or an unused backup code.</source>
        <translation>Код қате. Қосымша көрсетіп тұрған ең соңғы кодты немесе пайдаланылмаған резервтік кодты енгізіңіз.</translation>
    </message>
    <message>
        <source>Set up an authenticator app</source>
        <translation>Аутентификатор қосымшасын баптау</translation>
    </message>
    <message>
        <source>Turn off…</source>
        <translation>Өшіру…</translation>
    </message>
    <message>
        <source>To turn two-step sign-in off, enter your password and a code from the authenticator app (or a backup code). Remembered computers are forgotten too.</source>
        <translation>Екі кезеңді кіруді өшіру үшін құпия сөзіңізді және аутентификатор қосымшасындағы кодты (немесе резервтік кодты) енгізіңіз. Есте сақталған компьютерлер де ұмытылады.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Құпия сөз</translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation>К&amp;од</translation>
    </message>
    <message>
        <source>123456 or a backup code</source>
        <translation>123456 немесе резервтік код</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Turn off two-step sign-in</source>
        <translation>Екі кезеңді кіруді өшіру</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>UntilField</name>
    <message>
        <source>Type the time as hours and minutes, e.g. 18:30.</source>
        <translation>Уақытты сағат пен минут түрінде енгізіңіз, мысалы 18:30.</translation>
    </message>
    <message>
        <source>until cleared</source>
        <translation>өшірілгенге дейін</translation>
    </message>
    <message>
        <source>for</source>
        <translation>ұзақтығы</translation>
    </message>
    <message>
        <source>until</source>
        <translation>дейін</translation>
    </message>
    <message>
        <source>How long it lasts</source>
        <translation>Қанша уақытқа</translation>
    </message>
    <message>
        <source>Minutes it lasts</source>
        <translation>Ұзақтығы, минут</translation>
    </message>
    <message>
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <source>Time it lasts until, on the mock&apos;s clock</source>
        <translation>Имитация серверінің сағаты бойынша аяқталу уақыты</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>СС:ММ</translation>
    </message>
</context>
<context>
    <name>UpdateCenter</name>
    <message>
        <source>The update did not match what Centras Securities signed, so it was refused. Nothing was installed.</source>
        <translation>Жаңарту Centras Securities қол қойған нұсқаға сәйкес келмеді, сондықтан қабылданбады. Ештеңе орнатылған жоқ.</translation>
    </message>
    <message>
        <source>The update information is out of date (its signatures have expired), so it was refused. Try again later.</source>
        <translation>Жаңарту туралы мәлімет ескірген (қолтаңбаларының мерзімі өткен), сондықтан қабылданбады. Кейінірек қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The update server offered older information than this app has already seen, so it was refused.</source>
        <translation>Жаңарту сервері бағдарлама бұрын көргеннен ескірек мәлімет ұсынды, сондықтан қабылданбады.</translation>
    </message>
    <message>
        <source>The update information is not signed by Centras Securities&apos; keys, so it was refused.</source>
        <translation>Жаңарту туралы мәліметке Centras Securities кілттерімен қол қойылмаған, сондықтан қабылданбады.</translation>
    </message>
    <message>
        <source>Could not reach the update server. Check the connection and try again.</source>
        <translation>Жаңарту серверіне қосылу мүмкін болмады. Байланысты тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Centras Securities does not build this app for this kind of computer, so it cannot be updated here.</source>
        <translation>Centras Securities бұл қолданбаны компьютердің бұл түріне шығармайды, сондықтан оны мұнда жаңарту мүмкін емес.</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>Жүктеп алу тоқтатылды.</translation>
    </message>
    <message>
        <source>Updates are not set up in this copy of the app: it carries no update key. Install the app from Centras Securities to receive updates.</source>
        <translation>Бағдарламаның бұл көшірмесінде жаңарту бапталмаған: онда жаңарту кілті жоқ. Жаңартулар алу үшін бағдарламаны Centras Securities-тен орнатыңыз.</translation>
    </message>
    <message>
        <source>Updates cannot be checked: the update server&apos;s address or the update folder on this computer cannot be used.</source>
        <translation>Жаңартуларды тексеру мүмкін емес: жаңарту серверінің мекенжайын немесе осы компьютердегі жаңарту қалтасын пайдалану мүмкін емес.</translation>
    </message>
    <message>
        <source>The update could not be saved on this computer.</source>
        <translation>Жаңартуды осы компьютерге сақтау мүмкін болмады.</translation>
    </message>
    <message>
        <source>The installer could not be started.</source>
        <translation>Орнатқышты іске қосу мүмкін болмады.</translation>
    </message>
    <message>
        <source>The update server sent an answer the app cannot read.</source>
        <translation>Жаңарту сервері бағдарлама оқи алмайтын жауап жіберді.</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Version %1 is available</source>
        <translation>%1 нұсқасы қолжетімді</translation>
    </message>
    <message>
        <source>You have version %1</source>
        <translation>Сіздегі нұсқа: %1</translation>
    </message>
    <message>
        <source>released %1</source>
        <translation>шыққан күні: %1</translation>
    </message>
    <message>
        <source>No release notes were given.</source>
        <translation>Шығарылым сипаттамасы берілмеген.</translation>
    </message>
    <message>
        <source>Checking for updates…</source>
        <translation>Жаңартулар тексерілуде…</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>Жаңартулар</translation>
    </message>
    <message>
        <source>%1 of %2 MB · %3 %</source>
        <translation>%2 МБ ішінен %1 · %3 %</translation>
    </message>
    <message>
        <source>You have the newest version, %1.</source>
        <translation>Сізде ең жаңа нұсқа орнатылған: %1.</translation>
    </message>
    <message>
        <source>Downloaded and verified. The app closes while the update installs.</source>
        <translation>Жүктелді және тексерілді. Жаңарту орнатылып жатқанда бағдарлама жабылады.</translation>
    </message>
    <message>
        <source>Starting the installer…</source>
        <translation>Орнатқыш іске қосылуда…</translation>
    </message>
    <message>
        <source>Demo mode: nothing was installed. The app would run: %1</source>
        <translation>Демо режимі: ештеңе орнатылған жоқ. Бағдарлама мынаны іске қосар еді: %1</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Кейінірек</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Жүктеп алу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Install and restart</source>
        <translation>Орнату және қайта іске қосу</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Жасыру</translation>
    </message>
    <message>
        <source>Software update</source>
        <translation>Бағдарламаны жаңарту</translation>
    </message>
</context>
<context>
    <name>WatchlistEditor</name>
    <message>
        <source>The list is empty.</source>
        <translation>Тізім бос.</translation>
    </message>
    <message>
        <source>Drag rows, or use Move up and Move down, to set the order on Home.</source>
        <translation>«Басты» беттегі ретті өзгерту үшін жолдарды сүйреңіз немесе «Жоғары» мен «Төмен» батырмаларын басыңыз.</translation>
    </message>
    <message>
        <source>This list is empty. Find instruments on the left and tick them to add them.</source>
        <translation>Бұл тізім бос. Сол жақтан құралдарды тауып, қосу үшін белгілеңіз.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Ізделуде…</translation>
    </message>
    <message numerus="yes">
        <source>%n instrument(s) found. Tick one to add it to its market&apos;s list.</source>
        <translation>
            <numerusform>%n құрал табылды. Нарығының тізіміне қосу үшін белгілеңіз.</numerusform>
            <numerusform>%n құрал табылды. Нарығының тізіміне қосу үшін белгілеңіз.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Check the spelling, or try part of a ticker or a company name.</source>
        <translation>«%1» бойынша ештеңе табылмады. Жазылуын тексеріңіз немесе тикердің не компания атауының бір бөлігін теріңіз.</translation>
    </message>
    <message>
        <source>The search failed: %1 Try again in a moment.</source>
        <translation>Іздеу орындалмады: %1 Біраздан соң қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Type part of a ticker or a name, e.g. HSBK or Halyk.</source>
        <translation>Тикердің не атаудың бір бөлігін теріңіз, мысалы HSBK немесе Halyk Bank.</translation>
    </message>
    <message>
        <source>International</source>
        <translation>International</translation>
    </message>
    <message>
        <source>You are viewing the client&apos;s lists. Brokers cannot change them.</source>
        <translation>Сіз клиенттің тізімдерін қарап отырсыз. Брокер оларды өзгерте алмайды.</translation>
    </message>
    <message>
        <source>Tick instruments to watch their prices on Home; untick to remove them. Changes are saved at once.</source>
        <translation>Бағаларын «Басты» бетте бақылау үшін құралдарды белгілеңіз, алып тастау үшін белгіні алыңыз. Өзгерістер бірден сақталады.</translation>
    </message>
    <message>
        <source>The instruments on each market&apos;s list, in the order Home shows them.</source>
        <translation>Әр нарық тізіміндегі құралдар — «Басты» беттегі ретпен.</translation>
    </message>
    <message>
        <source>Ticker or name, e.g. HSBK</source>
        <translation>Тикер не атауы, мысалы HSBK</translation>
    </message>
    <message>
        <source>Move the selected instrument up (%1)</source>
        <translation>Таңдалған құралды жоғары жылжыту (%1)</translation>
    </message>
    <message>
        <source>Move the selected instrument down (%1)</source>
        <translation>Таңдалған құралды төмен жылжыту (%1)</translation>
    </message>
    <message>
        <source>Remove the selected instrument (%1)</source>
        <translation>Таңдалған құралды тізімнен шығару (%1)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Іздеу нәтижелері</translation>
    </message>
</context>
<context>
    <name>WatchlistEditorForm</name>
    <message>
        <source>Watchlists</source>
        <translation>Құралдар тізімі</translation>
    </message>
    <message>
        <source>Find instruments</source>
        <translation>Құралдарды іздеу</translation>
    </message>
    <message>
        <source>Your lists</source>
        <translation>Сіздің тізімдеріңіз</translation>
    </message>
    <message>
        <source>KASE</source>
        <translation>KASE</translation>
    </message>
    <message>
        <source>AIX</source>
        <translation>AIX</translation>
    </message>
    <message>
        <source>International</source>
        <translation>International</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Жоғары</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Төмен</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Өшіру</translation>
    </message>
</context>
<context>
    <name>WithdrawalForm</name>
    <message>
        <source>Withdraw money</source>
        <translation>Ақшаны алу</translation>
    </message>
    <message>
        <source>Sub-&amp;account</source>
        <translation>Қосалқы &amp;шот</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>&amp;Валюта</translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation>&amp;Сома</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Барлығы</translation>
    </message>
    <message>
        <source>Recipient &amp;IIN</source>
        <translation>Алушының &amp;ЖСН</translation>
    </message>
    <message>
        <source>I&amp;BAN</source>
        <translation>I&amp;BAN</translation>
    </message>
    <message>
        <source>Ban&amp;k</source>
        <translation>Ба&amp;нк</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>Төлем &amp;мақсаты</translation>
    </message>
    <message>
        <source>Document to sign</source>
        <translation>Қол қойылатын құжат</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Sign with &amp;EDS</source>
        <translation>&amp;ЭСҚ арқылы қол қою</translation>
    </message>
    <message>
        <source>Sign with &amp;SMS</source>
        <translation>&amp;SMS арқылы қол қою</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>WithdrawalFormDialog</name>
    <message>
        <source>Signing was cancelled. Nothing was sent; the withdrawal is as you left it.</source>
        <translation>Қол қою тоқтатылды. Ештеңе жіберілген жоқ; өтінім өзгеріссіз қалды.</translation>
    </message>
    <message>
        <source>Available: loading…</source>
        <translation>Қолжетімді: жүктелуде…</translation>
    </message>
    <message>
        <source>Available: %1</source>
        <translation>Қолжетімді: %1</translation>
    </message>
    <message>
        <source>Picked from the IBAN: bank code %1, BIC %2.</source>
        <translation>IBAN бойынша таңдалды: банк коды %1, БСК %2.</translation>
    </message>
    <message>
        <source>Loading the list of banks…</source>
        <translation>Банктер тізімі жүктелуде…</translation>
    </message>
    <message>
        <source>Type the IBAN and the bank is picked from its code.</source>
        <translation>IBAN енгізіңіз, банк оның коды бойынша таңдалады.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Тексерілуде…</translation>
    </message>
    <message>
        <source>Checking the withdrawal with the broker…</source>
        <translation>Брокер өтінімді тексеруде…</translation>
    </message>
    <message>
        <source>The exact text you sign appears here once the broker has checked the withdrawal.</source>
        <translation>Брокер өтінімді тексергеннен кейін қол қоятын мәтін осында шығады.</translation>
    </message>
    <message>
        <source>Withdrawal No. %1 has been accepted</source>
        <translation>№ %1 ақша алу өтінімі қабылданды</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Мәртебесі: %1</translation>
    </message>
    <message>
        <source>%1 to %2 at %3. The amount is blocked until the bank pays it out.</source>
        <translation>%1 → %2, %3. Банк төлегенге дейін сома бұғатталады.</translation>
    </message>
    <message>
        <source>Checking the withdrawal…</source>
        <translation>Өтінім тексерілуде…</translation>
    </message>
    <message>
        <source>More than is available: %1.</source>
        <translation>Қолжетімді сомадан көп: %1.</translation>
    </message>
    <message>
        <source>Money goes only to your own account: the recipient&apos;s IIN must be yours, %1.</source>
        <translation>Ақша тек өз шотыңызға аударылады: алушының ЖСН сіздікі болуы керек, %1.</translation>
    </message>
    <message>
        <source>No bank in Kazakhstan has the bank code %1.</source>
        <translation>Қазақстанда %1 коды бар банк жоқ.</translation>
    </message>
    <message>
        <source>This bank does not match the IBAN: its bank code %1 is %2&apos;s.</source>
        <translation>Бұл банк IBAN-ға сәйкес келмейді: %1 банк коды — %2.</translation>
    </message>
    <message>
        <source>Choose the sub-account.</source>
        <translation>Қосалқы шотты таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose the currency.</source>
        <translation>Валютаны таңдаңыз.</translation>
    </message>
    <message>
        <source>This sub-account holds no cash in this currency.</source>
        <translation>Бұл қосалқы шотта осы валютада ақша жоқ.</translation>
    </message>
    <message>
        <source>Enter the amount.</source>
        <translation>Соманы енгізіңіз.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Сома нөлден көп болуы керек.</translation>
    </message>
    <message>
        <source>The amount can have at most two decimal places.</source>
        <translation>Сомада үтірден кейін ең көбі екі таңба болады.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Сома тым үлкен.</translation>
    </message>
    <message>
        <source>More than is available.</source>
        <translation>Қолжетімді сомадан көп.</translation>
    </message>
    <message>
        <source>Enter the recipient&apos;s IIN.</source>
        <translation>Алушының ЖСН енгізіңіз.</translation>
    </message>
    <message>
        <source>An IIN is 12 digits.</source>
        <translation>ЖСН — 12 цифр.</translation>
    </message>
    <message>
        <source>The first six digits of an IIN are a date of birth: check them.</source>
        <translation>ЖСН-ның алғашқы алты цифры — туған күн: оларды тексеріңіз.</translation>
    </message>
    <message>
        <source>This IIN&apos;s check digit is wrong: check the number.</source>
        <translation>ЖСН-ның бақылау цифры дұрыс емес: нөмірді тексеріңіз.</translation>
    </message>
    <message>
        <source>Money goes only to your own account.</source>
        <translation>Ақша тек өз шотыңызға аударылады.</translation>
    </message>
    <message>
        <source>Enter the IBAN of your bank account.</source>
        <translation>Банк шотыңыздың IBAN-ын енгізіңіз.</translation>
    </message>
    <message>
        <source>A Kazakh IBAN is KZ and 18 more letters and digits.</source>
        <translation>Қазақстандық IBAN — KZ және тағы 18 әріп пен цифр.</translation>
    </message>
    <message>
        <source>Only accounts in Kazakhstan, with IBANs starting KZ.</source>
        <translation>Тек Қазақстандағы шоттар, IBAN KZ-тен басталады.</translation>
    </message>
    <message>
        <source>The IBAN&apos;s check digits do not match: check the number.</source>
        <translation>IBAN бақылау цифрлары сәйкес емес: нөмірді тексеріңіз.</translation>
    </message>
    <message>
        <source>The IBAN&apos;s bank code is not a Kazakh bank&apos;s.</source>
        <translation>IBAN-дағы банк коды қазақстандық банкке тиесілі емес.</translation>
    </message>
    <message>
        <source>Choose the bank.</source>
        <translation>Банкті таңдаңыз.</translation>
    </message>
    <message>
        <source>Choose the bank from the list.</source>
        <translation>Банкті тізімнен таңдаңыз.</translation>
    </message>
    <message>
        <source>This bank does not match the IBAN.</source>
        <translation>Бұл банк IBAN-ға сәйкес келмейді.</translation>
    </message>
    <message>
        <source>The purpose must be one line of plain text.</source>
        <translation>Төлем мақсаты — бір жолдық қарапайым мәтін.</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>Осы өрісті тексеріңіз.</translation>
    </message>
    <message>
        <source>This withdrawal was already signed and sent: No. %1, %2 to %3. See Instructions.</source>
        <translation>Бұл өтінімге қол қойылып, жіберіліп қойған: № %1, %2, %3 шотына. «Тапсырмалар» бөлімін қараңыз.</translation>
    </message>
    <message>
        <source>The withdrawal document has expired. Sign again: a new one will be made.</source>
        <translation>Ақша алу құжатының мерзімі өтті. Қайта қол қойыңыз: жаңасы жасалады.</translation>
    </message>
    <message>
        <source>This withdrawal has already been signed and sent. See Instructions.</source>
        <translation>Бұл өтінімге қол қойылып, жіберіліп қойған. «Тапсырмалар» бөлімін қараңыз.</translation>
    </message>
    <message>
        <source>Not enough cash for this withdrawal any more.</source>
        <translation>Бұл ақша алу үшін қаражат енді жеткіліксіз.</translation>
    </message>
    <message>
        <source>You are not allowed to withdraw money.</source>
        <translation>Сізге ақша алуға рұқсат жоқ.</translation>
    </message>
    <message>
        <source>Withdrawal of own funds</source>
        <translation>Өз қаражатын алу</translation>
    </message>
    <message>
        <source>Money goes only to an account in your own name.</source>
        <translation>Ақша тек өз атыңыздағы шотқа аударылады.</translation>
    </message>
    <message>
        <source>Withdraw all the available cash</source>
        <translation>Барлық қолжетімді ақшаны алу</translation>
    </message>
    <message>
        <source>Picked from the IBAN</source>
        <translation>IBAN бойынша таңдалады</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
</context>
<context>
    <name>ZoomActions</name>
    <message>
        <source>Larger text</source>
        <translation>Мәтінді үлкейту</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Мәтінді кішірейту</translation>
    </message>
    <message>
        <source>Actual size (100%)</source>
        <translation>Нақты өлшем (100 %)</translation>
    </message>
    <message>
        <source>Text size: %1%</source>
        <translation>Мәтін өлшемі: %1 %</translation>
    </message>
</context>
<context>
    <name>_CodeCounts</name>
    <message numerus="yes">
        <source>Backup codes left: %n.</source>
        <translation>
            <numerusform>Қалған резервтік кодтар: %n.</numerusform>
            <numerusform>Қалған резервтік кодтар: %n.</numerusform>
        </translation>
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
