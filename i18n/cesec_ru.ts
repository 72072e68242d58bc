<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
    <message>
        <source>Centras Securities · Trading cabinet</source>
        <translation>Сентрас Секьюритиз · Торговый кабинет</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Версия %1</translation>
    </message>
    <message>
        <source>Licence: proprietary. © Centras Securities JSC. The open-source components below keep their own licences.</source>
        <translation>Лицензия: проприетарная. © АО «Сентрас Секьюритиз». Компоненты с открытым кодом, перечисленные ниже, распространяются по своим лицензиям.</translation>
    </message>
    <message>
        <source>Qt %1 · PySide6 %2 · Python %3</source>
        <translation>Qt %1 · PySide6 %2 · Python %3</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Уведомления о компонентах третьих сторон</translation>
    </message>
</context>
<context>
    <name>AccessibleCells</name>
    <message>
        <source>up</source>
        <translation>вверх</translation>
    </message>
    <message>
        <source>down</source>
        <translation>вниз</translation>
    </message>
</context>
<context>
    <name>AccountNames</name>
    <message>
        <source>Brokerage account</source>
        <translation>Брокерский счёт</translation>
    </message>
    <message>
        <source>Brokerage account %1</source>
        <translation>Брокерский счёт %1</translation>
    </message>
</context>
<context>
    <name>AlertRulesDialog</name>
    <message>
        <source>More than zero, or leave it empty to switch the rule off.</source>
        <translation>Больше нуля, или оставьте поле пустым, чтобы отключить правило.</translation>
    </message>
    <message>
        <source>At most 100 %.</source>
        <translation>Не более 100 %.</translation>
    </message>
    <message>
        <source>That is more than any client holds: check the number.</source>
        <translation>Это больше, чем есть у любого клиента: проверьте число.</translation>
    </message>
</context>
<context>
    <name>AlertRulesForm</name>
    <message>
        <source>Alert rules</source>
        <translation>Правила оповещений</translation>
    </message>
    <message>
        <source>An alert is raised once when a client crosses a rule, and again only after the client is back on the safe side. Leave a number empty to switch its rule off.</source>
        <translation>Оповещение срабатывает один раз, когда клиент выходит за правило, и снова — только после того, как клиент вернётся в безопасную зону. Оставьте число пустым, чтобы отключить правило.</translation>
    </message>
    <message>
        <source>Day&apos;s loss of a client, at least</source>
        <translation>Дневной убыток клиента, не менее</translation>
    </message>
    <message>
        <source>or a day&apos;s loss, at least</source>
        <translation>или дневной убыток, не менее</translation>
    </message>
    <message>
        <source>A withdrawal above</source>
        <translation>Вывод денег свыше</translation>
    </message>
    <message>
        <source>A client&apos;s order is rejected</source>
        <translation>Заявка клиента отклонена</translation>
    </message>
    <message>
        <source>A client&apos;s cash goes below zero</source>
        <translation>Остаток денег клиента ушёл ниже нуля</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <source>No active alerts. New ones also show as a desktop notice.</source>
        <translation>Активных оповещений нет. Новые также приходят уведомлением на рабочем столе.</translation>
    </message>
    <message>
        <source>Nothing acknowledged yet.</source>
        <translation>Пока ничего не подтверждено.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Оповещения</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Оповещение</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Подтверждено</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Открыть клиента</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Подтвердить все</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Active (%1)</source>
        <translation>Активные (%1)</translation>
    </message>
</context>
<context>
    <name>BackupCodesDialog</name>
    <message>
        <source>Backup codes for two-step sign-in, Centras Securities</source>
        <translation>Резервные коды для двухэтапного входа, Centras Securities</translation>
    </message>
    <message>
        <source>Each code works once.</source>
        <translation>Каждый код действует один раз.</translation>
    </message>
    <message>
        <source>Save backup codes</source>
        <translation>Сохранить резервные коды</translation>
    </message>
    <message>
        <source>Text file (*.txt)</source>
        <translation>Текстовый файл (*.txt)</translation>
    </message>
    <message>
        <source>The codes are on the clipboard.</source>
        <translation>Коды скопированы в буфер обмена.</translation>
    </message>
    <message>
        <source>The codes were saved to %1.</source>
        <translation>Коды сохранены в файл %1.</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Не удалось сохранить файл: %1</translation>
    </message>
    <message>
        <source>Backup codes</source>
        <translation>Резервные коды</translation>
    </message>
    <message>
        <source>Save your backup codes</source>
        <translation>Сохраните резервные коды</translation>
    </message>
    <message>
        <source>Each code signs you in once when your phone is not at hand. They are shown only now: copy them or save them to a file, and keep them somewhere safe.</source>
        <translation>Каждый код позволяет войти один раз, когда телефона нет под рукой. Они показываются только сейчас: скопируйте их или сохраните в файл и храните в надёжном месте.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the codes to the clipboard</source>
        <translation>Скопировать коды в буфер обмена</translation>
    </message>
    <message>
        <source>Save to file…</source>
        <translation>Сохранить в файл…</translation>
    </message>
    <message>
        <source>I have saved these codes</source>
        <translation>Я сохранил(а) эти коды</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Tick “I have saved these codes” first: they are not shown again.</source>
        <translation>Сначала отметьте «Я сохранил(а) эти коды»: они больше не будут показаны.</translation>
    </message>
</context>
<context>
    <name>BookAlerts</name>
    <message>
        <source>Day&apos;s loss</source>
        <translation>Дневной убыток</translation>
    </message>
    <message>
        <source>Order rejected</source>
        <translation>Заявка отклонена</translation>
    </message>
    <message>
        <source>Large withdrawal</source>
        <translation>Крупный вывод денег</translation>
    </message>
    <message>
        <source>Cash below zero</source>
        <translation>Деньги ниже нуля</translation>
    </message>
    <message>
        <source>Down today: %1</source>
        <translation>Снижение за день: %1</translation>
    </message>
    <message>
        <source>Order No. %1 was rejected</source>
        <translation>Заявка № %1 отклонена</translation>
    </message>
    <message>
        <source>Asked to withdraw %1</source>
        <translation>Запрошен вывод %1</translation>
    </message>
    <message>
        <source>Cash is %1</source>
        <translation>Остаток денег: %1</translation>
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
        <translation>ИИН</translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation>Субсчета</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Day&apos;s change</source>
        <translation>Изменение за день</translation>
    </message>
    <message>
        <source>Day&apos;s change %</source>
        <translation>Изменение за день, %</translation>
    </message>
    <message>
        <source>Unrealized P/L</source>
        <translation>Нереализ. прибыль/убыток</translation>
    </message>
    <message>
        <source>Cash KZT</source>
        <translation>Деньги, KZT</translation>
    </message>
    <message>
        <source>Cash USD</source>
        <translation>Деньги, USD</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблокировано</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Открытые заявки</translation>
    </message>
    <message>
        <source>Withdrawals</source>
        <translation>Выводы</translation>
    </message>
    <message>
        <source>Withdrawals in progress</source>
        <translation>Выводы в обработке</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Последняя активность</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Оповещения</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Changing…</source>
        <translation>Смена пароля…</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Сменить пароль</translation>
    </message>
    <message>
        <source>Enter the current password.</source>
        <translation>Введите текущий пароль.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Текущий пароль введён неверно.</translation>
    </message>
    <message>
        <source>The server did not accept the new password.</source>
        <translation>Сервер не принял новый пароль.</translation>
    </message>
    <message>
        <source>The new password does not meet every rule below.</source>
        <translation>Новый пароль не отвечает всем требованиям ниже.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Новый пароль должен отличаться от текущего.</translation>
    </message>
    <message>
        <source>Repeat the new password.</source>
        <translation>Повторите новый пароль.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>Choose your own password</source>
        <translation>Задайте свой пароль</translation>
    </message>
    <message>
        <source>Your broker issued this password: choose your own before you go on.</source>
        <translation>Этот пароль выдал ваш брокер: прежде чем продолжить, задайте свой.</translation>
    </message>
    <message>
        <source>8 to 12 characters</source>
        <translation>от 8 до 12 символов</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>цифру</translation>
    </message>
    <message>
        <source>an upper-case letter</source>
        <translation>заглавную букву</translation>
    </message>
    <message>
        <source>a lower-case letter</source>
        <translation>строчную букву</translation>
    </message>
    <message>
        <source>a symbol, such as ! # % or *</source>
        <translation>спецсимвол, например ! # % или *</translation>
    </message>
    <message>
        <source>Your password has expired</source>
        <translation>Срок действия пароля истёк</translation>
    </message>
</context>
<context>
    <name>ChangePasswordForm</name>
    <message>
        <source>Change password</source>
        <translation>Сменить пароль</translation>
    </message>
    <message>
        <source>Your password has expired. Choose a new one to continue.</source>
        <translation>Срок действия вашего пароля истёк. Чтобы продолжить, задайте новый.</translation>
    </message>
    <message>
        <source>C&amp;urrent password</source>
        <translation>&amp;Текущий пароль</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Новый пароль</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password</source>
        <translation>&amp;Повторите новый пароль</translation>
    </message>
    <message>
        <source>The new password must have:</source>
        <translation>Новый пароль должен содержать:</translation>
    </message>
    <message>
        <source>8 to 12 characters</source>
        <translation>от 8 до 12 символов</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>цифру</translation>
    </message>
    <message>
        <source>an upper-case letter</source>
        <translation>заглавную букву</translation>
    </message>
    <message>
        <source>a lower-case letter</source>
        <translation>строчную букву</translation>
    </message>
    <message>
        <source>a symbol, such as ! # % or *</source>
        <translation>спецсимвол, например ! # % или *</translation>
    </message>
    <message>
        <source>Password changed successfully</source>
        <translation>Пароль успешно изменён</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
</context>
<context>
    <name>ChartWindow</name>
    <message>
        <source>Loading the chart…</source>
        <translation>Загрузка графика…</translation>
    </message>
    <message>
        <source>No trades in this period yet.</source>
        <translation>За этот период сделок пока нет.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Откр.</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Макс.</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Мин.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закр.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Объём</translation>
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
        <translation>1 ч</translation>
    </message>
    <message>
        <source>1d</source>
        <translation>1 д</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Купить</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Продать</translation>
    </message>
    <message>
        <source>Chart · %1</source>
        <translation>График · %1</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>IIN %1</source>
        <translation>ИИН %1</translation>
    </message>
    <message>
        <source>Loading clients…</source>
        <translation>Загрузка клиентов…</translation>
    </message>
    <message>
        <source>The client list did not load</source>
        <translation>Список клиентов не загрузился</translation>
    </message>
    <message>
        <source>No clients assigned</source>
        <translation>Нет закреплённых клиентов</translation>
    </message>
    <message>
        <source>Whose data is shown (read-only): %1</source>
        <translation>Чьи данные показаны (только просмотр): %1</translation>
    </message>
    <message>
        <source>Choose whose data to watch</source>
        <translation>Выберите, чьи данные смотреть</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Клиент:</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Loading the book…</source>
        <translation>Загрузка клиентской базы…</translation>
    </message>
    <message>
        <source>Every client&apos;s summary and positions are read once, then kept live.</source>
        <translation>Сводка и позиции каждого клиента читаются один раз, затем обновляются в реальном времени.</translation>
    </message>
    <message>
        <source>No clients match the filters</source>
        <translation>Нет клиентов, подходящих под фильтры</translation>
    </message>
    <message>
        <source>Change the search or the toggles above, or reset the filters.</source>
        <translation>Измените поиск или переключатели выше либо сбросьте фильтры.</translation>
    </message>
    <message>
        <source>No clients in the book</source>
        <translation>В базе нет клиентов</translation>
    </message>
    <message>
        <source>Clients assigned to you by the back office show here.</source>
        <translation>Здесь появятся клиенты, закреплённые за вами бэк-офисом.</translation>
    </message>
    <message>
        <source>The book could not be loaded</source>
        <translation>Не удалось загрузить клиентскую базу</translation>
    </message>
    <message>
        <source>Clients: %1</source>
        <translation>Клиентов: %1</translation>
    </message>
    <message>
        <source>This client is no longer in your list.</source>
        <translation>Этого клиента больше нет в вашем списке.</translation>
    </message>
    <message>
        <source>Type a percentage, such as 5.</source>
        <translation>Введите процент, например 5.</translation>
    </message>
    <message>
        <source>At most 100 %.</source>
        <translation>Не более 100 %.</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Оповещение: %1</translation>
    </message>
    <message>
        <source>Load the book again</source>
        <translation>Загрузить базу заново</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Открыть клиента</translation>
    </message>
    <message>
        <source>Name or IIN</source>
        <translation>ФИО или ИИН</translation>
    </message>
    <message>
        <source>Search clients by name or IIN</source>
        <translation>Поиск клиентов по ФИО или ИИН</translation>
    </message>
    <message>
        <source>Has open orders</source>
        <translation>Есть открытые заявки</translation>
    </message>
    <message>
        <source>Has withdrawals in progress</source>
        <translation>Есть выводы в обработке</translation>
    </message>
    <message>
        <source>Down more than</source>
        <translation>Снижение более</translation>
    </message>
    <message>
        <source>Day&apos;s loss, %</source>
        <translation>Дневной убыток, %</translation>
    </message>
    <message>
        <source>Clients whose day&apos;s change is below minus this %</source>
        <translation>Клиенты, у которых изменение за день ниже минус этого процента</translation>
    </message>
    <message>
        <source>Alert rules…</source>
        <translation>Правила оповещений…</translation>
    </message>
    <message>
        <source>When an alert is raised</source>
        <translation>Когда срабатывает оповещение</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>Day&apos;s change</source>
        <translation>Изменение за день</translation>
    </message>
    <message>
        <source>Cash KZT</source>
        <translation>Деньги, KZT</translation>
    </message>
    <message>
        <source>Cash USD</source>
        <translation>Деньги, USD</translation>
    </message>
    <message>
        <source>Whole book</source>
        <translation>Вся база</translation>
    </message>
    <message>
        <source>Shown by the filters</source>
        <translation>По фильтрам</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>Оповещения: %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Оповещения</translation>
    </message>
    <message>
        <source>Active alerts and the acknowledged ones</source>
        <translation>Активные и подтверждённые оповещения</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Connecting to live quotes and order updates.</source>
        <translation>Подключаемся к котировкам и статусам заявок в реальном времени.</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Live quotes and order updates are arriving.</source>
        <translation>Котировки и статусы заявок обновляются в реальном времени.</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Переподключение…</translation>
    </message>
    <message>
        <source>The connection was lost. Reconnecting; data on screen may be stale.</source>
        <translation>Связь потеряна. Переподключаемся; данные на экране могут быть устаревшими.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <source>No live connection: quotes and order statuses are not updated.</source>
        <translation>Нет подключения: котировки и статусы заявок не обновляются.</translation>
    </message>
</context>
<context>
    <name>ContactChangeForm</name>
    <message>
        <source>Signing was cancelled. Nothing was sent; your details are as they were.</source>
        <translation>Подписание отменено. Ничего не отправлено; ваши данные остались прежними.</translation>
    </message>
    <message>
        <source>Checking with the broker…</source>
        <translation>Проверяем у брокера…</translation>
    </message>
    <message>
        <source>The document you sign:</source>
        <translation>Документ, который вы подписываете:</translation>
    </message>
    <message>
        <source>The exact text you sign appears here once the broker has checked it.</source>
        <translation>Точный текст, который вы подпишете, появится здесь, когда брокер его проверит.</translation>
    </message>
    <message>
        <source>Your request went to the broker: instruction No. %1</source>
        <translation>Ваш запрос отправлен брокеру: поручение № %1</translation>
    </message>
    <message>
        <source>%1. It is on the Instructions page, where you can follow its status (now: %2). Your details change once the broker executes it.</source>
        <translation>%1. Оно на странице «Поручения», где можно следить за его статусом (сейчас: %2). Ваши данные изменятся, когда брокер его исполнит.</translation>
    </message>
    <message>
        <source>Enter the new mobile number.</source>
        <translation>Введите новый номер мобильного.</translation>
    </message>
    <message>
        <source>A mobile number is +7 and 10 digits: +7 7xx xxx xx xx.</source>
        <translation>Номер мобильного — это +7 и 10 цифр: +7 7xx xxx xx xx.</translation>
    </message>
    <message>
        <source>This is not a Kazakh mobile number: it starts +7 700–708, 747, 760–764, 771, 775–778 or 785.</source>
        <translation>Это не казахстанский мобильный номер: он начинается с +7 700–708, 747, 760–764, 771, 775–778 или 785.</translation>
    </message>
    <message>
        <source>Enter the new e-mail address.</source>
        <translation>Введите новый адрес электронной почты.</translation>
    </message>
    <message>
        <source>This is not an e-mail address, like name@example.kz.</source>
        <translation>Это не адрес электронной почты вида name@example.kz.</translation>
    </message>
    <message>
        <source>This address is too long.</source>
        <translation>Этот адрес слишком длинный.</translation>
    </message>
    <message>
        <source>This is what is on file already.</source>
        <translation>Эти данные уже указаны.</translation>
    </message>
    <message>
        <source>Enter the new value.</source>
        <translation>Введите новое значение.</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>Проверьте это поле.</translation>
    </message>
    <message>
        <source>Only an EDS signature can change your contact details, not an SMS code.</source>
        <translation>Изменить контактные данные можно только подписью ЭЦП, а не SMS-кодом.</translation>
    </message>
    <message>
        <source>The document has expired. Sign again: a new one will be made.</source>
        <translation>Срок документа истёк. Подпишите снова: будет создан новый.</translation>
    </message>
    <message>
        <source>You are not allowed to change these details.</source>
        <translation>Вам не разрешено изменять эти данные.</translation>
    </message>
    <message>
        <source>This request has already been signed and sent. See Instructions.</source>
        <translation>Этот запрос уже подписан и отправлен. См. «Поручения».</translation>
    </message>
    <message>
        <source>Change phone</source>
        <translation>Сменить телефон</translation>
    </message>
    <message>
        <source>Change e-mail</source>
        <translation>Сменить эл. почту</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Phone on file: %1</source>
        <translation>Текущий телефон: %1</translation>
    </message>
    <message>
        <source>E-mail on file: %1</source>
        <translation>Текущая эл. почта: %1</translation>
    </message>
    <message>
        <source>New mobile phone</source>
        <translation>Новый мобильный телефон</translation>
    </message>
    <message>
        <source>New e-mail</source>
        <translation>Новая эл. почта</translation>
    </message>
    <message>
        <source>Signed with EDS only: SMS codes go to the phone on file, so an SMS code cannot authorise changing it.</source>
        <translation>Подписывается только ЭЦП: SMS-коды приходят на текущий телефон, поэтому SMS-код не может подтвердить его смену.</translation>
    </message>
    <message>
        <source>Sign with EDS</source>
        <translation>Подписать ЭЦП</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <source>Contact support</source>
        <translation>Связаться с поддержкой</translation>
    </message>
    <message>
        <source>Centras Securities support desk</source>
        <translation>Служба поддержки «Сентрас Секьюритиз»</translation>
    </message>
    <message>
        <source>Questions about the cabinet, orders, transfers or access: call or write to us.</source>
        <translation>Вопросы о кабинете, заявках, переводах или доступе: позвоните или напишите нам.</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Электронная почта:</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Часы работы:</translation>
    </message>
    <message>
        <source>09:00–18:00 Almaty time, working days (Monday to Friday)</source>
        <translation>09:00–18:00 по времени Алматы, в рабочие дни (с понедельника по пятницу)</translation>
    </message>
    <message>
        <source>Report a problem sends the support desk a description with a screenshot and the app&apos;s log, so they can help faster.</source>
        <translation>«Сообщить о проблеме» отправляет в поддержку описание вместе со снимком окна и журналом приложения — так вам помогут быстрее.</translation>
    </message>
    <message>
        <source>Report a problem…</source>
        <translation>Сообщить о проблеме…</translation>
    </message>
</context>
<context>
    <name>DecimalField</name>
    <message>
        <source>“%1” is not a digit: type digits only.</source>
        <translation>«%1» — не цифра: вводите только цифры.</translation>
    </message>
    <message>
        <source>“%1” is not a digit: type digits and one decimal mark, a comma or a point.</source>
        <translation>«%1» — не цифра: вводите цифры и один десятичный знак, запятую или точку.</translation>
    </message>
    <message>
        <source>The number must be positive: no minus sign.</source>
        <translation>Число должно быть положительным: без знака минус.</translation>
    </message>
    <message>
        <source>Only a whole number here: lots cannot be split.</source>
        <translation>Здесь только целое число: лоты не делятся.</translation>
    </message>
    <message>
        <source>At most %1 digits after the decimal mark.</source>
        <translation>Не больше %1 знаков после запятой.</translation>
    </message>
    <message>
        <source>Only one decimal mark, a comma or a point.</source>
        <translation>Только один десятичный знак: запятая или точка.</translation>
    </message>
    <message>
        <source>Spaces may only separate thousands, as in 50 000.</source>
        <translation>Пробелы могут только разделять тысячи, как в 50 000.</translation>
    </message>
    <message>
        <source>Too many digits for this field.</source>
        <translation>Слишком много цифр для этого поля.</translation>
    </message>
    <message>
        <source>Thousands or a fraction? Type the number without a thousands separator.</source>
        <translation>Тысячи или дробь? Введите число без разделителя тысяч.</translation>
    </message>
    <message>
        <source>Too long to be a number: it was not pasted.</source>
        <translation>Слишком длинно для числа: не вставлено.</translation>
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
        <translation>Ваш код подтверждения: %1. Никому его не сообщайте.</translation>
    </message>
    <message>
        <source>Demo: sent to %1, shown here instead of on the phone.</source>
        <translation>Демо: отправлено на %1, показано здесь вместо телефона.</translation>
    </message>
    <message>
        <source>Fill in</source>
        <translation>Вставить код</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>SMS code %1</source>
        <translation>SMS-код %1</translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation>Код для входа</translation>
    </message>
    <message>
        <source>Password reset code</source>
        <translation>Код для сброса пароля</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>EdsDialog</name>
    <message>
        <source>Connecting to NCALayer…</source>
        <translation>Подключение к NCALayer…</translation>
    </message>
    <message>
        <source>Choose your key in NCALayer</source>
        <translation>Выберите ключ в NCALayer</translation>
    </message>
    <message>
        <source>Sending the signed withdrawal…</source>
        <translation>Отправляем подписанное поручение на вывод…</translation>
    </message>
    <message>
        <source>Sending the signed instruction…</source>
        <translation>Отправляем подписанное поручение…</translation>
    </message>
    <message>
        <source>Sending the signed order…</source>
        <translation>Отправка подписанной заявки…</translation>
    </message>
    <message>
        <source>NCALayer is not running</source>
        <translation>NCALayer не запущен</translation>
    </message>
    <message>
        <source>NCALayer could not sign</source>
        <translation>NCALayer не смог подписать</translation>
    </message>
    <message>
        <source>The broker did not accept the signature</source>
        <translation>Брокер не принял подпись</translation>
    </message>
    <message>
        <source>No answer from the broker</source>
        <translation>Нет ответа от брокера</translation>
    </message>
    <message>
        <source>This key is not yours</source>
        <translation>Это не ваш ключ</translation>
    </message>
    <message>
        <source>Choose your key in KAZTOKEN desktop</source>
        <translation>Выберите ключ в KAZTOKEN desktop</translation>
    </message>
    <message>
        <source>NCALayer signs with your EDS key on this computer. The withdrawal text you see in the form is what you sign.</source>
        <translation>NCALayer подписывает ключом ЭЦП на этом компьютере. Вы подписываете тот текст поручения, который видите в форме.</translation>
    </message>
    <message>
        <source>NCALayer signs with your EDS key on this computer. The document you see in the form is what you sign.</source>
        <translation>NCALayer подписывает вашим ключом ЭЦП на этом компьютере. Вы подписываете именно тот документ, который видите в форме.</translation>
    </message>
    <message>
        <source>NCALayer signs with your EDS key on this computer. The order text you see in the form is what you sign.</source>
        <translation>NCALayer подписывает ключом ЭЦП на этом компьютере. Вы подписываете именно тот текст заявки, который видите в форме.</translation>
    </message>
    <message>
        <source>KAZTOKEN desktop has opened its window: choose your signing key, type the PIN and confirm. Take your time: this window waits.</source>
        <translation>KAZTOKEN desktop открыл своё окно: выберите ключ для подписи, введите PIN-код и подтвердите. Не торопитесь: это окно подождёт.</translation>
    </message>
    <message>
        <source>NCALayer has opened its window: choose the key storage and your signing key, type the password and confirm. Take your time: this window waits.</source>
        <translation>NCALayer открыл своё окно: выберите хранилище и ключ для подписи, введите пароль и подтвердите. Не торопитесь: это окно подождёт.</translation>
    </message>
    <message>
        <source>Nothing was sent. Press Retry and choose the EDS key issued to you.</source>
        <translation>Ничего не отправлено. Нажмите «Повторить» и выберите ключ ЭЦП, выданный вам.</translation>
    </message>
    <message>
        <source>Start NCALayer (from the Start menu, the desktop or the tray) and press Retry. If it is not installed, download it from %1, install it, start it and press Retry.</source>
        <translation>Запустите NCALayer (из меню «Пуск», с рабочего стола или из трея) и нажмите «Повторить». Если он не установлен, скачайте его с %1, установите, запустите и нажмите «Повторить».</translation>
    </message>
    <message>
        <source>Check the key storage and the key, then press Retry.</source>
        <translation>Проверьте хранилище и ключ, затем нажмите «Повторить».</translation>
    </message>
    <message>
        <source>Nothing was placed. Press Retry to sign again.</source>
        <translation>Заявка не выставлена. Нажмите «Повторить», чтобы подписать снова.</translation>
    </message>
    <message>
        <source>The withdrawal may already be made. Retry sends the same signed withdrawal again: the broker can never make it twice.</source>
        <translation>Поручение на вывод, возможно, уже принято. «Повторить» отправит то же подписанное поручение: брокер никогда не исполнит его дважды.</translation>
    </message>
    <message>
        <source>The instruction may already be made. Retry sends the same signed instruction again: the broker can never make it twice.</source>
        <translation>Поручение, возможно, уже создано. «Повторить» отправит то же подписанное поручение ещё раз: брокер никогда не создаст его дважды.</translation>
    </message>
    <message>
        <source>The order may already be placed. Retry sends the same signed order again: the broker can never place it twice.</source>
        <translation>Возможно, заявка уже выставлена. «Повторить» отправит ту же подписанную заявку ещё раз: брокер не сможет выставить её дважды.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>Подключено: %1.</translation>
    </message>
    <message>
        <source>Signed by %1, IIN %2, certificate valid until %3.</source>
        <translation>Подписал: %1, ИИН %2, сертификат действителен до %3.</translation>
    </message>
    <message>
        <source>The chosen certificate belongs to %1 (IIN %2), not to the client of this account. The broker would refuse it.</source>
        <translation>Выбранный сертификат принадлежит %1 (ИИН %2), а не клиенту этого счёта. Брокер его не примет.</translation>
    </message>
    <message>
        <source>No signing key was found in the chosen storage.</source>
        <translation>В выбранном хранилище не найден ключ для подписи.</translation>
    </message>
    <message>
        <source>NCALayer closed the connection.</source>
        <translation>NCALayer закрыл соединение.</translation>
    </message>
    <message>
        <source>NCALayer did not answer.</source>
        <translation>NCALayer не ответил.</translation>
    </message>
    <message>
        <source>NCALayer answered something that cannot be read. Restart NCALayer and try again.</source>
        <translation>NCALayer прислал нечитаемый ответ. Перезапустите NCALayer и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>NCALayer said: %1</source>
        <translation>Ответ NCALayer: %1</translation>
    </message>
    <message>
        <source>The signature could not be verified.</source>
        <translation>Не удалось проверить подпись.</translation>
    </message>
    <message>
        <source>The certificate is not trusted: it has expired, been revoked, or was not issued by the National Certification Centre.</source>
        <translation>Сертификат не является доверенным: срок его действия истёк, он отозван или выдан не Национальным удостоверяющим центром.</translation>
    </message>
    <message>
        <source>The key belongs to someone else. Sign with your own EDS key.</source>
        <translation>Ключ принадлежит другому человеку. Подпишите своим ключом ЭЦП.</translation>
    </message>
    <message>
        <source>The signature&apos;s timestamp could not be verified: the signing time is not trustworthy.</source>
        <translation>Метку времени подписи не удалось проверить: времени подписания нельзя доверять.</translation>
    </message>
    <message>
        <source>The signed text differs from the withdrawal document.</source>
        <translation>Подписанный текст отличается от документа поручения.</translation>
    </message>
    <message>
        <source>The signed text differs from the document.</source>
        <translation>Подписанный текст отличается от документа.</translation>
    </message>
    <message>
        <source>The signed text differs from the order document.</source>
        <translation>Подписанный текст отличается от документа заявки.</translation>
    </message>
</context>
<context>
    <name>EdsForm</name>
    <message>
        <source>Sign with EDS</source>
        <translation>Подписать ЭЦП</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Повторить</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Something went wrong. The app may keep working, but if the problem returns, restart it and tell support.</source>
        <translation>Что-то пошло не так. Приложение может продолжить работу, но если ошибка повторится, перезапустите его и сообщите в службу поддержки.</translation>
    </message>
    <message>
        <source>Details are in the log: %1</source>
        <translation>Подробности в журнале: %1</translation>
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
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Файл CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Не удалось сохранить файл: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) saved to %1</source>
        <translation>
            <numerusform>%n строка сохранена в %1</numerusform>
            <numerusform>%n строки сохранены в %1</numerusform>
            <numerusform>%n строк сохранено в %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the rows to copy first.</source>
        <translation>Сначала выделите строки для копирования.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) copied to the clipboard</source>
        <translation>
            <numerusform>%n строка скопирована в буфер обмена</numerusform>
            <numerusform>%n строки скопированы в буфер обмена</numerusform>
            <numerusform>%n строк скопировано в буфер обмена</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Save the rows shown to a file, or copy the selected rows</source>
        <translation>Сохранить показанные строки в файл или скопировать выделенные</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Экспорт в CSV…</translation>
    </message>
    <message>
        <source>Export to Excel (XLSX)…</source>
        <translation>Экспорт в Excel (XLSX)…</translation>
    </message>
    <message>
        <source>Copy selected rows</source>
        <translation>Копировать выделенные строки</translation>
    </message>
</context>
<context>
    <name>FaultsTab</name>
    <message>
        <source>On: every call waits %1 ms</source>
        <translation>Включено: каждый запрос ждёт %1 мс</translation>
    </message>
    <message>
        <source>every /api/v1 call</source>
        <translation>всех запросов /api/v1</translation>
    </message>
    <message>
        <source>On: %1 % of %2 answer %3</source>
        <translation>Включено: %1 % %2 отвечают %3</translation>
    </message>
    <message>
        <source>On: streams are dropped and refused</source>
        <translation>Включено: потоки обрываются и не принимаются</translation>
    </message>
    <message>
        <source>creating and confirming orders, withdrawals, requests</source>
        <translation>создание и подтверждение заявок, выводов денег, обращений</translation>
    </message>
    <message>
        <source>On: the next %1 of %2 commit, then lose their answer</source>
        <translation>Включено: следующие %1 запросов (%2) сохраняются, но теряют ответ</translation>
    </message>
    <message>
        <source>On: answers arrive at %1 bytes a second</source>
        <translation>Включено: ответы приходят со скоростью %1 байт в секунду</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключено</translation>
    </message>
    <message>
        <source>, until cleared.</source>
        <translation>, до отключения.</translation>
    </message>
    <message>
        <source>, until %1 on the mock&apos;s clock.</source>
        <translation>, до %1 по часам сервера-имитатора.</translation>
    </message>
    <message>
        <source>Turning on: %1…</source>
        <translation>Включаем: %1…</translation>
    </message>
    <message>
        <source>Turning off: %1…</source>
        <translation>Выключаем: %1…</translation>
    </message>
    <message>
        <source>Clearing every fault…</source>
        <translation>Выключаем все сбои…</translation>
    </message>
    <message>
        <source>Every fault is off.</source>
        <translation>Все сбои выключены.</translation>
    </message>
    <message>
        <source>Faults</source>
        <translation>Сбои</translation>
    </message>
    <message>
        <source>Faults hit the cabinet API (/api/v1) of every client of this mock, not only this app. Times are on the mock&apos;s clock.</source>
        <translation>Сбои затрагивают API кабинета (/api/v1) для всех клиентов этого сервера-имитатора, а не только это приложение. Время — по часам сервера-имитатора.</translation>
    </message>
    <message>
        <source>Injected faults</source>
        <translation>Внесённые сбои</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Задержка</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Ошибки</translation>
    </message>
    <message>
        <source>Stream drop</source>
        <translation>Обрыв потока</translation>
    </message>
    <message>
        <source>Crash after commit</source>
        <translation>Сбой после записи</translation>
    </message>
    <message>
        <source>Slow answers</source>
        <translation>Медленные ответы</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>мс</translation>
    </message>
    <message>
        <source>% of calls</source>
        <translation>% запросов</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>секунд</translation>
    </message>
    <message>
        <source>next calls</source>
        <translation>следующих запросов</translation>
    </message>
    <message>
        <source>bytes a second</source>
        <translation>байт/с</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Выключить</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Оборвать</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>Включить</translation>
    </message>
    <message>
        <source>status</source>
        <translation>статус</translation>
    </message>
    <message>
        <source>HTTP status of the errors</source>
        <translation>HTTP-статус ошибок</translation>
    </message>
    <message>
        <source>path</source>
        <translation>путь</translation>
    </message>
    <message>
        <source>Which calls (method and path pattern)</source>
        <translation>Какие запросы (метод и шаблон пути)</translation>
    </message>
    <message>
        <source>default calls</source>
        <translation>по умолчанию</translation>
    </message>
    <message>
        <source>A path pattern with * wildcards, optionally after a method, e.g. POST /api/v1/orders/*/confirm. Empty: the default calls.</source>
        <translation>Шаблон пути с подстановкой *, можно с методом перед ним, например POST /api/v1/orders/*/confirm. Пусто — запросы по умолчанию.</translation>
    </message>
    <message>
        <source>Clear all faults</source>
        <translation>Выключить все сбои</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Читаем…</translation>
    </message>
</context>
<context>
    <name>ForgotPasswordPage</name>
    <message>
        <source>The code is no longer valid. Ask for a new one.</source>
        <translation>Код больше не действует. Запросите новый.</translation>
    </message>
    <message>
        <source>Enter your login or IIN.</source>
        <translation>Введите логин или ИИН.</translation>
    </message>
    <message>
        <source>The new password does not meet every rule below.</source>
        <translation>Новый пароль не отвечает всем требованиям ниже.</translation>
    </message>
    <message>
        <source>Repeat the new password.</source>
        <translation>Повторите новый пароль.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>Забыли пароль?</translation>
    </message>
    <message>
        <source>Enter your login or IIN. We will send a code by SMS to the phone your broker has on file.</source>
        <translation>Введите логин или ИИН. Мы отправим код по SMS на телефон, указанный у брокера.</translation>
    </message>
    <message>
        <source>&amp;Login or IIN</source>
        <translation>&amp;Логин или ИИН</translation>
    </message>
    <message>
        <source>Your login or IIN</source>
        <translation>Ваш логин или ИИН</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>Отправить код</translation>
    </message>
    <message>
        <source>Set a new password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>We sent a code to %1. It is valid for 5 minutes.</source>
        <translation>Мы отправили код на %1. Он действует 5 минут.</translation>
    </message>
    <message>
        <source>&amp;Code from the SMS</source>
        <translation>&amp;Код из SMS</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Новый пароль</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password</source>
        <translation>&amp;Повторите новый пароль</translation>
    </message>
    <message>
        <source>Set password and sign in</source>
        <translation>Сохранить пароль и войти</translation>
    </message>
    <message>
        <source>Back to sign-in</source>
        <translation>Вернуться ко входу</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Times are this computer&apos;s</source>
        <translation>Время указано по этому компьютеру</translation>
    </message>
    <message>
        <source>Times are Almaty time (UTC+5)</source>
        <translation>Время указано по Алматы (UTC+5)</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
    <message>
        <source>Find in the guide</source>
        <translation>Поиск по руководству</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
</context>
<context>
    <name>HelpButton</name>
    <message>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Contact support</source>
        <translation>Связаться с поддержкой</translation>
    </message>
    <message>
        <source>Report a problem…</source>
        <translation>Сообщить о проблеме…</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Мои обращения</translation>
    </message>
    <message>
        <source>Check for updates…</source>
        <translation>Проверить обновления…</translation>
    </message>
    <message>
        <source>About</source>
        <translation>О программе</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Load the profile from the server again (F5)</source>
        <translation>Заново загрузить профиль с сервера (F5)</translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation>Субсчета</translation>
    </message>
    <message>
        <source>Welcome, %1</source>
        <translation>Здравствуйте, %1</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Купить</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Продать</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Убрать из списка</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>График</translation>
    </message>
    <message>
        <source>Loading your lists…</source>
        <translation>Загружаем ваши списки…</translation>
    </message>
    <message>
        <source>The lists did not load. Refresh (F5) to try again.</source>
        <translation>Списки не загрузились. Обновите (F5), чтобы попробовать снова.</translation>
    </message>
    <message>
        <source>Today: %1 (%2)</source>
        <translation>Сегодня: %1 (%2)</translation>
    </message>
    <message>
        <source>Click to open the details</source>
        <translation>Нажмите, чтобы открыть подробности</translation>
    </message>
    <message>
        <source>No orders or instructions yet.</source>
        <translation>Заявок и поручений пока нет.</translation>
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
        <translation>Общая стоимость</translation>
    </message>
    <message>
        <source>Available cash</source>
        <translation>Доступные деньги</translation>
    </message>
    <message>
        <source>No sub-accounts yet.</source>
        <translation>Субсчетов пока нет.</translation>
    </message>
    <message>
        <source>Withdraw money</source>
        <translation>Вывести деньги</translation>
    </message>
    <message>
        <source>Viewing %1 · read-only</source>
        <translation>Просмотр: %1 · только чтение</translation>
    </message>
    <message>
        <source>Choose a client in the top bar to see their data.</source>
        <translation>Выберите клиента на верхней панели, чтобы увидеть его данные.</translation>
    </message>
    <message>
        <source>Withdraw cash to your own bank account, signed by SMS or EDS</source>
        <translation>Вывести деньги на свой банковский счёт с подписью по SMS или ЭЦП</translation>
    </message>
    <message>
        <source>Recent orders and instructions</source>
        <translation>Последние заявки и поручения</translation>
    </message>
    <message>
        <source>Connecting: quotes and order statuses will update live.</source>
        <translation>Подключение: котировки и статусы заявок будут обновляться в реальном времени.</translation>
    </message>
    <message>
        <source>Connected: quotes and order statuses update live.</source>
        <translation>Подключено: котировки и статусы заявок обновляются в реальном времени.</translation>
    </message>
    <message>
        <source>The connection was interrupted. Reconnecting; figures may be out of date.</source>
        <translation>Связь прервалась. Переподключаемся; цифры могут быть неактуальны.</translation>
    </message>
    <message>
        <source>Not connected: quotes and order statuses do not update.</source>
        <translation>Нет подключения: котировки и статусы заявок не обновляются.</translation>
    </message>
</context>
<context>
    <name>InstructionDetailsDialog</name>
    <message>
        <source>SMS code</source>
        <translation>SMS-код</translation>
    </message>
    <message>
        <source>EDS (NCALayer)</source>
        <translation>ЭЦП (NCALayer)</translation>
    </message>
    <message>
        <source>Instruction No. %1</source>
        <translation>Поручение № %1</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Последнее изменение</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Субсчёт</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Recipient IIN</source>
        <translation>ИИН получателя</translation>
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
        <translation>БИК</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Назначение платежа</translation>
    </message>
    <message>
        <source>Payment purpose code (KNP)</source>
        <translation>Код назначения платежа (КНП)</translation>
    </message>
    <message>
        <source>Beneficiary code (KBe)</source>
        <translation>Код бенефициара (КБе)</translation>
    </message>
    <message>
        <source>Signed with</source>
        <translation>Способ подписи</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Время подписания</translation>
    </message>
    <message>
        <source>Reason for rejection</source>
        <translation>Причина отклонения</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
</context>
<context>
    <name>InstructionLabels</name>
    <message>
        <source>New</source>
        <translation>Новое</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>В обработке</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Исполнено</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Вывод денег</translation>
    </message>
    <message>
        <source>Change of contact details</source>
        <translation>Изменение контактных данных</translation>
    </message>
</context>
<context>
    <name>InstructionTexts</name>
    <message>
        <source>Change of contact details</source>
        <translation>Изменение контактных данных</translation>
    </message>
    <message>
        <source>Change of phone and e-mail: %1, %2</source>
        <translation>Смена телефона и эл. почты: %1, %2</translation>
    </message>
    <message>
        <source>Change of phone: %1</source>
        <translation>Смена телефона: %1</translation>
    </message>
    <message>
        <source>Change of e-mail: %1</source>
        <translation>Смена эл. почты: %1</translation>
    </message>
</context>
<context>
    <name>InstructionsModel</name>
    <message>
        <source>Actions for instruction %1</source>
        <translation>Действия с поручением № %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
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
        <translation>Статус</translation>
    </message>
</context>
<context>
    <name>InstructionsPage</name>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>The instructions could not be loaded</source>
        <translation>Не удалось загрузить поручения</translation>
    </message>
    <message>
        <source>No instructions with this status</source>
        <translation>Поручений с таким статусом нет</translation>
    </message>
    <message>
        <source>The instruction could not be loaded: %1</source>
        <translation>Не удалось загрузить поручение: %1</translation>
    </message>
    <message>
        <source>Choose another status or a longer period.</source>
        <translation>Выберите другой статус или более длинный период.</translation>
    </message>
    <message>
        <source>No instructions in this period</source>
        <translation>За этот период поручений нет</translation>
    </message>
    <message>
        <source>Withdrawals you sign are listed here with their status.</source>
        <translation>Здесь показываются подписанные вами поручения на вывод денег и их статус.</translation>
    </message>
    <message>
        <source>Loading instructions…</source>
        <translation>Загрузка поручений…</translation>
    </message>
    <message>
        <source>Instructions: %1</source>
        <translation>Поручений: %1</translation>
    </message>
</context>
<context>
    <name>InstrumentSearch</name>
    <message>
        <source>Ticker or name, e.g. HSBK</source>
        <translation>Тикер или название, например HSBK</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Инструмент</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Рынок</translation>
    </message>
</context>
<context>
    <name>KeyboardWarning</name>
    <message>
        <source>Caps Lock is on: letters are typed in the wrong case.</source>
        <translation>Включён Caps Lock: буквы вводятся не в том регистре.</translation>
    </message>
    <message>
        <source>Your keyboard is typing Cyrillic (Қ, Ж…): switch to English.</source>
        <translation>Клавиатура вводит кириллицу (Қ, Ж…): переключитесь на английскую раскладку.</translation>
    </message>
    <message>
        <source>Your keyboard is not typing Latin letters: switch to English.</source>
        <translation>Клавиатура вводит не латинские буквы: переключитесь на английскую раскладку.</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Rows: %1</source>
        <translation>Строк: %1</translation>
    </message>
    <message>
        <source>Shown: %1 of %2</source>
        <translation>Показано: %1 из %2</translation>
    </message>
    <message>
        <source>More rows could not be loaded: %1</source>
        <translation>Не удалось загрузить остальные строки: %1</translation>
    </message>
    <message>
        <source>Load again</source>
        <translation>Загрузить заново</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Reset filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Load the rest again</source>
        <translation>Загрузить остальное ещё раз</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробнее</translation>
    </message>
    <message>
        <source>Choose a client</source>
        <translation>Выберите клиента</translation>
    </message>
    <message>
        <source>Pick a client at the top to see their lists.</source>
        <translation>Выберите клиента вверху, чтобы увидеть его списки.</translation>
    </message>
    <message>
        <source>scroll down for more</source>
        <translation>прокрутите вниз, чтобы увидеть ещё</translation>
    </message>
    <message>
        <source>view only</source>
        <translation>только просмотр</translation>
    </message>
</context>
<context>
    <name>LiveRegion</name>
    <message>
        <source>Announcements</source>
        <translation>Объявления</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>%1 You have been signed out.</source>
        <translation>%1 Вы вышли из системы.</translation>
    </message>
    <message>
        <source>Session expired</source>
        <translation>Сеанс завершён</translation>
    </message>
    <message>
        <source>Your session has ended. Enter your password to sign in again; nothing you have open will be lost.</source>
        <translation>Ваш сеанс завершился. Введите пароль, чтобы войти снова; всё открытое сохранится.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Сеанс заблокирован</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Вы вошли как %1</translation>
    </message>
</context>
<context>
    <name>LockForm</name>
    <message>
        <source>Session locked</source>
        <translation>Сеанс заблокирован</translation>
    </message>
    <message>
        <source>For your security the session was locked after a period of inactivity. Enter your password to continue.</source>
        <translation>В целях безопасности сеанс заблокирован после периода бездействия. Введите пароль, чтобы продолжить.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Пароль</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message>
        <source>Passwords, tokens and SMS codes are replaced by *** before anything is sent.</source>
        <translation>Перед отправкой пароли, токены и SMS-коды заменяются на ***.</translation>
    </message>
    <message>
        <source>Log excerpt</source>
        <translation>Фрагмент журнала</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>Sign in · Centras Securities</source>
        <translation>Вход · Centras Securities</translation>
    </message>
    <message>
        <source>Trading cabinet</source>
        <translation>Торговый кабинет</translation>
    </message>
    <message>
        <source>Demo mode: a local mock of the broker&apos;s systems, no real money</source>
        <translation>Демо-режим: локальная имитация систем брокера, без реальных денег</translation>
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
        <translation>&amp;Пароль</translation>
    </message>
    <message>
        <source>&amp;Remember me</source>
        <translation>&amp;Запомнить меня</translation>
    </message>
    <message>
        <source>Keep the login in the system&apos;s password store on this computer</source>
        <translation>Хранить логин в системном хранилище паролей этого компьютера</translation>
    </message>
    <message>
        <source>No password store is available on this computer, so the login will not be remembered.</source>
        <translation>На этом компьютере нет хранилища паролей, поэтому логин не будет запомнен.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>&amp;Forgot password?</source>
        <translation>&amp;Забыли пароль?</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Введите логин.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>The password has expired: change it to sign in.</source>
        <translation>Срок действия пароля истёк: смените его, чтобы войти.</translation>
    </message>
    <message>
        <source>Choose your own password to sign in: your broker issued this one.</source>
        <translation>Чтобы войти, задайте свой пароль: этот выдал ваш брокер.</translation>
    </message>
    <message>
        <source>Starting the demo server on this computer…</source>
        <translation>Запускаем демо-сервер на этом компьютере…</translation>
    </message>
    <message>
        <source>The demo server did not start: %1</source>
        <translation>Демо-сервер не запустился: %1</translation>
    </message>
    <message>
        <source>Your login</source>
        <translation>Ваш логин</translation>
    </message>
    <message>
        <source>Your password</source>
        <translation>Ваш пароль</translation>
    </message>
    <message>
        <source>Demo server on this computer</source>
        <translation>Демо-сервер на этом компьютере</translation>
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
        <translation>Обновление установится, когда приложение будет разблокировано.</translation>
    </message>
    <message>
        <source>The update will install once the signature is done.</source>
        <translation>Обновление установится, когда подписание завершится.</translation>
    </message>
    <message>
        <source>The update will install once the withdrawal form is sent or closed.</source>
        <translation>Обновление установится, когда форма вывода средств будет отправлена или закрыта.</translation>
    </message>
    <message>
        <source>The update will install once the order form is sent or closed.</source>
        <translation>Обновление установится, когда форма заявки будет отправлена или закрыта.</translation>
    </message>
    <message>
        <source>Brokers see a client&apos;s watchlists but cannot change them.</source>
        <translation>Брокер видит списки котировок клиента, но не может их изменять.</translation>
    </message>
    <message>
        <source>Centras Securities · Trading cabinet</source>
        <translation>Centras Securities · Торговый кабинет</translation>
    </message>
    <message>
        <source>Search by ticker or name</source>
        <translation>Поиск по тикеру или названию</translation>
    </message>
    <message>
        <source>Quick search (Ctrl+F)</source>
        <translation>Быстрый поиск (Ctrl+F)</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <source>Watchlist settings</source>
        <translation>Настроить список котировок</translation>
    </message>
    <message>
        <source>Back to clients</source>
        <translation>Назад к клиентам</translation>
    </message>
    <message>
        <source>Back to the book of clients (Alt+Left)</source>
        <translation>Назад к клиентской базе (Alt+Left)</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <source>Demo mode: a local mock of the broker&apos;s systems, no real money</source>
        <translation>Демо-режим: локальная имитация систем брокера, без реальных денег</translation>
    </message>
    <message>
        <source>Demo mode: orders and payments are simulated.</source>
        <translation>Демо-режим: заявки и платежи имитируются.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Сменить пароль</translation>
    </message>
    <message>
        <source>My details…</source>
        <translation>Мои данные…</translation>
    </message>
    <message>
        <source>Two-step sign-in…</source>
        <translation>Двухэтапный вход…</translation>
    </message>
    <message>
        <source>Sessions and devices…</source>
        <translation>Сеансы и устройства…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Высокая контрастность</translation>
    </message>
    <message>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Almaty time (UTC+5)</source>
        <translation>Время Алматы (UTC+5)</translation>
    </message>
    <message>
        <source>This computer&apos;s time</source>
        <translation>Время этого компьютера</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Check for updates automatically</source>
        <translation>Проверять обновления автоматически</translation>
    </message>
    <message>
        <source>Update channel</source>
        <translation>Канал обновлений</translation>
    </message>
    <message>
        <source>Stable</source>
        <translation>Стабильный</translation>
    </message>
    <message>
        <source>Beta (early releases)</source>
        <translation>Бета (ранние выпуски)</translation>
    </message>
    <message>
        <source>Tester…</source>
        <translation>Тестировщик…</translation>
    </message>
    <message>
        <source>The mock backend&apos;s controls (Ctrl+Shift+T)</source>
        <translation>Управление сервером-имитатором (Ctrl+Shift+T)</translation>
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
        <translation>ИИН</translation>
    </message>
</context>
<context>
    <name>MarketTab</name>
    <message>
        <source>open now</source>
        <translation>сейчас открыт</translation>
    </message>
    <message>
        <source>closed now</source>
        <translation>сейчас закрыт</translation>
    </message>
    <message>
        <source>Reading the mock&apos;s clock…</source>
        <translation>Читаем часы сервера-имитатора…</translation>
    </message>
    <message>
        <source>Real time.</source>
        <translation>Реальное время.</translation>
    </message>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation>%1 д %2 ч %3 мин</translation>
    </message>
    <message>
        <source>%2 h %3 min</source>
        <translation>%2 ч %3 мин</translation>
    </message>
    <message>
        <source>%1 ahead of real time.</source>
        <translation>На %1 впереди реального времени.</translation>
    </message>
    <message>
        <source>%1 behind real time.</source>
        <translation>На %1 позади реального времени.</translation>
    </message>
    <message>
        <source>Changing the hours of %1…</source>
        <translation>Меняем часы работы %1…</translation>
    </message>
    <message>
        <source>%1 is held open.</source>
        <translation>%1 принудительно открыт.</translation>
    </message>
    <message>
        <source>%1 is held closed.</source>
        <translation>%1 принудительно закрыт.</translation>
    </message>
    <message>
        <source>%1 follows its hours: open now.</source>
        <translation>%1 работает по своему расписанию: сейчас открыт.</translation>
    </message>
    <message>
        <source>%1 follows its hours: closed now.</source>
        <translation>%1 работает по своему расписанию: сейчас закрыт.</translation>
    </message>
    <message>
        <source>Moving the clock to the %1 close…</source>
        <translation>Переводим часы на закрытие %1…</translation>
    </message>
    <message>
        <source>Moving the clock to the next %1 session…</source>
        <translation>Переводим часы на следующую сессию %1…</translation>
    </message>
    <message>
        <source>Moving the clock %1 min forward…</source>
        <translation>Переводим часы на %1 мин вперёд…</translation>
    </message>
    <message>
        <source>Putting the clock back to real time…</source>
        <translation>Возвращаем часы к реальному времени…</translation>
    </message>
    <message>
        <source>The mock&apos;s time is now %1.</source>
        <translation>Время сервера-имитатора теперь %1.</translation>
    </message>
    <message>
        <source>Choose an instrument first.</source>
        <translation>Сначала выберите инструмент.</translation>
    </message>
    <message>
        <source>Type a price above zero.</source>
        <translation>Укажите цену больше нуля.</translation>
    </message>
    <message>
        <source>Setting %1 to %2…</source>
        <translation>Устанавливаем цену %1: %2…</translation>
    </message>
    <message>
        <source>%1 now trades at %2 (bid %3, ask %4).</source>
        <translation>%1 теперь торгуется по %2 (покупка %3, продажа %4).</translation>
    </message>
    <message>
        <source>The price was not set.</source>
        <translation>Цена не установлена.</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Рынок</translation>
    </message>
    <message>
        <source>Markets</source>
        <translation>Рынки</translation>
    </message>
    <message>
        <source>On hours</source>
        <translation>По расписанию</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыт</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыт</translation>
    </message>
    <message>
        <source>On hours: open during the market&apos;s session on the mock&apos;s clock. Open or Closed: held so whatever the clock says.</source>
        <translation>По расписанию: открыт во время сессии по часам сервера-имитатора. Открыт или Закрыт: держится так, что бы ни показывали часы.</translation>
    </message>
    <message>
        <source>The mock&apos;s clock</source>
        <translation>Часы сервера-имитатора</translation>
    </message>
    <message>
        <source>Market:</source>
        <translation>Рынок:</translation>
    </message>
    <message>
        <source>Market whose session the clock follows</source>
        <translation>Рынок, по сессии которого переводятся часы</translation>
    </message>
    <message>
        <source>To the close</source>
        <translation>На закрытие</translation>
    </message>
    <message>
        <source>To the market&apos;s next session close (today&apos;s, if it is still ahead)</source>
        <translation>На ближайшее закрытие сессии рынка (сегодняшнее, если оно ещё впереди)</translation>
    </message>
    <message>
        <source>To the next session</source>
        <translation>На следующую сессию</translation>
    </message>
    <message>
        <source>To the opening of the market&apos;s next session</source>
        <translation>На открытие следующей сессии рынка</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>Минут:</translation>
    </message>
    <message>
        <source>Minutes to move the clock forward</source>
        <translation>На сколько минут перевести часы вперёд</translation>
    </message>
    <message>
        <source>Move forward</source>
        <translation>Перевести вперёд</translation>
    </message>
    <message>
        <source>Back to real time</source>
        <translation>Вернуть реальное время</translation>
    </message>
    <message>
        <source>Set a price</source>
        <translation>Установить цену</translation>
    </message>
    <message>
        <source>Instrument:</source>
        <translation>Инструмент:</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Инструмент</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Цена:</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>Новая цена</translation>
    </message>
    <message>
        <source>Set price</source>
        <translation>Установить цену</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Wrong login or password. No attempts left: the account has been locked.</source>
        <translation>Неверный логин или пароль. Попыток не осталось: учётная запись заблокирована.</translation>
    </message>
    <message>
        <source>Too many failed attempts. The account is locked until %1.</source>
        <translation>Слишком много неудачных попыток. Учётная запись заблокирована до %1.</translation>
    </message>
    <message>
        <source>The certificate of the server %1 is not trusted, so the app did not connect. This is not a problem with your Internet connection: check the server address, or contact support.</source>
        <translation>Сертификат сервера %1 не является доверенным, поэтому приложение не подключилось. Дело не в подключении к интернету: проверьте адрес сервера или обратитесь в службу поддержки.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check your Internet connection and try again.</source>
        <translation>Сервер не ответил вовремя. Проверьте подключение к интернету и повторите попытку.</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your Internet connection and try again.</source>
        <translation>Не удаётся связаться с сервером. Проверьте подключение к интернету и повторите попытку.</translation>
    </message>
    <message>
        <source>The server answered something the app cannot read. Try again in a minute; if it keeps happening, contact support.</source>
        <translation>Сервер прислал ответ, который приложение не может прочитать. Повторите попытку через минуту; если ошибка повторяется, обратитесь в службу поддержки.</translation>
    </message>
    <message>
        <source>The server could not handle the request. Try again in a minute.</source>
        <translation>Сервер не смог обработать запрос. Повторите попытку через минуту.</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Слишком много запросов. Подождите немного и повторите попытку.</translation>
    </message>
    <message>
        <source>The session has expired. Sign in again.</source>
        <translation>Сеанс истёк. Войдите снова.</translation>
    </message>
    <message>
        <source>The password has expired. Change it to continue.</source>
        <translation>Срок действия пароля истёк. Смените его, чтобы продолжить.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>У вас нет прав на это действие.</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>Запрос не выполнен: %1</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Что-то пошло не так: %1</translation>
    </message>
    <message>
        <source>The password must be 8 to 12 characters long.</source>
        <translation>Пароль должен быть длиной от 8 до 12 символов.</translation>
    </message>
    <message>
        <source>The password must contain a digit.</source>
        <translation>Пароль должен содержать цифру.</translation>
    </message>
    <message>
        <source>The password must contain an upper-case letter.</source>
        <translation>Пароль должен содержать заглавную букву.</translation>
    </message>
    <message>
        <source>The password must contain a lower-case letter.</source>
        <translation>Пароль должен содержать строчную букву.</translation>
    </message>
    <message>
        <source>The password must contain a symbol.</source>
        <translation>Пароль должен содержать спецсимвол.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>Новый пароль должен отличаться от текущего.</translation>
    </message>
    <message>
        <source>The password does not meet the policy.</source>
        <translation>Пароль не соответствует требованиям.</translation>
    </message>
</context>
<context>
    <name>MyDetailsDialog</name>
    <message>
        <source>On (authenticator app)</source>
        <translation>Включён (приложение-аутентификатор)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Выключен</translation>
    </message>
    <message>
        <source>A change of phone or e-mail is an instruction to the broker, signed with EDS. It appears on the Instructions page with its status.</source>
        <translation>Смена телефона или эл. почты — это поручение брокеру, подписанное ЭЦП. Оно появится на странице «Поручения» со своим статусом.</translation>
    </message>
    <message>
        <source>Instruction No. %1 (%2) went to the broker: see its status on the Instructions page. These details change once it is executed.</source>
        <translation>Поручение № %1 (%2) отправлено брокеру: статус — на странице «Поручения». Эти данные изменятся после его исполнения.</translation>
    </message>
    <message>
        <source>My details</source>
        <translation>Мои данные</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>IIN</source>
        <translation>ИИН</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Электронная почта</translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation>Двухэтапный вход</translation>
    </message>
    <message>
        <source>Your contact at the broker</source>
        <translation>Ваш контакт у брокера</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Change phone…</source>
        <translation>Сменить телефон…</translation>
    </message>
    <message>
        <source>Change e-mail…</source>
        <translation>Сменить эл. почту…</translation>
    </message>
</context>
<context>
    <name>MyRequestsDialog</name>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Мои обращения</translation>
    </message>
    <message>
        <source>My support requests</source>
        <translation>Мои обращения в поддержку</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Report a problem…</source>
        <translation>Сообщить о проблеме…</translation>
    </message>
    <message>
        <source>No requests yet. Use Report a problem… when something goes wrong.</source>
        <translation>Обращений пока нет. Если что-то пошло не так, выберите «Сообщить о проблеме…».</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Order filled</source>
        <translation>Заявка исполнена</translation>
    </message>
    <message>
        <source>Order partially filled</source>
        <translation>Заявка исполнена частично</translation>
    </message>
    <message>
        <source>Order rejected</source>
        <translation>Заявка отклонена</translation>
    </message>
    <message>
        <source>%1 %2: %3 of %4</source>
        <translation>%1 %2: исполнено %3 из %4</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3 шт.</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>по %1</translation>
    </message>
    <message>
        <source>at market price</source>
        <translation>по рыночной цене</translation>
    </message>
    <message>
        <source>Order No. %1 of %2</source>
        <translation>Заявка № %1 от %2</translation>
    </message>
    <message>
        <source>Contact details changed</source>
        <translation>Контактные данные изменены</translation>
    </message>
    <message>
        <source>Change of contact details rejected</source>
        <translation>Изменение контактных данных отклонено</translation>
    </message>
    <message>
        <source>Instruction No. %1 of %2</source>
        <translation>Поручение № %1 от %2</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Причина: %1</translation>
    </message>
    <message>
        <source>Withdrawal executed</source>
        <translation>Вывод денег исполнен</translation>
    </message>
    <message>
        <source>Withdrawal rejected</source>
        <translation>Вывод денег отклонён</translation>
    </message>
</context>
<context>
    <name>OrderDetailsDialog</name>
    <message>
        <source>Order No. %1</source>
        <translation>Заявка № %1</translation>
    </message>
    <message>
        <source>At the market price</source>
        <translation>По рыночной цене</translation>
    </message>
    <message>
        <source>%1, %2 remaining</source>
        <translation>%1, осталось %2</translation>
    </message>
    <message>
        <source>Loading the history…</source>
        <translation>Загрузка истории…</translation>
    </message>
    <message>
        <source>The history could not be loaded: %1</source>
        <translation>Не удалось загрузить историю: %1</translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation>Событий пока нет.</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Время подписания</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Отменить заявку</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
</context>
<context>
    <name>OrderDetailsForm</name>
    <message>
        <source>Instrument</source>
        <translation>Инструмент</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Average fill price</source>
        <translation>Средняя цена исполнения</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Исполнено</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Субсчёт</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Подана</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Последнее изменение</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Signed with</source>
        <translation>Способ подписи</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>Идентификатор заявки</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Event history</source>
        <translation>История событий</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>New order</source>
        <translation>Новая заявка</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Купить</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Продать</translation>
    </message>
    <message>
        <source>&amp;Instrument</source>
        <translation>&amp;Инструмент</translation>
    </message>
    <message>
        <source>Sub-&amp;account</source>
        <translation>&amp;Субсчёт</translation>
    </message>
    <message>
        <source>Order &amp;type</source>
        <translation>&amp;Тип заявки</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Цена</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Количество</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Максимум</translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation>Су&amp;мма</translation>
    </message>
    <message>
        <source>Editing the amount sets the quantity, in whole lots.</source>
        <translation>Если ввести сумму, количество рассчитается целыми лотами.</translation>
    </message>
    <message>
        <source>&amp;Valid until</source>
        <translation>&amp;Действует до</translation>
    </message>
    <message>
        <source>Market now</source>
        <translation>Рынок сейчас</translation>
    </message>
    <message>
        <source>Click a price to use it.</source>
        <translation>Нажмите на цену, чтобы подставить её.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Estimated fee</source>
        <translation>Ориентировочная комиссия</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Document to sign</source>
        <translation>Документ на подпись</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Sign with &amp;EDS</source>
        <translation>Подписать &amp;ЭЦП</translation>
    </message>
    <message>
        <source>Sign with &amp;SMS</source>
        <translation>Подписать по &amp;SMS</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>OrderFormDialog</name>
    <message>
        <source>Checking the order with the broker…</source>
        <translation>Брокер проверяет заявку…</translation>
    </message>
    <message>
        <source>The exact text you sign appears here once the broker has checked the order.</source>
        <translation>Когда брокер проверит заявку, здесь появится точный текст, который вы подписываете.</translation>
    </message>
    <message>
        <source>Lots: %1 × %2</source>
        <translation>Лотов: %1 × %2</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Спрос</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Последняя</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <source>Use this price</source>
        <translation>Подставить эту цену</translation>
    </message>
    <message>
        <source>Order No. %1 has been placed</source>
        <translation>Заявка № %1 выставлена</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Статус: %1</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Покупка</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Продажа</translation>
    </message>
    <message>
        <source>at the market price</source>
        <translation>по рыночной цене</translation>
    </message>
    <message>
        <source>%1 %2 · %3 · %4 · valid until %5</source>
        <translation>%1 %2 · %3 · %4 · действует до %5</translation>
    </message>
    <message>
        <source>Checking the order…</source>
        <translation>Проверка заявки…</translation>
    </message>
    <message>
        <source>Signing was cancelled. Nothing was sent; the order is as you left it.</source>
        <translation>Подписание отменено. Ничего не отправлено, заявка осталась как была.</translation>
    </message>
    <message>
        <source>%1 pcs</source>
        <translation>%1 шт.</translation>
    </message>
    <message>
        <source>The price must be a multiple of the price step, %1.</source>
        <translation>Цена должна быть кратна шагу цены (%1).</translation>
    </message>
    <message>
        <source>The quantity must be a whole number of lots of %1.</source>
        <translation>Количество должно быть целым числом лотов по %1.</translation>
    </message>
    <message>
        <source>Not enough cash: %1 available.</source>
        <translation>Недостаточно средств: доступно %1.</translation>
    </message>
    <message>
        <source>Not enough cash for this order.</source>
        <translation>Недостаточно средств для этой заявки.</translation>
    </message>
    <message>
        <source>Not enough securities: %1 available to sell.</source>
        <translation>Недостаточно бумаг: для продажи доступно %1.</translation>
    </message>
    <message>
        <source>Not enough securities for this order.</source>
        <translation>Недостаточно бумаг для этой заявки.</translation>
    </message>
    <message>
        <source>Choose an instrument.</source>
        <translation>Выберите инструмент.</translation>
    </message>
    <message>
        <source>Choose an instrument from the list.</source>
        <translation>Выберите инструмент из списка.</translation>
    </message>
    <message>
        <source>Choose a sub-account.</source>
        <translation>Выберите субсчёт.</translation>
    </message>
    <message>
        <source>Choose one of your sub-accounts.</source>
        <translation>Выберите один из своих субсчетов.</translation>
    </message>
    <message>
        <source>Enter a quantity greater than zero.</source>
        <translation>Введите количество больше нуля.</translation>
    </message>
    <message>
        <source>The quantity must be a whole number.</source>
        <translation>Количество должно быть целым числом.</translation>
    </message>
    <message>
        <source>The quantity is too large.</source>
        <translation>Слишком большое количество.</translation>
    </message>
    <message>
        <source>Enter a price.</source>
        <translation>Введите цену.</translation>
    </message>
    <message>
        <source>The price must be greater than zero.</source>
        <translation>Цена должна быть больше нуля.</translation>
    </message>
    <message>
        <source>The price is outside the exchange&apos;s daily limit: 10% from the last close.</source>
        <translation>Цена вне дневного лимита биржи: 10% от последнего закрытия.</translation>
    </message>
    <message>
        <source>A market order takes no price.</source>
        <translation>В рыночной заявке цена не указывается.</translation>
    </message>
    <message>
        <source>The date cannot be in the past.</source>
        <translation>Дата не может быть в прошлом.</translation>
    </message>
    <message>
        <source>An order can be valid for one year at most.</source>
        <translation>Заявка может действовать не больше года.</translation>
    </message>
    <message>
        <source>The market is closed: a market order cannot be placed now. Use a limit order.</source>
        <translation>Рынок закрыт: сейчас нельзя выставить рыночную заявку. Используйте лимитную.</translation>
    </message>
    <message>
        <source>There is no price to trade at now. Use a limit order.</source>
        <translation>Сейчас нет цены для сделки. Используйте лимитную заявку.</translation>
    </message>
    <message>
        <source>The price must be a multiple of the price step.</source>
        <translation>Цена должна быть кратна шагу цены.</translation>
    </message>
    <message>
        <source>The quantity must be a whole number of lots.</source>
        <translation>Количество должно быть целым числом лотов.</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>Проверьте это поле.</translation>
    </message>
    <message>
        <source>The order document has expired. Sign again: a new one will be made.</source>
        <translation>Срок документа заявки истёк. Подпишите снова: будет создан новый.</translation>
    </message>
    <message>
        <source>This order has already been signed and sent. See Orders.</source>
        <translation>Эта заявка уже подписана и отправлена. Смотрите раздел «Заявки».</translation>
    </message>
    <message>
        <source>Not enough cash for this order any more.</source>
        <translation>Средств для этой заявки больше недостаточно.</translation>
    </message>
    <message>
        <source>Not enough securities for this order any more.</source>
        <translation>Бумаг для этой заявки больше недостаточно.</translation>
    </message>
    <message>
        <source>The market is closed: a market order cannot be placed now.</source>
        <translation>Рынок закрыт: сейчас нельзя выставить рыночную заявку.</translation>
    </message>
    <message>
        <source>You are not allowed to place orders.</source>
        <translation>Вам не разрешено выставлять заявки.</translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, buy %2 %3 at the market price. See Orders.</source>
        <translation>Эта заявка уже подписана и отправлена: № %1, покупка %3, %2 шт., по рыночной цене. Смотрите раздел «Заявки».</translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, sell %2 %3 at the market price. See Orders.</source>
        <translation>Эта заявка уже подписана и отправлена: № %1, продажа %3, %2 шт., по рыночной цене. Смотрите раздел «Заявки».</translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, buy %2 %3 at %4. See Orders.</source>
        <translation>Эта заявка уже подписана и отправлена: № %1, покупка %3, %2 шт., по цене %4. Смотрите раздел «Заявки».</translation>
    </message>
    <message>
        <source>This order was already signed and sent: No. %1, sell %2 %3 at %4. See Orders.</source>
        <translation>Эта заявка уже подписана и отправлена: № %1, продажа %3, %2 шт., по цене %4. Смотрите раздел «Заявки».</translation>
    </message>
    <message>
        <source>pcs</source>
        <translation>шт.</translation>
    </message>
    <message>
        <source>price in % of the face value, %1</source>
        <translation>цена в % от номинала, %1</translation>
    </message>
    <message>
        <source>price step %1</source>
        <translation>шаг цены %1</translation>
    </message>
    <message>
        <source>Available cash</source>
        <translation>Доступные средства</translation>
    </message>
    <message>
        <source>Available to sell</source>
        <translation>Доступно для продажи</translation>
    </message>
    <message>
        <source>Amount, estimate</source>
        <translation>Ориентировочная сумма</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Total to pay</source>
        <translation>Итого к оплате</translation>
    </message>
    <message>
        <source>Total to receive</source>
        <translation>Итого к получению</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Лимитная</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Рыночная</translation>
    </message>
    <message>
        <source>Limit: at your price or better. Market: at the best price available now.</source>
        <translation>Лимитная: по вашей цене или лучше. Рыночная: по лучшей доступной сейчас цене.</translation>
    </message>
    <message>
        <source>One price step down (↓)</source>
        <translation>На шаг цены ниже (↓)</translation>
    </message>
    <message>
        <source>One price step up (↑)</source>
        <translation>На шаг цены выше (↑)</translation>
    </message>
    <message>
        <source>One lot less (↓)</source>
        <translation>На лот меньше (↓)</translation>
    </message>
    <message>
        <source>One lot more (↑)</source>
        <translation>На лот больше (↑)</translation>
    </message>
    <message>
        <source>As many lots as the available cash pays for, fee included</source>
        <translation>Сколько лотов хватит доступных средств, с учётом комиссии</translation>
    </message>
    <message>
        <source>Everything available to sell</source>
        <translation>Всё, что доступно для продажи</translation>
    </message>
</context>
<context>
    <name>OrderLabels</name>
    <message>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активная</translation>
    </message>
    <message>
        <source>Partially filled</source>
        <translation>Частично исполнена</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Исполнена</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонена</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истекла</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Покупка</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Продажа</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Лимитная</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Рыночная</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>SMS-код</translation>
    </message>
    <message>
        <source>EDS (NCALayer)</source>
        <translation>ЭЦП (NCALayer)</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Активна</translation>
    </message>
    <message>
        <source>Partially filled</source>
        <translation>Исполнена частично</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Исполнена</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменена</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонена</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истекла</translation>
    </message>
</context>
<context>
    <name>OrderSummary</name>
    <message>
        <source>%1 at the market price</source>
        <translation>%1 по рыночной цене</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 по цене %2</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Actions for order %1</source>
        <translation>Действия с заявкой № %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Инструмент</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Кол-во</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Исполнено</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>Номер заявки</translation>
    </message>
    <message>
        <source>When the order was placed (Almaty time)</source>
        <translation>Время подачи заявки (по Алматы)</translation>
    </message>
    <message>
        <source>Ticker and market</source>
        <translation>Тикер и рынок</translation>
    </message>
    <message>
        <source>Buy or sell</source>
        <translation>Покупка или продажа</translation>
    </message>
    <message>
        <source>Limit or market order</source>
        <translation>Лимитная или рыночная заявка</translation>
    </message>
    <message>
        <source>Limit price; none for a market order</source>
        <translation>Лимитная цена; у рыночной заявки её нет</translation>
    </message>
    <message>
        <source>Quantity ordered</source>
        <translation>Количество в заявке</translation>
    </message>
    <message>
        <source>Quantity filled so far</source>
        <translation>Сколько уже исполнено</translation>
    </message>
    <message>
        <source>The last day the order stays on the exchange</source>
        <translation>Последний день, когда заявка стоит на бирже</translation>
    </message>
    <message>
        <source>Average fill price: %1</source>
        <translation>Средняя цена исполнения: %1</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Only an open order can be cancelled.</source>
        <translation>Отменить можно только открытую заявку.</translation>
    </message>
    <message>
        <source>The order could not be loaded: %1</source>
        <translation>Не удалось загрузить заявку: %1</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Отмена заявки</translation>
    </message>
    <message>
        <source>Cancel order No. %1?</source>
        <translation>Отменить заявку № %1?</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Отменить заявку</translation>
    </message>
    <message>
        <source>Keep the order</source>
        <translation>Не отменять</translation>
    </message>
    <message>
        <source>Order No. %1 can no longer be cancelled: it is %2.</source>
        <translation>Заявку № %1 уже нельзя отменить: она %2.</translation>
    </message>
    <message>
        <source>Order No. %1 was not cancelled: %2</source>
        <translation>Заявка № %1 не отменена: %2</translation>
    </message>
    <message>
        <source>Order No. %1 is cancelled.</source>
        <translation>Заявка № %1 отменена.</translation>
    </message>
    <message>
        <source>Already filled: %1. That part stays filled.</source>
        <translation>Уже исполнено: %1. Эта часть останется исполненной.</translation>
    </message>
    <message>
        <source>The order form is not available.</source>
        <translation>Форма заявки недоступна.</translation>
    </message>
    <message>
        <source>Load the orders again</source>
        <translation>Загрузить заявки заново</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Новая заявка</translation>
    </message>
    <message>
        <source>Place a buy or sell order (Ctrl+N)</source>
        <translation>Подать заявку на покупку или продажу (Ctrl+N)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открытые</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>All markets</source>
        <translation>Все рынки</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Рынок</translation>
    </message>
    <message>
        <source>Buy and sell</source>
        <translation>Покупка и продажа</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Loading orders…</source>
        <translation>Загрузка заявок…</translation>
    </message>
    <message>
        <source>The orders could not be loaded</source>
        <translation>Не удалось загрузить заявки</translation>
    </message>
    <message>
        <source>No orders match the filters</source>
        <translation>Нет заявок, подходящих под фильтры</translation>
    </message>
    <message>
        <source>There are orders in this period, but none with this status, market and side.</source>
        <translation>За этот период есть заявки, но нет ни одной с таким статусом, рынком и операцией.</translation>
    </message>
    <message>
        <source>No orders for this period</source>
        <translation>За этот период заявок нет</translation>
    </message>
    <message>
        <source>Choose another period above.</source>
        <translation>Выберите другой период выше.</translation>
    </message>
    <message>
        <source>Choose another period above, or place a new order.</source>
        <translation>Выберите другой период выше или подайте новую заявку.</translation>
    </message>
    <message>
        <source>Orders: %1</source>
        <translation>Заявок: %1</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>Type how much of the order to fill.</source>
        <translation>Укажите, какую часть заявки исполнить.</translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation>Количество должно быть больше нуля.</translation>
    </message>
    <message>
        <source>Less than the %1 that remain: use Fill for all of it.</source>
        <translation>Меньше оставшихся %1: чтобы исполнить всё, нажмите «Исполнить».</translation>
    </message>
    <message>
        <source>Filling %1…</source>
        <translation>Исполняем: %1…</translation>
    </message>
    <message>
        <source>Order %1 filled: %2 of %3.</source>
        <translation>Заявка %1 исполнена: %2 из %3.</translation>
    </message>
    <message>
        <source>The order was not filled.</source>
        <translation>Заявка не исполнена.</translation>
    </message>
    <message>
        <source>Rejecting %1…</source>
        <translation>Отклоняем: %1…</translation>
    </message>
    <message>
        <source>Order %1 rejected.</source>
        <translation>Заявка %1 отклонена.</translation>
    </message>
    <message>
        <source>Moving the withdrawal %1…</source>
        <translation>Меняем статус вывода денег: %1…</translation>
    </message>
    <message>
        <source>Withdrawal %1 is now %2.</source>
        <translation>Вывод денег %1 теперь в статусе «%2».</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Заявки</translation>
    </message>
    <message>
        <source>Open orders of every client</source>
        <translation>Открытые заявки всех клиентов</translation>
    </message>
    <message>
        <source>No open orders: place one in the app.</source>
        <translation>Открытых заявок нет: подайте заявку в приложении.</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Открытые заявки</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Исполнить</translation>
    </message>
    <message>
        <source>Fill all that remains of the selected order</source>
        <translation>Исполнить весь остаток выбранной заявки</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Количество:</translation>
    </message>
    <message>
        <source>Quantity to fill</source>
        <translation>Количество для исполнения</translation>
    </message>
    <message>
        <source>Partially fill</source>
        <translation>Исполнить частично</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Reason for rejecting the order</source>
        <translation>Причина отклонения заявки</translation>
    </message>
    <message>
        <source>Optional, shown to the client</source>
        <translation>Необязательно, клиент увидит её</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Withdrawals in progress</source>
        <translation>Выводы денег в работе</translation>
    </message>
    <message>
        <source>No withdrawals in progress.</source>
        <translation>Выводов денег в работе нет.</translation>
    </message>
    <message>
        <source>Move to:</source>
        <translation>Перевести в:</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>В обработке</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>Исполнено</translation>
    </message>
    <message>
        <source>Reason for rejecting the withdrawal</source>
        <translation>Причина отклонения вывода денег</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отклонено</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Clients</source>
        <translation>Клиенты</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Главная</translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation>Портфель</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Заявки</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Сделки</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Поручения</translation>
    </message>
</context>
<context>
    <name>PasswordExpiryNotice</name>
    <message>
        <source>Your password expires today</source>
        <translation>Срок действия пароля истекает сегодня</translation>
    </message>
    <message>
        <source>Your password expires tomorrow</source>
        <translation>Срок действия пароля истекает завтра</translation>
    </message>
    <message numerus="yes">
        <source>Your password expires in %n days</source>
        <translation>
            <numerusform>Срок действия пароля истекает через %n день</numerusform>
            <numerusform>Срок действия пароля истекает через %n дня</numerusform>
            <numerusform>Срок действия пароля истекает через %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>Change it now, so that signing in is not interrupted when it expires.</source>
        <translation>Смените его сейчас, чтобы вход не прервался, когда срок истечёт.</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Сменить пароль…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>PasswordToggle</name>
    <message>
        <source>Hide password</source>
        <translation>Скрыть пароль</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Показать пароль</translation>
    </message>
</context>
<context>
    <name>PeriodBar</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Today, Almaty date</source>
        <translation>Сегодня, по дате Алматы</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>Последние 7 дней</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>The last month</source>
        <translation>Последний месяц</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 месяца</translation>
    </message>
    <message>
        <source>The last 3 months</source>
        <translation>Последние 3 месяца</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <source>The last 12 months</source>
        <translation>Последние 12 месяцев</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Всё</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>За всё время</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Свой период</translation>
    </message>
    <message>
        <source>The dates you choose</source>
        <translation>Выбранные вами даты</translation>
    </message>
    <message>
        <source>From (Almaty date)</source>
        <translation>С (дата по Алматы)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To (Almaty date)</source>
        <translation>По (дата по Алматы)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This section is not available in this version yet.</source>
        <translation>В этой версии раздел пока недоступен.</translation>
    </message>
</context>
<context>
    <name>PortfolioModel</name>
    <message>
        <source>Instrument</source>
        <translation>Инструмент</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Субсчёт</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Доступно</translation>
    </message>
    <message>
        <source>Average price</source>
        <translation>Средняя цена</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Текущая цена</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Стоимость</translation>
    </message>
    <message>
        <source>P/L</source>
        <translation>Прибыль/убыток</translation>
    </message>
    <message>
        <source>P/L %</source>
        <translation>Прибыль/убыток %</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Заблокировано</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message>
        <source>Loading the list of clients…</source>
        <translation>Загрузка списка клиентов…</translation>
    </message>
    <message>
        <source>No clients are assigned to you yet.</source>
        <translation>За вами пока не закреплены клиенты.</translation>
    </message>
    <message>
        <source>All sub-accounts</source>
        <translation>Все субсчета</translation>
    </message>
    <message>
        <source>Loading the portfolio…</source>
        <translation>Загрузка портфеля…</translation>
    </message>
    <message>
        <source>Nothing here yet: this sub-account holds no securities or money.</source>
        <translation>Пока пусто: на этом субсчёте нет ни ценных бумаг, ни денег.</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Деньги</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Купить</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Продать</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>График</translation>
    </message>
    <message>
        <source>Transfer money</source>
        <translation>Перевести деньги</translation>
    </message>
    <message>
        <source>Withdraw this cash to your own bank account</source>
        <translation>Вывести эти деньги на свой банковский счёт</translation>
    </message>
    <message>
        <source>%1: nothing available to sell.</source>
        <translation>%1: нет доступного для продажи количества.</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Субсчёт</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Total value</source>
        <translation>Общая стоимость</translation>
    </message>
    <message>
        <source>Securities</source>
        <translation>Ценные бумаги</translation>
    </message>
    <message>
        <source>Change today</source>
        <translation>Изменение за день</translation>
    </message>
    <message>
        <source>USD rate</source>
        <translation>Курс USD</translation>
    </message>
    <message>
        <source>Holdings</source>
        <translation>Активы</translation>
    </message>
    <message>
        <source>No securities on this sub-account.</source>
        <translation>На этом субсчёте нет ценных бумаг.</translation>
    </message>
    <message>
        <source>No money on this sub-account.</source>
        <translation>На этом субсчёте нет денег.</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>Структура</translation>
    </message>
    <message>
        <source>By instrument</source>
        <translation>По инструментам</translation>
    </message>
    <message>
        <source>By currency</source>
        <translation>По валютам</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Пока нечего показать.</translation>
    </message>
    <message>
        <source>Portfolio value, KZT</source>
        <translation>Стоимость портфеля, KZT</translation>
    </message>
    <message>
        <source>Not enough history to draw yet.</source>
        <translation>Для графика пока мало истории.</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Диск</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>Перейти &amp;к:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Типы файлов:</translation>
    </message>
</context>
<context>
    <name>QrCode</name>
    <message>
        <source>QR code for the authenticator app</source>
        <translation>QR-код для приложения-аутентификатора</translation>
    </message>
    <message>
        <source>Scan it with the authenticator app on your phone, or type the secret key shown beside it.</source>
        <translation>Отсканируйте его приложением-аутентификатором на телефоне или введите секретный ключ, показанный рядом.</translation>
    </message>
</context>
<context>
    <name>QuickSearch</name>
    <message>
        <source>Nothing matches “%1”. Try part of a ticker or a company name.</source>
        <translation>По запросу «%1» ничего не найдено. Введите часть тикера или названия компании.</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Поиск не удался: %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
</context>
<context>
    <name>QuotePanel</name>
    <message>
        <source>Quotes: %1</source>
        <translation>Котировки: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n instrument(s)</source>
        <translation>
            <numerusform>%n инструмент</numerusform>
            <numerusform>%n инструмента</numerusform>
            <numerusform>%n инструментов</numerusform>
        </translation>
    </message>
    <message>
        <source>No instruments on this market&apos;s list. Add some to watch their prices here.</source>
        <translation>В списке этого рынка нет инструментов. Добавьте их, чтобы следить здесь за ценами.</translation>
    </message>
    <message>
        <source>Choose instruments…</source>
        <translation>Выбрать инструменты…</translation>
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
        <translation>Название</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изм.</translation>
    </message>
    <message>
        <source>Change %</source>
        <translation>Изм. %</translation>
    </message>
    <message>
        <source>Bid</source>
        <translation>Спрос</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>Предл.</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Объём</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n с назад</numerusform>
            <numerusform>%n с назад</numerusform>
            <numerusform>%n с назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n мин назад</numerusform>
            <numerusform>%n мин назад</numerusform>
            <numerusform>%n мин назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n ч назад</numerusform>
            <numerusform>%n ч назад</numerusform>
            <numerusform>%n ч назад</numerusform>
        </translation>
    </message>
    <message>
        <source>not live</source>
        <translation>не в реальном времени</translation>
    </message>
    <message>
        <source>Actions for %1: the Menu key or Shift+F10</source>
        <translation>Действия для %1: клавиша Menu или Shift+F10</translation>
    </message>
    <message>
        <source>%1, %2 since the previous quote</source>
        <translation>%1, %2 с предыдущей котировки</translation>
    </message>
    <message>
        <source>Not live: the connection is down. Last quote %1.</source>
        <translation>Данные не обновляются: связь прервана. Последняя котировка: %1.</translation>
    </message>
    <message>
        <source>Not live: the connection is down.</source>
        <translation>Данные не обновляются: связь прервана.</translation>
    </message>
</context>
<context>
    <name>ReportProblemDialog</name>
    <message>
        <source>Reading the log…</source>
        <translation>Чтение журнала…</translation>
    </message>
    <message>
        <source>The log is empty.</source>
        <translation>Журнал пуст.</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s), passwords, tokens and SMS codes removed.</source>
        <translation>
            <numerusform>%n строка, пароли, токены и SMS-коды удалены.</numerusform>
            <numerusform>%n строки, пароли, токены и SMS-коды удалены.</numerusform>
            <numerusform>%n строк, пароли, токены и SMS-коды удалены.</numerusform>
        </translation>
    </message>
    <message>
        <source>The support desk refused the request: check the marked fields.</source>
        <translation>Служба поддержки не приняла обращение: проверьте отмеченные поля.</translation>
    </message>
    <message>
        <source>The request was not sent. %1</source>
        <translation>Обращение не отправлено. %1</translation>
    </message>
    <message>
        <source>Describe the problem in a few words.</source>
        <translation>Опишите проблему в нескольких словах.</translation>
    </message>
    <message>
        <source>The attachments are too large: untick the screenshot and send again.</source>
        <translation>Вложения слишком велики: снимите галочку со снимка окна и отправьте снова.</translation>
    </message>
    <message>
        <source>An attachment could not be read: untick it and send again.</source>
        <translation>Не удалось прочитать вложение: снимите с него галочку и отправьте снова.</translation>
    </message>
    <message>
        <source>The summary must be 3 to 200 characters long.</source>
        <translation>Краткое описание должно содержать от 3 до 200 символов.</translation>
    </message>
    <message>
        <source>The details may be at most 10,000 characters long.</source>
        <translation>Подробное описание — не более 10 000 символов.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Сообщить о проблеме</translation>
    </message>
    <message>
        <source>Tell the support desk what went wrong. They answer on working days, 09:00–18:00 Almaty time.</source>
        <translation>Расскажите службе поддержки, что случилось. Она отвечает в рабочие дни с 09:00 до 18:00 по времени Алматы.</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Кратко:</translation>
    </message>
    <message>
        <source>For example: the order form does not open</source>
        <translation>Например: не открывается форма заявки</translation>
    </message>
    <message>
        <source>Component:</source>
        <translation>Раздел:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Приоритет:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Среда:</translation>
    </message>
    <message>
        <source>TEST (a test or demo server)</source>
        <translation>Тестовый или демо-сервер</translation>
    </message>
    <message>
        <source>PROD (the broker&apos;s live server)</source>
        <translation>Рабочий сервер брокера</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Подробно:</translation>
    </message>
    <message>
        <source>What did you do, what did you expect, and what happened instead?</source>
        <translation>Что вы делали, чего ожидали и что произошло вместо этого?</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <source>Screenshot of the window</source>
        <translation>Снимок окна</translation>
    </message>
    <message>
        <source>Click to see it at full size</source>
        <translation>Нажмите, чтобы открыть в полном размере</translation>
    </message>
    <message>
        <source>Click the picture to see it at full size.</source>
        <translation>Нажмите на картинку, чтобы увидеть её в полном размере.</translation>
    </message>
    <message>
        <source>The app&apos;s log: the last %1 lines</source>
        <translation>Журнал приложения: последние %1 строк</translation>
    </message>
    <message>
        <source>Show the log</source>
        <translation>Показать журнал</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Мои обращения</translation>
    </message>
    <message>
        <source>The request is registered</source>
        <translation>Обращение зарегистрировано</translation>
    </message>
    <message>
        <source>Keep this number: the support desk will contact you by phone or e-mail on working days, 09:00–18:00 Almaty time. Its status is in Help → My requests.</source>
        <translation>Сохраните этот номер: служба поддержки свяжется с вами по телефону или электронной почте в рабочие дни с 09:00 до 18:00 по времени Алматы. Статус обращения — в меню Справка → Мои обращения.</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Подано</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Кратко</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Раздел</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
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
        <translation>Для чего</translation>
    </message>
    <message>
        <source>Reading where the world comes from…</source>
        <translation>Читаем, откуда взяты данные…</translation>
    </message>
    <message>
        <source>The world is the built-in seed: no scenario loaded.</source>
        <translation>Данные — встроенные исходные: сценарий не загружен.</translation>
    </message>
    <message>
        <source>Scenario %1 is loaded (%2).</source>
        <translation>Загружен сценарий %1 (%2).</translation>
    </message>
    <message>
        <source>Load the scenario %1?</source>
        <translation>Загрузить сценарий %1?</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Loading the scenario %1…</source>
        <translation>Загружаем сценарий %1…</translation>
    </message>
    <message>
        <source>Scenario %1 loaded.</source>
        <translation>Сценарий %1 загружен.</translation>
    </message>
    <message>
        <source>Scenario file</source>
        <translation>Файл сценария</translation>
    </message>
    <message>
        <source>Scenarios (*.toml)</source>
        <translation>Сценарии (*.toml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Choose a scenario file first.</source>
        <translation>Сначала выберите файл сценария.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Читаем %1…</translation>
    </message>
    <message>
        <source>The scenario was not loaded.</source>
        <translation>Сценарий не загружен.</translation>
    </message>
    <message>
        <source>Load the scenario in %1?</source>
        <translation>Загрузить сценарий из файла %1?</translation>
    </message>
    <message>
        <source>Loading the scenario in %1…</source>
        <translation>Загружаем сценарий из файла %1…</translation>
    </message>
    <message>
        <source>The file cannot be read: check the path.</source>
        <translation>Файл не читается: проверьте путь.</translation>
    </message>
    <message>
        <source>The file is too large for a scenario (over 1 MB).</source>
        <translation>Файл слишком большой для сценария (больше 1 МБ).</translation>
    </message>
    <message>
        <source>The file is not text in UTF-8: is it a scenario?</source>
        <translation>Файл не является текстом в UTF-8: это точно сценарий?</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Resetting the mock…</source>
        <translation>Сбрасываем сервер-имитатор…</translation>
    </message>
    <message>
        <source>The mock was reset.</source>
        <translation>Сервер-имитатор сброшен.</translation>
    </message>
    <message>
        <source>Tester</source>
        <translation>Тестировщик</translation>
    </message>
    <message>
        <source>Every user, order and price of the mock is replaced, and you will be signed out of the app to sign in again.</source>
        <translation>Все пользователи, заявки и цены сервера-имитатора будут заменены, а вы выйдете из приложения и войдёте снова.</translation>
    </message>
    <message>
        <source>Reset to the scenario</source>
        <translation>Сбросить к сценарию</translation>
    </message>
    <message>
        <source>Back to how %1 starts; faults off, real time.</source>
        <translation>Вернуть к началу сценария %1; сбои выключаются, время реальное.</translation>
    </message>
    <message>
        <source>Reset to the seed</source>
        <translation>Сбросить к исходным данным</translation>
    </message>
    <message>
        <source>Back to the built-in seed; faults off, real time.</source>
        <translation>Вернуть встроенные исходные данные; сбои выключаются, время реальное.</translation>
    </message>
    <message>
        <source>Loading a scenario or resetting replaces the mock&apos;s whole world: the app signs you out, to sign in as one of its users.</source>
        <translation>Загрузка сценария или сброс заменяет все данные сервера-имитатора: приложение выполнит выход, чтобы вы вошли под одним из его пользователей.</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <source>Scenario catalogue</source>
        <translation>Каталог сценариев</translation>
    </message>
    <message>
        <source>Load the scenario</source>
        <translation>Загрузить сценарий</translation>
    </message>
    <message>
        <source>From a file</source>
        <translation>Из файла</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>A scenario&apos;s .toml file</source>
        <translation>Файл сценария .toml</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Load the file</source>
        <translation>Загрузить файл</translation>
    </message>
</context>
<context>
    <name>ScreenshotViewer</name>
    <message>
        <source>Screenshot</source>
        <translation>Снимок окна</translation>
    </message>
</context>
<context>
    <name>SecondFactorPage</name>
    <message>
        <source>The confirmation took too long. Sign in again.</source>
        <translation>Подтверждение заняло слишком много времени. Войдите снова.</translation>
    </message>
    <message>
        <source>Confirming…</source>
        <translation>Подтверждение…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <source>We sent a code to %1. It is valid for 5 minutes.</source>
        <translation>Мы отправили код на %1. Он действует 5 минут.</translation>
    </message>
    <message>
        <source>We will send a code by SMS to %1.</source>
        <translation>Мы отправим код по SMS на %1.</translation>
    </message>
    <message>
        <source>Enter one of the backup codes you saved. Each works once.</source>
        <translation>Введите один из сохранённых резервных кодов. Каждый действует один раз.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code your authenticator app shows now.</source>
        <translation>Введите 6-значный код, который сейчас показывает приложение-аутентификатор.</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation>Подтвердите, что это вы</translation>
    </message>
    <message>
        <source>Your account asks for a second step. Phone on file: %1.</source>
        <translation>Для вашей учётной записи нужен второй шаг. Телефон в анкете: %1.</translation>
    </message>
    <message>
        <source>Your account asks for a second step.</source>
        <translation>Для вашей учётной записи нужен второй шаг.</translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>Приложение-аутентификатор</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>Код из SMS</translation>
    </message>
    <message>
        <source>Backup code</source>
        <translation>Резервный код</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Код</translation>
    </message>
    <message>
        <source>Remember this computer for 30 days</source>
        <translation>Запомнить этот компьютер на 30 дней</translation>
    </message>
    <message>
        <source>This computer will not ask for a code again; you can revoke it in Sessions</source>
        <translation>Этот компьютер больше не будет запрашивать код; отозвать это можно в разделе «Сеансы»</translation>
    </message>
    <message>
        <source>Back to the password</source>
        <translation>Вернуться к паролю</translation>
    </message>
    <message>
        <source>Back to sign-in</source>
        <translation>Вернуться ко входу</translation>
    </message>
</context>
<context>
    <name>SessionsDialog</name>
    <message>
        <source>This is the session of this computer: ending it logs you out.</source>
        <translation>Это сеанс этого компьютера: если завершить его, вы выйдете из кабинета.</translation>
    </message>
    <message>
        <source>Log out on this computer?</source>
        <translation>Выйти на этом компьютере?</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>The session on %1 was ended.</source>
        <translation>Сеанс на компьютере %1 завершён.</translation>
    </message>
    <message>
        <source>End all other sessions?</source>
        <translation>Завершить все другие сеансы?</translation>
    </message>
    <message>
        <source>Every other computer signed in to your account will be signed out.</source>
        <translation>Все другие компьютеры, с которых выполнен вход в ваш кабинет, выйдут из него.</translation>
    </message>
    <message>
        <source>End other sessions</source>
        <translation>Завершить другие сеансы</translation>
    </message>
    <message>
        <source>All other sessions were ended.</source>
        <translation>Все другие сеансы завершены.</translation>
    </message>
    <message>
        <source>%1 is no longer remembered.</source>
        <translation>Компьютер %1 больше не запомнен.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Этот компьютер</translation>
    </message>
    <message>
        <source>Forget this computer</source>
        <translation>Забыть этот компьютер</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Забыть</translation>
    </message>
    <message>
        <source>End session (log out)</source>
        <translation>Завершить сеанс (выйти)</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Завершить сеанс</translation>
    </message>
    <message>
        <source>Sessions and devices</source>
        <translation>Сеансы и устройства</translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation>Активные сеансы</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Компьютер</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>Версия приложения</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP-адрес</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Последняя активность</translation>
    </message>
    <message>
        <source>End all other sessions</source>
        <translation>Завершить все другие сеансы</translation>
    </message>
    <message>
        <source>Remembered computers</source>
        <translation>Запомненные компьютеры</translation>
    </message>
    <message>
        <source>These computers skip the second step of sign-in for 30 days. Forget one you no longer use or do not recognise.</source>
        <translation>На этих компьютерах второй этап входа не запрашивается 30 дней. Забудьте компьютер, которым больше не пользуетесь или который не узнаёте.</translation>
    </message>
    <message>
        <source>Remembered on</source>
        <translation>Запомнен</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Последнее использование</translation>
    </message>
    <message>
        <source>No computer is remembered.</source>
        <translation>Запомненных компьютеров нет.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ShortcutTexts</name>
    <message>
        <source>Open %1</source>
        <translation>Открыть раздел «%1»</translation>
    </message>
    <message>
        <source>Open the user guide</source>
        <translation>Открыть руководство пользователя</translation>
    </message>
    <message>
        <source>Quick search by ticker or name</source>
        <translation>Быстрый поиск по тикеру или названию</translation>
    </message>
    <message>
        <source>Refresh the data</source>
        <translation>Обновить данные</translation>
    </message>
    <message>
        <source>New order (on Orders)</source>
        <translation>Новая заявка (в разделе «Заявки»)</translation>
    </message>
    <message>
        <source>Copy the selected rows of a list</source>
        <translation>Копировать выбранные строки списка</translation>
    </message>
    <message>
        <source>Buy the instrument in the selected row</source>
        <translation>Купить инструмент из выделенной строки</translation>
    </message>
    <message>
        <source>Sell the instrument in the selected row</source>
        <translation>Продать инструмент из выделенной строки</translation>
    </message>
    <message>
        <source>Back to the book of clients</source>
        <translation>Назад к списку клиентов</translation>
    </message>
    <message>
        <source>Larger text (up to 200%)</source>
        <translation>Крупнее текст (до 200 %)</translation>
    </message>
    <message>
        <source>Smaller text (down to 80%)</source>
        <translation>Мельче текст (до 80 %)</translation>
    </message>
    <message>
        <source>Text at its actual size (100%)</source>
        <translation>Текст в исходном размере (100 %)</translation>
    </message>
    <message>
        <source>Open the selected row&apos;s menu</source>
        <translation>Открыть меню выбранной строки</translation>
    </message>
    <message>
        <source>Watchlist editor: move the instrument up</source>
        <translation>Настройка списка котировок: переместить инструмент вверх</translation>
    </message>
    <message>
        <source>Watchlist editor: move the instrument down</source>
        <translation>Настройка списка котировок: переместить инструмент вниз</translation>
    </message>
    <message>
        <source>Watchlist editor: remove the instrument</source>
        <translation>Настройка списка котировок: убрать инструмент из списка</translation>
    </message>
    <message>
        <source>Open the Tester window (the mock backend&apos;s controls)</source>
        <translation>Открыть окно тестировщика (управление сервером-имитатором)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
</context>
<context>
    <name>SignInCodes</name>
    <message>
        <source>Send again in %1</source>
        <translation>Отправить снова через %1</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Отправить снова</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>Отправить код</translation>
    </message>
    <message>
        <source>Enter a backup code: 8 letters and digits, such as k7p2-9xqa.</source>
        <translation>Введите резервный код: 8 букв и цифр, например k7p2-9xqa.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code.</source>
        <translation>Введите 6-значный код.</translation>
    </message>
    <message>
        <source>Wrong code. Attempts left: %1.</source>
        <translation>Неверный код. Осталось попыток: %1.</translation>
    </message>
    <message>
        <source>Wrong code.</source>
        <translation>Неверный код.</translation>
    </message>
    <message>
        <source>That was the last try for this code. Ask for a new one.</source>
        <translation>Это была последняя попытка для этого кода. Запросите новый.</translation>
    </message>
    <message>
        <source>This code has expired: ask for a new one.</source>
        <translation>Срок действия кода истёк: запросите новый.</translation>
    </message>
    <message>
        <source>A new code can be sent once the minute is up.</source>
        <translation>Новый код можно будет отправить, когда пройдёт минута.</translation>
    </message>
</context>
<context>
    <name>SigningForm</name>
    <message>
        <source>Unknown, checking…: no answer came, so it is not yet known whether the withdrawal was made. The app is asking the broker.</source>
        <translation>Неизвестно, проверяем…: ответ не пришёл, поэтому пока неизвестно, принято ли поручение на вывод. Приложение запрашивает брокера.</translation>
    </message>
    <message>
        <source>Unknown, checking…: no answer came, so it is not yet known whether the broker received the change of contact details. The app is asking the broker.</source>
        <translation>Неизвестно, проверяем…: ответ не пришёл, поэтому пока неизвестно, получил ли брокер заявление об изменении контактных данных. Приложение запрашивает брокера.</translation>
    </message>
    <message>
        <source>Unknown, checking…: no answer came, so it is not yet known whether the order was placed. The app is asking the broker.</source>
        <translation>Неизвестно, проверяем…: ответ не пришёл, поэтому пока неизвестно, выставлена ли заявка. Приложение запрашивает брокера.</translation>
    </message>
    <message>
        <source>The broker answered: the withdrawal was not made.</source>
        <translation>Брокер ответил: вывод не выполнен.</translation>
    </message>
    <message>
        <source>The broker answered: the change of contact details was not accepted.</source>
        <translation>Брокер ответил: заявление об изменении контактных данных не принято.</translation>
    </message>
    <message>
        <source>The broker answered: the order was not placed.</source>
        <translation>Брокер ответил: заявка не выставлена.</translation>
    </message>
</context>
<context>
    <name>SmsDialog</name>
    <message>
        <source>Sending the code…</source>
        <translation>Отправка кода…</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1. It signs this withdrawal.</source>
        <translation>Мы отправили 6-значный код на %1. Он подписывает это поручение на вывод.</translation>
    </message>
    <message>
        <source>We sent a 6-digit code to %1. It signs this order.</source>
        <translation>Мы отправили 6-значный код на номер %1. Им подписывается эта заявка.</translation>
    </message>
    <message>
        <source>The code could not be sent.</source>
        <translation>Не удалось отправить код.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
    <message>
        <source>The code is valid for %1.</source>
        <translation>Код действует ещё %1.</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Отправить новый код</translation>
    </message>
    <message numerus="yes">
        <source>Send a new code in %n s</source>
        <translation>
            <numerusform>Новый код — через %n с</numerusform>
            <numerusform>Новый код — через %n с</numerusform>
            <numerusform>Новый код — через %n с</numerusform>
        </translation>
    </message>
    <message>
        <source>Get a new code</source>
        <translation>Получить новый код</translation>
    </message>
    <message>
        <source>The code has expired. Get a new one.</source>
        <translation>Срок действия кода истёк. Получите новый.</translation>
    </message>
    <message>
        <source>Too many wrong codes: this one no longer works. Get a new one.</source>
        <translation>Слишком много неверных попыток: этот код больше не действует. Получите новый.</translation>
    </message>
    <message>
        <source>Wrong code.</source>
        <translation>Неверный код.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong code. Attempts left: %n.</source>
        <translation>
            <numerusform>Неверный код. Осталась %n попытка.</numerusform>
            <numerusform>Неверный код. Осталось %n попытки.</numerusform>
            <numerusform>Неверный код. Осталось %n попыток.</numerusform>
        </translation>
    </message>
    <message>
        <source>Confirm again to resend the same signed withdrawal: it cannot be made twice.</source>
        <translation>Подтвердите ещё раз, чтобы отправить то же подписанное поручение: дважды оно не исполнится.</translation>
    </message>
    <message>
        <source>Confirm again to resend the same signed order: it cannot be placed twice.</source>
        <translation>Нажмите «Подтвердить» ещё раз, чтобы отправить ту же подписанную заявку: дважды она не выставится.</translation>
    </message>
</context>
<context>
    <name>SmsForm</name>
    <message>
        <source>Sign with SMS</source>
        <translation>Подписать по SMS</translation>
    </message>
    <message>
        <source>&amp;Code from the SMS</source>
        <translation>&amp;Код из SMS</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Отправить новый код</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
</context>
<context>
    <name>SmsTab</name>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the code sent at %1</source>
        <translation>Копировать код, отправленный в %1</translation>
    </message>
    <message>
        <source>Copied the code sent to %1 at %2.</source>
        <translation>Скопирован код, отправленный на %1 в %2.</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>The one-time codes the mock sent, newest first. Copy one with its button, a double click or Ctrl+C.</source>
        <translation>Одноразовые коды, отправленные сервером-имитатором, сначала новые. Скопируйте код кнопкой, двойным щелчком или Ctrl+C.</translation>
    </message>
    <message>
        <source>SMS codes sent</source>
        <translation>Отправленные SMS-коды</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Копировать код</translation>
    </message>
    <message>
        <source>Reading the outbox…</source>
        <translation>Читаем отправленные сообщения…</translation>
    </message>
    <message>
        <source>No codes sent yet. Sign something by SMS and its code shows here.</source>
        <translation>Кодов пока нет. Подпишите что-нибудь по SMS, и код появится здесь.</translation>
    </message>
</context>
<context>
    <name>SupportLabels</name>
    <message>
        <source>Login issues</source>
        <translation>Проблемы со входом</translation>
    </message>
    <message>
        <source>Order management</source>
        <translation>Работа с заявками</translation>
    </message>
    <message>
        <source>Cash transfers</source>
        <translation>Денежные переводы</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Доступ</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Критический</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Средний</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Низкий</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зарегистрировано</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Решено</translation>
    </message>
</context>
<context>
    <name>TesterColumns</name>
    <message>
        <source>Sent</source>
        <translation>Отправлено</translation>
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
        <translation>Подана</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Клиент</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Инструмент</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Исполнено</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Подписано</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
</context>
<context>
    <name>TesterPanel</name>
    <message>
        <source>Tester</source>
        <translation>Тестировщик</translation>
    </message>
    <message>
        <source>Controls of the mock backend at %1. They change the mock for every app connected to it; a real server never shows them.</source>
        <translation>Управление сервером-имитатором по адресу %1. Изменения касаются всех подключённых к нему приложений; с настоящим сервером это окно не показывается.</translation>
    </message>
    <message>
        <source>Tester tabs</source>
        <translation>Вкладки тестировщика</translation>
    </message>
</context>
<context>
    <name>TesterTab</name>
    <message>
        <source>Could not read the mock: %1</source>
        <translation>Не удалось прочитать данные сервера-имитатора: %1</translation>
    </message>
</context>
<context>
    <name>TesterWorld</name>
    <message>
        <source>The mock was reset to the scenario %1. Sign in again.</source>
        <translation>Сервер-имитатор сброшен к сценарию %1. Войдите снова.</translation>
    </message>
    <message>
        <source>The mock was reset to its seed. Sign in again.</source>
        <translation>Сервер-имитатор сброшен к исходным данным. Войдите снова.</translation>
    </message>
    <message>
        <source>The mock now runs the scenario %1. Sign in as one of its users.</source>
        <translation>Сервер-имитатор теперь работает по сценарию %1. Войдите под одним из его пользователей.</translation>
    </message>
</context>
<context>
    <name>TotpSetupDialog</name>
    <message>
        <source>The key is on the clipboard.</source>
        <translation>Ключ скопирован в буфер обмена.</translation>
    </message>
    <message>
        <source>Enter the 6 digits the app shows.</source>
        <translation>Введите 6 цифр, которые показывает приложение.</translation>
    </message>
    <message>
        <source>That code is not right. Enter the newest code the app shows; if it is still refused, check that the phone sets its time automatically.</source>
        <translation>Код неверный. Введите последний код из приложения; если его снова не примут, проверьте, что время на телефоне устанавливается автоматически.</translation>
    </message>
    <message>
        <source>This set-up has expired. Close the window and start again.</source>
        <translation>Срок настройки истёк. Закройте окно и начните заново.</translation>
    </message>
    <message>
        <source>Two-step sign-in is already on for this account.</source>
        <translation>Для этого кабинета двухэтапный вход уже включён.</translation>
    </message>
    <message>
        <source>Set up an authenticator app</source>
        <translation>Настроить приложение-аутентификатор</translation>
    </message>
    <message>
        <source>1. Install an authenticator app on your phone, such as Google Authenticator or Microsoft Authenticator.</source>
        <translation>1. Установите на телефон приложение-аутентификатор, например Google Authenticator или Microsoft Authenticator.</translation>
    </message>
    <message>
        <source>2. In the app, add an account and scan this QR code.</source>
        <translation>2. В приложении добавьте учётную запись и отсканируйте этот QR-код.</translation>
    </message>
    <message>
        <source>Cannot scan it? Type this key instead:</source>
        <translation>Не получается отсканировать? Введите вместо этого ключ:</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Секретный ключ</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Copy the key to the clipboard</source>
        <translation>Скопировать ключ в буфер обмена</translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation>Скопировать ключ</translation>
    </message>
    <message>
        <source>3. Enter the 6-digit code the app now shows:</source>
        <translation>3. Введите 6-значный код, который сейчас показывает приложение:</translation>
    </message>
    <message>
        <source>Code from the app</source>
        <translation>Код из приложения</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Подтвердить</translation>
    </message>
</context>
<context>
    <name>TrafficAttachment</name>
    <message>
        <source>No traffic is recorded in this session.</source>
        <translation>В этом сеансе трафик не записывается.</translation>
    </message>
    <message>
        <source>Reading the traffic…</source>
        <translation>Чтение трафика…</translation>
    </message>
    <message>
        <source>No traffic in this period.</source>
        <translation>За этот период трафика нет.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n запрос</numerusform>
            <numerusform>%n запроса</numerusform>
            <numerusform>%n запросов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stream message(s)</source>
        <translation>
            <numerusform>%n сообщение потока</numerusform>
            <numerusform>%n сообщения потока</numerusform>
            <numerusform>%n сообщений потока</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2; passwords, tokens and codes removed.</source>
        <translation>%1 и %2; пароли, токены и коды удалены.</translation>
    </message>
    <message>
        <source>The oldest entries are left out to fit the size limit.</source>
        <translation>Самые старые записи не вошли, чтобы уложиться в ограничение размера.</translation>
    </message>
    <message>
        <source>The app&apos;s network traffic (a HAR file)</source>
        <translation>Сетевой трафик приложения</translation>
    </message>
    <message>
        <source>Last:</source>
        <translation>За последние:</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n минута</numerusform>
            <numerusform>%n минуты</numerusform>
            <numerusform>%n минут</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the traffic</source>
        <translation>Показать трафик</translation>
    </message>
</context>
<context>
    <name>TrafficTab</name>
    <message>
        <source>Choose a file to record to.</source>
        <translation>Выберите файл для записи.</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>Не удаётся записать файл: %1</translation>
    </message>
    <message>
        <source>Record traffic to</source>
        <translation>Куда записать трафик</translation>
    </message>
    <message>
        <source>HAR files (*.har)</source>
        <translation>Файлы HAR (*.har)</translation>
    </message>
    <message>
        <source>Recording to %1.</source>
        <translation>Идёт запись в %1.</translation>
    </message>
    <message>
        <source>Recording stopped; the file is complete.</source>
        <translation>Запись остановлена; файл готов.</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Остановить запись</translation>
    </message>
    <message>
        <source>Record traffic</source>
        <translation>Записывать трафик</translation>
    </message>
    <message>
        <source>This build of the app cannot record traffic.</source>
        <translation>Эта сборка приложения не умеет записывать трафик.</translation>
    </message>
    <message>
        <source>Recording to %1</source>
        <translation>Идёт запись в %1</translation>
    </message>
    <message>
        <source>Not recording.</source>
        <translation>Запись не идёт.</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Трафик</translation>
    </message>
    <message>
        <source>Every call and stream message of this app, as a HAR file that browsers&apos; developer tools open. Passwords, tokens and codes are masked.</source>
        <translation>Все запросы и сообщения потока этого приложения — в файле HAR, который открывают инструменты разработчика браузеров. Пароли, токены и коды скрыты.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>HAR file to record to</source>
        <translation>Файл HAR для записи</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
</context>
<context>
    <name>TrafficViewer</name>
    <message>
        <source>%1 sent, %2 received</source>
        <translation>%1 отправлено, %2 получено</translation>
    </message>
    <message>
        <source>no answer (%1)</source>
        <translation>нет ответа (%1)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 мс</translation>
    </message>
    <message>
        <source>Network traffic</source>
        <translation>Сетевой трафик</translation>
    </message>
    <message>
        <source>Every call to the server and every stream message of the period, as the support desk will get them. Passwords, tokens, one-time codes and signatures are replaced by *** before anything is sent.</source>
        <translation>Каждый запрос к серверу и каждое сообщение потока за период — в том виде, в каком их получит служба поддержки. Пароли, токены, одноразовые коды и подписи заменяются на *** до отправки.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>HAR file</source>
        <translation>Сам файл</translation>
    </message>
    <message>
        <source>No traffic.</source>
        <translation>Трафика нет.</translation>
    </message>
</context>
<context>
    <name>TransactionDetailsDialog</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Time (Almaty)</source>
        <translation>Время (Алматы)</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Инструмент</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Рынок</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
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
        <translation>Дата расчётов</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>Субсчёт</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заявка</translation>
    </message>
    <message>
        <source>Transaction ID</source>
        <translation>Идентификатор сделки</translation>
    </message>
    <message>
        <source>Open order %1</source>
        <translation>Открыть заявку № %1</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Сделка %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
</context>
<context>
    <name>TransactionsModel</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Инструмент</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
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
        <translation>Дата расчётов</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Действия для %1</translation>
    </message>
</context>
<context>
    <name>TransactionsPage</name>
    <message>
        <source>All markets</source>
        <translation>Все рынки</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>Рынок</translation>
    </message>
    <message>
        <source>Buys and sells</source>
        <translation>Покупки и продажи</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>Направление</translation>
    </message>
    <message>
        <source>Instrument, e.g. KSPI</source>
        <translation>Инструмент, напр. KSPI</translation>
    </message>
    <message>
        <source>Filter by instrument</source>
        <translation>Фильтр по инструменту</translation>
    </message>
    <message>
        <source>Loading transactions…</source>
        <translation>Загрузка сделок…</translation>
    </message>
    <message>
        <source>Years of history can take a moment.</source>
        <translation>Многолетняя история может загружаться некоторое время.</translation>
    </message>
    <message>
        <source>No transactions match the filters</source>
        <translation>Нет сделок, подходящих под фильтры</translation>
    </message>
    <message>
        <source>Change the instrument text or reset the filters.</source>
        <translation>Измените текст инструмента или сбросьте фильтры.</translation>
    </message>
    <message>
        <source>Try another market, side or period.</source>
        <translation>Попробуйте другой рынок, направление или период.</translation>
    </message>
    <message>
        <source>No transactions for this period</source>
        <translation>За этот период сделок нет</translation>
    </message>
    <message>
        <source>Deals made on your orders appear here.</source>
        <translation>Здесь появляются сделки по вашим заявкам.</translation>
    </message>
    <message>
        <source>Transactions did not load</source>
        <translation>Сделки не загрузились</translation>
    </message>
    <message>
        <source>Shown: %1</source>
        <translation>Показано: %1</translation>
    </message>
    <message>
        <source>%1 · loading more…</source>
        <translation>%1 · загружаем ещё…</translation>
    </message>
    <message>
        <source>%1: amount %2, fee %3</source>
        <translation>%1: сумма %2, комиссия %3</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Итого</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show window</source>
        <translation>Показать окно</translation>
    </message>
    <message>
        <source>Desktop notifications</source>
        <translation>Уведомления на рабочем столе</translation>
    </message>
    <message>
        <source>A notice when an order fills or is rejected, or a withdrawal is done</source>
        <translation>Уведомлять, когда заявка исполнена или отклонена, а вывод денег проведён или отклонён</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
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
        <translation>Двухэтапный вход включён.</translation>
    </message>
    <message>
        <source>Two-step sign-in is off.</source>
        <translation>Двухэтапный вход выключен.</translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation>Двухэтапный вход</translation>
    </message>
    <message>
        <source>Two-step sign-in is on</source>
        <translation>Двухэтапный вход включён</translation>
    </message>
    <message>
        <source>Two-step sign-in is off</source>
        <translation>Двухэтапный вход выключен</translation>
    </message>
    <message>
        <source>After your password, signing in asks for a code from your authenticator app, or one sent by SMS, or one of your backup codes.</source>
        <translation>После пароля при входе запрашивается код из приложения-аутентификатора, код из SMS или один из резервных кодов.</translation>
    </message>
    <message>
        <source>Protect your account with a second step after the password: a code from an authenticator app on your phone. Someone who learns your password still cannot sign in without your phone.</source>
        <translation>Защитите кабинет вторым этапом после пароля: кодом из приложения-аутентификатора на телефоне. Тот, кто узнает ваш пароль, всё равно не войдёт без вашего телефона.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>Неверный пароль.</translation>
    </message>
    <message>
        <source>Enter a code from the app or a backup code.</source>
        <translation>Введите код из приложения или резервный код.</translation>
    </message>
    <message>
        <source>That code is not right. Enter the newest code the app shows, or an unused backup code.</source>
        <translation>Код неверный. Введите последний код из приложения или неиспользованный резервный код.</translation>
    </message>
    <message>
        <source>Set up an authenticator app</source>
        <translation>Настроить приложение-аутентификатор</translation>
    </message>
    <message>
        <source>Turn off…</source>
        <translation>Выключить…</translation>
    </message>
    <message>
        <source>To turn two-step sign-in off, enter your password and a code from the authenticator app (or a backup code). Remembered computers are forgotten too.</source>
        <translation>Чтобы выключить двухэтапный вход, введите пароль и код из приложения-аутентификатора (или резервный код). Запомненные компьютеры тоже будут забыты.</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Пароль</translation>
    </message>
    <message>
        <source>C&amp;ode</source>
        <translation>К&amp;од</translation>
    </message>
    <message>
        <source>123456 or a backup code</source>
        <translation>123456 или резервный код</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Turn off two-step sign-in</source>
        <translation>Выключить двухэтапный вход</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>UntilField</name>
    <message>
        <source>Type the time as hours and minutes, e.g. 18:30.</source>
        <translation>Укажите время в часах и минутах, например 18:30.</translation>
    </message>
    <message>
        <source>until cleared</source>
        <translation>до отключения</translation>
    </message>
    <message>
        <source>for</source>
        <translation>в течение</translation>
    </message>
    <message>
        <source>until</source>
        <translation>до</translation>
    </message>
    <message>
        <source>How long it lasts</source>
        <translation>Сколько длится</translation>
    </message>
    <message>
        <source>Minutes it lasts</source>
        <translation>Длительность, минут</translation>
    </message>
    <message>
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <source>Time it lasts until, on the mock&apos;s clock</source>
        <translation>До какого времени по часам сервера-имитатора</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>ЧЧ:ММ</translation>
    </message>
</context>
<context>
    <name>UpdateCenter</name>
    <message>
        <source>The update did not match what Centras Securities signed, so it was refused. Nothing was installed.</source>
        <translation>Обновление не совпало с тем, что подписала Centras Securities, поэтому оно отклонено. Ничего не установлено.</translation>
    </message>
    <message>
        <source>The update information is out of date (its signatures have expired), so it was refused. Try again later.</source>
        <translation>Сведения об обновлении устарели (срок их подписей истёк), поэтому они отклонены. Повторите попытку позже.</translation>
    </message>
    <message>
        <source>The update server offered older information than this app has already seen, so it was refused.</source>
        <translation>Сервер обновлений предложил более старые сведения, чем приложение уже видело, поэтому они отклонены.</translation>
    </message>
    <message>
        <source>The update information is not signed by Centras Securities&apos; keys, so it was refused.</source>
        <translation>Сведения об обновлении подписаны не ключами Centras Securities, поэтому они отклонены.</translation>
    </message>
    <message>
        <source>Could not reach the update server. Check the connection and try again.</source>
        <translation>Не удалось связаться с сервером обновлений. Проверьте подключение и повторите попытку.</translation>
    </message>
    <message>
        <source>Centras Securities does not build this app for this kind of computer, so it cannot be updated here.</source>
        <translation>Centras Securities не выпускает это приложение для такого компьютера, поэтому здесь его нельзя обновить.</translation>
    </message>
    <message>
        <source>The download was cancelled.</source>
        <translation>Загрузка отменена.</translation>
    </message>
    <message>
        <source>Updates are not set up in this copy of the app: it carries no update key. Install the app from Centras Securities to receive updates.</source>
        <translation>В этой копии приложения обновления не настроены: в ней нет ключа обновлений. Установите приложение от Centras Securities, чтобы получать обновления.</translation>
    </message>
    <message>
        <source>Updates cannot be checked: the update server&apos;s address or the update folder on this computer cannot be used.</source>
        <translation>Проверить обновления нельзя: адрес сервера обновлений или папка обновлений на этом компьютере непригодны.</translation>
    </message>
    <message>
        <source>The update could not be saved on this computer.</source>
        <translation>Не удалось сохранить обновление на этом компьютере.</translation>
    </message>
    <message>
        <source>The installer could not be started.</source>
        <translation>Не удалось запустить установщик.</translation>
    </message>
    <message>
        <source>The update server sent an answer the app cannot read.</source>
        <translation>Сервер обновлений прислал ответ, который приложение не может прочитать.</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Version %1 is available</source>
        <translation>Доступна версия %1</translation>
    </message>
    <message>
        <source>You have version %1</source>
        <translation>У вас версия %1</translation>
    </message>
    <message>
        <source>released %1</source>
        <translation>выпущена %1</translation>
    </message>
    <message>
        <source>No release notes were given.</source>
        <translation>Описание выпуска не приложено.</translation>
    </message>
    <message>
        <source>Checking for updates…</source>
        <translation>Проверка обновлений…</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>Обновления</translation>
    </message>
    <message>
        <source>%1 of %2 MB · %3 %</source>
        <translation>%1 из %2 МБ · %3 %</translation>
    </message>
    <message>
        <source>You have the newest version, %1.</source>
        <translation>У вас самая новая версия, %1.</translation>
    </message>
    <message>
        <source>Downloaded and verified. The app closes while the update installs.</source>
        <translation>Загружено и проверено. На время установки обновления приложение закроется.</translation>
    </message>
    <message>
        <source>Starting the installer…</source>
        <translation>Запуск установщика…</translation>
    </message>
    <message>
        <source>Demo mode: nothing was installed. The app would run: %1</source>
        <translation>Демо-режим: ничего не установлено. Приложение запустило бы: %1</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Загрузить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Install and restart</source>
        <translation>Установить и перезапустить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Software update</source>
        <translation>Обновление программы</translation>
    </message>
</context>
<context>
    <name>WatchlistEditor</name>
    <message>
        <source>The list is empty.</source>
        <translation>Список пуст.</translation>
    </message>
    <message>
        <source>Drag rows, or use Move up and Move down, to set the order on Home.</source>
        <translation>Чтобы задать порядок на Главной, перетаскивайте строки или нажимайте «Выше» и «Ниже».</translation>
    </message>
    <message>
        <source>This list is empty. Find instruments on the left and tick them to add them.</source>
        <translation>Этот список пуст. Найдите инструменты слева и отметьте их, чтобы добавить.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message numerus="yes">
        <source>%n instrument(s) found. Tick one to add it to its market&apos;s list.</source>
        <translation>
            <numerusform>Найден %n инструмент. Отметьте его, чтобы добавить в список его рынка.</numerusform>
            <numerusform>Найдено %n инструмента. Отметьте нужные, чтобы добавить их в списки рынков.</numerusform>
            <numerusform>Найдено %n инструментов. Отметьте нужные, чтобы добавить их в списки рынков.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Check the spelling, or try part of a ticker or a company name.</source>
        <translation>По запросу «%1» ничего не найдено. Проверьте написание или введите часть тикера либо названия компании.</translation>
    </message>
    <message>
        <source>The search failed: %1 Try again in a moment.</source>
        <translation>Поиск не удался: %1 Повторите чуть позже.</translation>
    </message>
    <message>
        <source>Type part of a ticker or a name, e.g. HSBK or Halyk.</source>
        <translation>Введите часть тикера или названия, например HSBK или Halyk Bank.</translation>
    </message>
    <message>
        <source>International</source>
        <translation>International</translation>
    </message>
    <message>
        <source>You are viewing the client&apos;s lists. Brokers cannot change them.</source>
        <translation>Вы просматриваете списки клиента. Брокер не может их изменять.</translation>
    </message>
    <message>
        <source>Tick instruments to watch their prices on Home; untick to remove them. Changes are saved at once.</source>
        <translation>Отметьте инструменты, чтобы следить за их ценами на Главной; снимите отметку, чтобы убрать. Изменения сохраняются сразу.</translation>
    </message>
    <message>
        <source>The instruments on each market&apos;s list, in the order Home shows them.</source>
        <translation>Инструменты в списке каждого рынка — в том порядке, в каком они на Главной.</translation>
    </message>
    <message>
        <source>Ticker or name, e.g. HSBK</source>
        <translation>Тикер или название, например HSBK</translation>
    </message>
    <message>
        <source>Move the selected instrument up (%1)</source>
        <translation>Переместить выбранный инструмент вверх (%1)</translation>
    </message>
    <message>
        <source>Move the selected instrument down (%1)</source>
        <translation>Переместить выбранный инструмент вниз (%1)</translation>
    </message>
    <message>
        <source>Remove the selected instrument (%1)</source>
        <translation>Убрать выбранный инструмент из списка (%1)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
</context>
<context>
    <name>WatchlistEditorForm</name>
    <message>
        <source>Watchlists</source>
        <translation>Списки котировок</translation>
    </message>
    <message>
        <source>Find instruments</source>
        <translation>Найти инструменты</translation>
    </message>
    <message>
        <source>Your lists</source>
        <translation>Ваши списки</translation>
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
        <translation>Выше</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Ниже</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
</context>
<context>
    <name>WithdrawalForm</name>
    <message>
        <source>Withdraw money</source>
        <translation>Вывести деньги</translation>
    </message>
    <message>
        <source>Sub-&amp;account</source>
        <translation>Суб&amp;счёт</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>&amp;Валюта</translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation>С&amp;умма</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Всё</translation>
    </message>
    <message>
        <source>Recipient &amp;IIN</source>
        <translation>&amp;ИИН получателя</translation>
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
        <translation>&amp;Назначение</translation>
    </message>
    <message>
        <source>Document to sign</source>
        <translation>Документ на подпись</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Sign with &amp;EDS</source>
        <translation>Подписать &amp;ЭЦП</translation>
    </message>
    <message>
        <source>Sign with &amp;SMS</source>
        <translation>Подписать по &amp;SMS</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>WithdrawalFormDialog</name>
    <message>
        <source>Signing was cancelled. Nothing was sent; the withdrawal is as you left it.</source>
        <translation>Подписание отменено. Ничего не отправлено; поручение осталось как было.</translation>
    </message>
    <message>
        <source>Available: loading…</source>
        <translation>Доступно: загрузка…</translation>
    </message>
    <message>
        <source>Available: %1</source>
        <translation>Доступно: %1</translation>
    </message>
    <message>
        <source>Picked from the IBAN: bank code %1, BIC %2.</source>
        <translation>Определён по IBAN: код банка %1, БИК %2.</translation>
    </message>
    <message>
        <source>Loading the list of banks…</source>
        <translation>Загружаем список банков…</translation>
    </message>
    <message>
        <source>Type the IBAN and the bank is picked from its code.</source>
        <translation>Введите IBAN — банк определится по его коду.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Checking the withdrawal with the broker…</source>
        <translation>Брокер проверяет поручение…</translation>
    </message>
    <message>
        <source>The exact text you sign appears here once the broker has checked the withdrawal.</source>
        <translation>Точный текст, который вы подписываете, появится здесь после проверки брокером.</translation>
    </message>
    <message>
        <source>Withdrawal No. %1 has been accepted</source>
        <translation>Поручение на вывод № %1 принято</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Статус: %1</translation>
    </message>
    <message>
        <source>%1 to %2 at %3. The amount is blocked until the bank pays it out.</source>
        <translation>%1 на %2 в %3. Сумма заблокирована до выплаты банком.</translation>
    </message>
    <message>
        <source>Checking the withdrawal…</source>
        <translation>Проверяем поручение…</translation>
    </message>
    <message>
        <source>More than is available: %1.</source>
        <translation>Больше доступного: %1.</translation>
    </message>
    <message>
        <source>Money goes only to your own account: the recipient&apos;s IIN must be yours, %1.</source>
        <translation>Деньги выводятся только на ваш счёт: ИИН получателя должен быть вашим, %1.</translation>
    </message>
    <message>
        <source>No bank in Kazakhstan has the bank code %1.</source>
        <translation>В Казахстане нет банка с кодом %1.</translation>
    </message>
    <message>
        <source>This bank does not match the IBAN: its bank code %1 is %2&apos;s.</source>
        <translation>Банк не совпадает с IBAN: код банка %1 принадлежит %2.</translation>
    </message>
    <message>
        <source>Choose the sub-account.</source>
        <translation>Выберите субсчёт.</translation>
    </message>
    <message>
        <source>Choose the currency.</source>
        <translation>Выберите валюту.</translation>
    </message>
    <message>
        <source>This sub-account holds no cash in this currency.</source>
        <translation>На этом субсчёте нет денег в этой валюте.</translation>
    </message>
    <message>
        <source>Enter the amount.</source>
        <translation>Введите сумму.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Сумма должна быть больше нуля.</translation>
    </message>
    <message>
        <source>The amount can have at most two decimal places.</source>
        <translation>В сумме не больше двух знаков после запятой.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Слишком большая сумма.</translation>
    </message>
    <message>
        <source>More than is available.</source>
        <translation>Больше доступного.</translation>
    </message>
    <message>
        <source>Enter the recipient&apos;s IIN.</source>
        <translation>Введите ИИН получателя.</translation>
    </message>
    <message>
        <source>An IIN is 12 digits.</source>
        <translation>ИИН состоит из 12 цифр.</translation>
    </message>
    <message>
        <source>The first six digits of an IIN are a date of birth: check them.</source>
        <translation>Первые шесть цифр ИИН — дата рождения: проверьте их.</translation>
    </message>
    <message>
        <source>This IIN&apos;s check digit is wrong: check the number.</source>
        <translation>Неверная контрольная цифра ИИН: проверьте номер.</translation>
    </message>
    <message>
        <source>Money goes only to your own account.</source>
        <translation>Деньги выводятся только на ваш счёт.</translation>
    </message>
    <message>
        <source>Enter the IBAN of your bank account.</source>
        <translation>Введите IBAN вашего банковского счёта.</translation>
    </message>
    <message>
        <source>A Kazakh IBAN is KZ and 18 more letters and digits.</source>
        <translation>Казахстанский IBAN — это KZ и ещё 18 букв и цифр.</translation>
    </message>
    <message>
        <source>Only accounts in Kazakhstan, with IBANs starting KZ.</source>
        <translation>Только счета в Казахстане, IBAN начинается с KZ.</translation>
    </message>
    <message>
        <source>The IBAN&apos;s check digits do not match: check the number.</source>
        <translation>Контрольные цифры IBAN не сходятся: проверьте номер.</translation>
    </message>
    <message>
        <source>The IBAN&apos;s bank code is not a Kazakh bank&apos;s.</source>
        <translation>Код банка в IBAN не принадлежит казахстанскому банку.</translation>
    </message>
    <message>
        <source>Choose the bank.</source>
        <translation>Выберите банк.</translation>
    </message>
    <message>
        <source>Choose the bank from the list.</source>
        <translation>Выберите банк из списка.</translation>
    </message>
    <message>
        <source>This bank does not match the IBAN.</source>
        <translation>Банк не совпадает с IBAN.</translation>
    </message>
    <message>
        <source>The purpose must be one line of plain text.</source>
        <translation>Назначение — одна строка обычного текста.</translation>
    </message>
    <message>
        <source>Check this field.</source>
        <translation>Проверьте это поле.</translation>
    </message>
    <message>
        <source>This withdrawal was already signed and sent: No. %1, %2 to %3. See Instructions.</source>
        <translation>Это поручение уже подписано и отправлено: № %1, %2 на счёт %3. См. «Поручения».</translation>
    </message>
    <message>
        <source>The withdrawal document has expired. Sign again: a new one will be made.</source>
        <translation>Срок документа поручения истёк. Подпишите снова: будет сформирован новый.</translation>
    </message>
    <message>
        <source>This withdrawal has already been signed and sent. See Instructions.</source>
        <translation>Это поручение уже подписано и отправлено. См. «Поручения».</translation>
    </message>
    <message>
        <source>Not enough cash for this withdrawal any more.</source>
        <translation>Для этого вывода больше не хватает денег.</translation>
    </message>
    <message>
        <source>You are not allowed to withdraw money.</source>
        <translation>Вам не разрешено выводить деньги.</translation>
    </message>
    <message>
        <source>Withdrawal of own funds</source>
        <translation>Вывод собственных средств</translation>
    </message>
    <message>
        <source>Money goes only to an account in your own name.</source>
        <translation>Деньги выводятся только на счёт на ваше имя.</translation>
    </message>
    <message>
        <source>Withdraw all the available cash</source>
        <translation>Вывести все доступные деньги</translation>
    </message>
    <message>
        <source>Picked from the IBAN</source>
        <translation>Определяется по IBAN</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
</context>
<context>
    <name>ZoomActions</name>
    <message>
        <source>Larger text</source>
        <translation>Крупнее текст</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Мельче текст</translation>
    </message>
    <message>
        <source>Actual size (100%)</source>
        <translation>Исходный размер (100 %)</translation>
    </message>
    <message>
        <source>Text size: %1%</source>
        <translation>Размер текста: %1 %</translation>
    </message>
</context>
<context>
    <name>_CodeCounts</name>
    <message numerus="yes">
        <source>Backup codes left: %n.</source>
        <translation>
            <numerusform>Осталось резервных кодов: %n.</numerusform>
            <numerusform>Осталось резервных кодов: %n.</numerusform>
            <numerusform>Осталось резервных кодов: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Wrong login or password. Attempts left: %n.</source>
        <translation>
            <numerusform>Неверный логин или пароль. Осталась %n попытка.</numerusform>
            <numerusform>Неверный логин или пароль. Осталось %n попытки.</numerusform>
            <numerusform>Неверный логин или пароль. Осталось %n попыток.</numerusform>
        </translation>
    </message>
</context>
</TS>
