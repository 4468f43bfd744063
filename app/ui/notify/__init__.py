"""Desktop notifications of the sends the user is not watching (a scheduled message sent, a send failed, a command's
message sent): the controller (:mod:`.notifier`), the notification server's adapter (:mod:`.desktop_bus`) and the
View → Notifications menu (:mod:`.notify_menu`). What is notified, and in which words, is decided Qt-free in
:mod:`app.core.outbox.notices`."""
