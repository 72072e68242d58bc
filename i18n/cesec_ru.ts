<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
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
    <name>ConnectionIndicator</name>
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
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Sub-accounts</source>
        <translation>Субсчета</translation>
    </message>
    <message>
        <source>Live data</source>
        <translation>Данные в реальном времени</translation>
    </message>
    <message>
        <source>Welcome, %1</source>
        <translation>Здравствуйте, %1</translation>
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
        <source>Role</source>
        <translation>Роль</translation>
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
        <translation>Субсчетов пока нет.</translation>
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
    <name>InstructionsPage</name>
    <message>
        <source>Your instructions to withdraw money to a bank account, with their status.</source>
        <translation>Ваши поручения на вывод денег на банковский счёт и их статусы.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
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
        <source>Watchlist settings</source>
        <translation>Настроить список котировок</translation>
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
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Выйти</translation>
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
        <source>Cannot reach the server. Check your Internet connection and try again.</source>
        <translation>Не удаётся связаться с сервером. Проверьте подключение к интернету и повторите попытку.</translation>
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
    <name>OrdersPage</name>
    <message>
        <source>Your buy and sell orders for a chosen period, with their status.</source>
        <translation>Ваши заявки на покупку и продажу за выбранный период и их статусы.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
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
    <name>PlaceholderPage</name>
    <message>
        <source>This section is not available in this version yet.</source>
        <translation>В этой версии раздел пока недоступен.</translation>
    </message>
</context>
<context>
    <name>PortfolioPage</name>
    <message>
        <source>Securities and money on your sub-accounts, with their current value.</source>
        <translation>Ценные бумаги и деньги на ваших субсчетах и их текущая стоимость.</translation>
    </message>
</context>
<context>
    <name>TransactionsPage</name>
    <message>
        <source>Deals made on your orders: price, quantity, amount and fees.</source>
        <translation>Сделки по вашим заявкам: цена, количество, сумма и комиссии.</translation>
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
