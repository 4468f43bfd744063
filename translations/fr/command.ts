<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>ManPage</name>
    <message>
        <source>print the version and exit</source>
        <extracomment>the window&apos;s options as data, (group title or &quot;&quot;, its options): the parser is built from it, and so are the man page and the shell completions (app/command/manpage.py, app/command/completion.py)</extracomment>
        <translation>affiche la version et quitte</translation>
    </message>
    <message>
        <source>use the built-in sandbox mailbox (signs in as alice@example.com)</source>
        <translation>utilise la boîte aux lettres de test intégrée (se connecte en tant que alice@example.com)</translation>
    </message>
    <message>
        <source>the built-in sandbox mailbox through Microsoft Graph (signs in to the sandbox&apos;s own authority)</source>
        <translation>la boîte aux lettres de test intégrée, par Microsoft Graph (se connecte à l&apos;autorité de la boîte de test)</translation>
    </message>
    <message>
        <source>check this installation end to end (built-in sandbox, offscreen) and print one line</source>
        <translation>vérifie cette installation de bout en bout (boîte de test intégrée, sans affichage) et affiche une ligne</translation>
    </message>
    <message>
        <source>account (all four together)</source>
        <translation>compte (les quatre ensemble)</translation>
    </message>
    <message>
        <source>the EWS endpoint, e.g. https://mail.example.com/EWS/Exchange.asmx (http:// only for this computer: localhost, 127.0.0.1, ::1)</source>
        <translation>l&apos;adresse EWS, par exemple https://mail.example.com/EWS/Exchange.asmx (http:// seulement pour cet ordinateur&#xa0;: localhost, 127.0.0.1,&#xa0;::1)</translation>
    </message>
    <message>
        <source>the mailbox&apos;s e-mail address</source>
        <translation>l&apos;adresse de messagerie de la boîte aux lettres</translation>
    </message>
    <message>
        <source>the sign-in user name (DOMAIN\user or UPN)</source>
        <translation>le nom d&apos;utilisateur de connexion (DOMAINE\utilisateur ou UPN)</translation>
    </message>
    <message>
        <source>name of an environment variable holding the password</source>
        <translation>nom d&apos;une variable d&apos;environnement qui contient le mot de passe</translation>
    </message>
    <message>
        <source>authentication type (default basic)</source>
        <translation>type d&apos;authentification (basic par défaut)</translation>
    </message>
    <message>
        <source>do not verify the server&apos;s TLS certificate</source>
        <translation>ne vérifie pas le certificat TLS du serveur</translation>
    </message>
    <message>
        <source>Dispatch: compose, save and send mail through Microsoft Exchange (EWS).</source>
        <translation>Dispatch&#xa0;: rédiger, enregistrer et envoyer du courrier par Microsoft Exchange (EWS).</translation>
    </message>
    <message>
        <source>With no options, the account set up on first run is used. Passwords are read from the system keyring, never from the command line.</source>
        <translation>Sans option, le compte configuré au premier lancement est utilisé. Les mots de passe sont lus dans le trousseau du système, jamais sur la ligne de commande.</translation>
    </message>
    <message>
        <source>keyboard-driven mail composer for Microsoft Exchange, and its commands for scripts</source>
        <translation>éditeur de courrier piloté au clavier pour Microsoft Exchange, et ses commandes pour les scripts</translation>
    </message>
    <message>
        <source>the message was accepted (sent), or the command did what it was asked</source>
        <extracomment>what each exit code of app.core.send_command (sysexits.h) means to a script</extracomment>
        <translation>le message a été accepté (envoyé), ou la commande a fait ce qui lui était demandé</translation>
    </message>
    <message>
        <source>the command was used wrongly: an unknown option, options that do not go together, a time --later does not understand</source>
        <translation>la commande a été mal utilisée&#xa0;: une option inconnue, des options incompatibles, une heure que --later ne comprend pas</translation>
    </message>
    <message>
        <source>the message is bad: no recipients, an invalid address, too large, a line break in --subject or --header, 8-bit text without a charset, a malformed message; nothing was queued</source>
        <translation>le message n&apos;est pas valable&#xa0;: aucun destinataire, une adresse non valide, trop volumineux, un saut de ligne dans --subject ou --header, du texte 8 bits sans jeu de caractères, un message mal formé&#xa0;; rien n&apos;a été mis en file d&apos;attente</translation>
    </message>
    <message>
        <source>a file named cannot be read, or there is no message on standard input</source>
        <translation>un fichier indiqué ne peut pas être lu, ou il n&apos;y a aucun message sur l&apos;entrée standard</translation>
    </message>
    <message>
        <source>the service is unavailable</source>
        <translation>le service n&apos;est pas disponible</translation>
    </message>
    <message>
        <source>not sent yet: the message is queued and is tried again later; do not send it again</source>
        <translation>pas encore envoyé&#xa0;: le message est en file d&apos;attente et sera réessayé plus tard&#xa0;; ne l&apos;envoyez pas une seconde fois</translation>
    </message>
    <message>
        <source>refused by the server (permission)</source>
        <translation>refusé par le serveur (autorisation)</translation>
    </message>
    <message>
        <source>not configured: no account is set up</source>
        <translation>non configuré&#xa0;: aucun compte n&apos;est configuré</translation>
    </message>
    <message>
        <source>one folder for everything Dispatch keeps: $DISPATCH_HOME/config, $DISPATCH_HOME/data (the journal) and $DISPATCH_HOME/logs, instead of the platform&apos;s folders</source>
        <translation>un seul dossier pour tout ce que Dispatch conserve&#xa0;: $DISPATCH_HOME/config, $DISPATCH_HOME/data (le journal) et $DISPATCH_HOME/logs, au lieu des dossiers de la plateforme</translation>
    </message>
    <message>
        <source>dark or light: the window&apos;s theme, whatever the desktop&apos;s</source>
        <translation>dark ou light&#xa0;: le thème de la fenêtre, quel que soit celui du bureau</translation>
    </message>
    <message>
        <source>how many seconds send and sendmail wait for the outcome when --wait is not given (default 30); every command ends within its wait and a few seconds, the message queued (75) when it is not sent by then</source>
        <translation>combien de secondes send et sendmail attendent le résultat sans --wait (30 par défaut)&#xa0;; chaque commande se termine dans ce délai plus quelques secondes, le message restant en file d&apos;attente (75) s&apos;il n&apos;est pas encore envoyé</translation>
    </message>
    <message>
        <source>the undo-send delay in seconds when the user never chose one (default 10)</source>
        <translation>le délai d&apos;annulation de l&apos;envoi, en secondes, si l&apos;utilisateur n&apos;en a jamais choisi (10 par défaut)</translation>
    </message>
    <message>
        <source>the window&apos;s language (English, French or German), unless one is chosen in its settings; the commands print English</source>
        <translation>la langue de la fenêtre (anglais, français ou allemand), sauf si une langue est choisie dans ses paramètres&#xa0;; les commandes écrivent en anglais</translation>
    </message>
    <message>
        <source>where the platform&apos;s folders are (see FILES)</source>
        <translation>l&apos;emplacement des dossiers de la plateforme (voir FICHIERS)</translation>
    </message>
    <message>
        <source>the user&apos;s runtime folder, where the running window listens for the commands (a socket only the user may open)</source>
        <translation>le dossier d&apos;exécution de l&apos;utilisateur, où la fenêtre ouverte attend les commandes (un socket que seul l&apos;utilisateur peut ouvrir)</translation>
    </message>
    <message>
        <source>settings and accounts</source>
        <translation>paramètres et comptes</translation>
    </message>
    <message>
        <source>the journal: drafts and the Outbox, the one queue the window and the commands share</source>
        <translation>le journal&#xa0;: les brouillons et la Boîte d&apos;envoi, la file unique que partagent la fenêtre et les commandes</translation>
    </message>
    <message>
        <source>logs (no message content, no secrets)</source>
        <translation>journaux (aucun contenu de message, aucun secret)</translation>
    </message>
    <message>
        <source>Send a message built from options, with an attachment:</source>
        <translation>Envoyer un message construit à partir des options, avec une pièce jointe&#xa0;:</translation>
    </message>
    <message>
        <source>Send a message file as it is:</source>
        <translation>Envoyer un fichier de message tel quel&#xa0;:</translation>
    </message>
    <message>
        <source>A patch series with git send-email:</source>
        <translation>Une série de correctifs avec git send-email&#xa0;:</translation>
    </message>
    <message>
        <source>neomutt, in ~/.neomuttrc:</source>
        <translation>neomutt, dans ~/.neomuttrc&#xa0;:</translation>
    </message>
    <message>
        <source>cron, a line of crontab(5):</source>
        <translation>cron, une ligne de crontab(5)&#xa0;:</translation>
    </message>
    <message>
        <source>What waits in the Outbox, then retry one entry:</source>
        <translation>Ce qui attend dans la Boîte d&apos;envoi, puis réessayer une entrée&#xa0;:</translation>
    </message>
    <message>
        <source>User Commands</source>
        <translation>Commandes utilisateur</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>OPTIONS</source>
        <translation>OPTIONS</translation>
    </message>
    <message>
        <source>The window&apos;s options (with no command):</source>
        <translation>Les options de la fenêtre (sans commande)&#xa0;:</translation>
    </message>
    <message>
        <source>COMMANDS</source>
        <translation>COMMANDES</translation>
    </message>
    <message>
        <source>ENVIRONMENT</source>
        <translation>ENVIRONNEMENT</translation>
    </message>
    <message>
        <source>FILES</source>
        <translation>FICHIERS</translation>
    </message>
    <message>
        <source>EXAMPLES</source>
        <translation>EXEMPLES</translation>
    </message>
    <message>
        <source>SEE ALSO</source>
        <translation>VOIR AUSSI</translation>
    </message>
    <message>
        <source>print the usage and exit</source>
        <translation>affiche l&apos;utilisation et quitte</translation>
    </message>
    <message>
        <source>SYNOPSIS</source>
        <translation>SYNOPSIS</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>DESCRIPTION</translation>
    </message>
    <message>
        <source>With a command as its first word, dispatch-mail runs without the window (and without a display), for scripts and servers:</source>
        <translation>Avec une commande pour premier mot, dispatch-mail fonctionne sans la fenêtre (et sans affichage), pour les scripts et les serveurs&#xa0;:</translation>
    </message>
    <message>
        <source>A message a command accepts is recorded in the same journal and Outbox the window uses before the command returns. When the window is running for the account, the message is handed to it and shows in its Outbox; otherwise the command sends it itself. What is left is sent by the next command or the next start of the window, and a message handed over twice (the same Message-ID) goes out once.</source>
        <translation>Un message accepté par une commande est enregistré, avant que la commande ne se termine, dans le même journal et la même Boîte d&apos;envoi que ceux de la fenêtre. Si la fenêtre est ouverte pour ce compte, le message lui est confié et apparaît dans sa Boîte d&apos;envoi&#xa0;; sinon, la commande l&apos;envoie elle-même. Ce qui reste est envoyé par la commande suivante ou au prochain démarrage de la fenêtre, et un message confié deux fois (même Message-ID) ne part qu&apos;une fois.</translation>
    </message>
    <message>
        <source>EXIT STATUS</source>
        <translation>CODE DE RETOUR</translation>
    </message>
    <message>
        <source>The commands exit with the codes of sysexits.h, as sendmail(8) and msmtp do:</source>
        <translation>Les commandes se terminent avec les codes de sysexits.h, comme sendmail(8) et msmtp&#xa0;:</translation>
    </message>
    <message>
        <source>Microsoft 365: sign in with a code shown here, entered in a browser on another device; the tokens go into the system keyring</source>
        <translation>Microsoft 365&#xa0;: se connecter avec un code affiché ici et saisi dans un navigateur sur un autre appareil&#xa0;; les jetons vont dans le trousseau du système</translation>
    </message>
    <message>
        <source>Exchange (EWS): store the password held in the environment variable VAR in the system keyring, after one successful connection with it (never a password on the command line)</source>
        <translation>Exchange (EWS)&#xa0;: enregistre dans le trousseau du système le mot de passe contenu dans la variable d&apos;environnement VAR, après une connexion réussie avec lui (jamais de mot de passe sur la ligne de commande)</translation>
    </message>
    <message>
        <source>Microsoft 365, only on a machine with no system keyring: keep the tokens in a plain file readable by you alone (0600) instead of for this run only</source>
        <translation>Microsoft 365, uniquement sur une machine sans trousseau&#xa0;: conserve les jetons dans un fichier en clair lisible par vous seul (0600) au lieu de les garder pour cette exécution seulement</translation>
    </message>
    <message>
        <source>the account to sign in to; it must be the one set up</source>
        <translation>le compte auquel se connecter&#xa0;; ce doit être le compte configuré</translation>
    </message>
    <message>
        <source>sign in without the window: Microsoft 365 by device code, or an Exchange password into the system keyring</source>
        <extracomment>name -&gt; (what it does, its options), in the order the man page lists them</extracomment>
        <translation>se connecter sans la fenêtre&#xa0;: Microsoft 365 par code d&apos;appareil, ou un mot de passe Exchange dans le trousseau du système</translation>
    </message>
</context>
</TS>
