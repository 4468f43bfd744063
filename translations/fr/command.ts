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
        <source>a mailto: link to open as a new message in Compose (what the desktop gives its mail program), or an .eml file to send as it is once its preview is confirmed</source>
        <translation>un lien mailto: à ouvrir comme nouveau message dans Rédiger (ce que le bureau donne à son programme de messagerie), ou un fichier .eml à envoyer tel quel une fois son aperçu confirmé</translation>
    </message>
    <message>
        <source>an account for this run only, not saved (all four together; to set one up: dispatch-mail account add)</source>
        <translation>un compte pour cette exécution seulement, non enregistré (les quatre ensemble&#xa0;; pour en configurer un&#xa0;: dispatch-mail account add)</translation>
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
        <source>sign-in method: automatic (the server&apos;s offer: Kerberos with your ticket, NTLM, then Basic), basic, ntlm or kerberos (default automatic)</source>
        <translation>méthode de connexion&#xa0;: automatic (l’offre du serveur&#xa0;: Kerberos avec votre ticket, NTLM, puis Basic), basic, ntlm ou kerberos (par défaut automatic)</translation>
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
        <source>With no options, the account set up (in the window, or with dispatch-mail account add) is used. Passwords are read from the system keyring, never from the command line.</source>
        <translation>Sans option, le compte configuré (dans la fenêtre, ou avec dispatch-mail account add) est utilisé. Les mots de passe sont lus dans le trousseau du système, jamais sur la ligne de commande.</translation>
    </message>
    <message>
        <source>keyboard-driven mail composer for Microsoft Exchange, and its commands for scripts</source>
        <translation>éditeur de courrier piloté au clavier pour Microsoft Exchange, et ses commandes pour les scripts</translation>
    </message>
    <message>
        <source>the message was accepted (sent), or the command did what it was asked</source>
        <translation>le message a été accepté (envoyé), ou la commande a fait ce qui lui était demandé</translation>
    </message>
    <message>
        <source>the command was used wrongly: an unknown option, options that do not go together, a time --later does not understand</source>
        <translation>la commande a été mal utilisée&#xa0;: une option inconnue, des options incompatibles, une heure que --later ne comprend pas</translation>
    </message>
    <message>
        <source>a file named cannot be read, or there is no message on standard input</source>
        <translation>un fichier indiqué ne peut pas être lu, ou il n&apos;y a aucun message sur l&apos;entrée standard</translation>
    </message>
    <message>
        <source>the message is bad: no recipients, an invalid address, a recipient domain the DNS says does not exist, a name the organisation&apos;s directory knows as several entries or none, an address of the organisation&apos;s own domains it does not know, too large, a line break in --subject or --header, 8-bit text without a charset, a malformed message; nothing was queued</source>
        <translation>le message n&apos;est pas valable&#xa0;: aucun destinataire, une adresse non valide, un domaine de destinataire qui n&apos;existe pas selon le DNS, un nom que l&apos;annuaire de l&apos;organisation connaît pour plusieurs entrées ou pour aucune, une adresse d&apos;un des domaines de l&apos;organisation qu&apos;il ne connaît pas, trop volumineux, un saut de ligne dans --subject ou --header, du texte 8 bits sans jeu de caractères, un message mal formé&#xa0;; rien n&apos;a été mis en file d&apos;attente</translation>
    </message>
    <message>
        <source>the service is unavailable (a recipient named by a name while the directory cannot be asked: nothing was queued)</source>
        <translation>le service n&apos;est pas disponible (un destinataire désigné par un nom alors que l&apos;annuaire ne peut pas être interrogé&#xa0;: rien n&apos;a été mis en file d&apos;attente)</translation>
    </message>
    <message>
        <source>dispatch-mail account: the settings file could not be written; nothing was set up or taken off</source>
        <translation>dispatch-mail account&#xa0;: le fichier de paramètres n&apos;a pas pu être écrit&#xa0;; rien n&apos;a été configuré ni retiré</translation>
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
        <source>the resolver asked whether each recipient&apos;s domain exists before a send (a domain that does not exist: 65): unset or system, the system&apos;s; off, no look-up; HOST[:PORT], comma-separated, these. A look-up waits at most 1 s; no answer never stops a send. The look-ups tell the resolver the recipients&apos; domains</source>
        <translation>le résolveur à qui demander, avant un envoi, si le domaine de chaque destinataire existe (un domaine qui n&apos;existe pas&#xa0;: 65)&#xa0;: absent ou system, celui du système&#xa0;; off, aucune requête&#xa0;; HÔTE[:PORT], séparés par des virgules, ceux-ci. Une requête attend au plus 1&#xa0;s&#xa0;; sans réponse, l&apos;envoi n&apos;est jamais arrêté. Les requêtes font connaître au résolveur les domaines des destinataires</translation>
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
        <source>Set up an Exchange account on a server with no desktop (the password is asked on the terminal):</source>
        <translation>Configurer un compte Exchange sur un serveur sans bureau (le mot de passe est demandé dans le terminal)&#xa0;:</translation>
    </message>
    <message>
        <source>Set up a Microsoft 365 account, signing in with a code on another device:</source>
        <translation>Configurer un compte Microsoft 365, en se connectant avec un code sur un autre appareil&#xa0;:</translation>
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
        <source>Who the directory knows by a name, then a message to one of them by name:</source>
        <translation>Qui l&apos;annuaire connaît sous un nom, puis un message à l&apos;une de ces personnes par son nom&#xa0;:</translation>
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
        <source>an RFC 5322 message file (.eml) to send as it is</source>
        <translation>un fichier de message RFC 5322 (.eml) à envoyer tel quel</translation>
    </message>
    <message>
        <source>send to an address in one of the organisation&apos;s own domains (the account&apos;s, and those of the mailboxes it sends from) that the directory does not know; without it, such an address is refused (65) with the directory&apos;s names like it</source>
        <translation>envoyer à une adresse d&apos;un des domaines de l&apos;organisation (celui du compte et ceux des boîtes depuis lesquelles il envoie) que l&apos;annuaire ne connaît pas&#xa0;; sans cette option, une telle adresse est refusée (65) avec les noms de l&apos;annuaire qui lui ressemblent</translation>
    </message>
    <message>
        <source>a recipient (repeatable; one may hold several addresses, separated by commas), or a name the organisation&apos;s directory knows (one name per option: the one person it names, else 65 with the candidates)</source>
        <translation>un destinataire (répétable&#xa0;; une option peut contenir plusieurs adresses, séparées par des virgules), ou un nom que l&apos;annuaire de l&apos;organisation connaît (un nom par option&#xa0;: la seule personne qu&apos;il désigne, sinon 65 avec les candidats)</translation>
    </message>
    <message>
        <source>a Cc recipient, an address or a name (repeatable)</source>
        <translation>un destinataire en Cc, une adresse ou un nom (répétable)</translation>
    </message>
    <message>
        <source>a Bcc recipient, an address or a name (repeatable)</source>
        <translation>un destinataire en Cci, une adresse ou un nom (répétable)</translation>
    </message>
    <message>
        <source>the subject (one line)</source>
        <translation>l&apos;objet (une ligne)</translation>
    </message>
    <message>
        <source>the message text, UTF-8, from FILE (- : standard input)</source>
        <translation>le texte du message, en UTF-8, lu dans FILE (-&#xa0;: l&apos;entrée standard)</translation>
    </message>
    <message>
        <source>the message text is HTML</source>
        <translation>le texte du message est en HTML</translation>
    </message>
    <message>
        <source>attach FILE (repeatable)</source>
        <translation>joindre FILE (répétable)</translation>
    </message>
    <message>
        <source>send from this mailbox (one the account may send from)</source>
        <translation>envoyer depuis cette boîte aux lettres (une de celles au nom desquelles le compte peut envoyer)</translation>
    </message>
    <message>
        <source>where replies go (repeatable)</source>
        <translation>l&apos;adresse de réponse (répétable)</translation>
    </message>
    <message>
        <source>a custom header, “X-Name: value” (repeatable)</source>
        <translation>un en-tête personnalisé, «&#xa0;X-Name: valeur&#xa0;» (répétable)</translation>
    </message>
    <message>
        <source>low, normal or high</source>
        <translation>low, normal ou high</translation>
    </message>
    <message>
        <source>ask each recipient&apos;s mail program for a read receipt (Compose&apos;s defaults for new messages do not apply to scripts)</source>
        <translation>demander un accusé de lecture au programme de messagerie de chaque destinataire (les choix par défaut de Rédiger pour les nouveaux messages ne s&apos;appliquent pas aux scripts)</translation>
    </message>
    <message>
        <source>ask the server for a delivery receipt</source>
        <translation>demander au serveur un accusé de réception</translation>
    </message>
    <message>
        <source>send at WHEN, the words Send later takes (tomorrow 8:00, mon 9:30, in 2 h ...)</source>
        <translation>envoyer à WHEN, avec les mots qu&apos;accepte Envoyer plus tard (demain 8h, lundi 9h30, dans 2 h, tomorrow 8:00…)</translation>
    </message>
    <message>
        <source>the account to send with, when more than one is set up</source>
        <translation>le compte d&apos;envoi, si plusieurs sont configurés</translation>
    </message>
    <message>
        <source>print the outcome as JSON</source>
        <translation>affiche le résultat en JSON</translation>
    </message>
    <message>
        <source>wait at most SECONDS for the message to be sent (default 30, DISPATCH_MAIL_WAIT; at once when the server cannot be reached or a sign-in is needed): not sent by then, it stays queued (75)</source>
        <translation>attendre au plus SECONDS que le message soit envoyé (30 par défaut, DISPATCH_MAIL_WAIT&#xa0;; aussitôt si le serveur est injoignable ou qu&apos;une connexion est nécessaire)&#xa0;: s&apos;il n&apos;est pas envoyé d&apos;ici là, il reste en file d&apos;attente (75)</translation>
    </message>
    <message>
        <source>return once the message is recorded in the queue</source>
        <translation>rendre la main dès que le message est enregistré dans la file d&apos;attente</translation>
    </message>
    <message>
        <source>read the recipients from the To, Cc and Bcc headers too</source>
        <translation>lire aussi les destinataires dans les en-têtes To, Cc et Bcc</translation>
    </message>
    <message>
        <source>a line with a single dot does not end the message</source>
        <translation>une ligne formée d&apos;un seul point ne termine pas le message</translation>
    </message>
    <message>
        <source>sendmail&apos;s -o options: -oi is -i; the others (-oem ...) are accepted and ignored, as msmtp does</source>
        <translation>les options -o de sendmail&#xa0;: -oi vaut -i&#xa0;; les autres (-oem…) sont acceptées et ignorées, comme le fait msmtp</translation>
    </message>
    <message>
        <source>the envelope sender: checked to be a mailbox the account sends from; the message&apos;s From header says whom it is from. A local user name, as cron gives (-f root), means the account&apos;s own, and a From that is not a mailbox the account sends from is then sent from the account&apos;s address (said on standard error)</source>
        <translation>l&apos;expéditeur de l&apos;enveloppe&#xa0;: on vérifie que c&apos;est une boîte aux lettres au nom de laquelle le compte envoie&#xa0;; l&apos;en-tête From du message dit de qui il vient. Un nom d&apos;utilisateur local, comme celui que donne cron (-f root), désigne celle du compte, et un From qui n&apos;est pas une boîte au nom de laquelle le compte envoie est alors remplacé par l&apos;adresse du compte (signalé sur la sortie d&apos;erreur)</translation>
    </message>
    <message>
        <source>the sender&apos;s full name: accepted; the message&apos;s From header names the sender</source>
        <translation>le nom complet de l&apos;expéditeur&#xa0;: accepté&#xa0;; l&apos;en-tête From du message nomme l&apos;expéditeur</translation>
    </message>
    <message>
        <source>the body type (7BIT, 8BITMIME), as cron gives it: accepted; the message&apos;s own headers say it</source>
        <translation>le type du corps (7BIT, 8BITMIME), tel que le donne cron&#xa0;: accepté&#xa0;; les en-têtes du message le disent</translation>
    </message>
    <message>
        <source>the recipients</source>
        <translation>les destinataires</translation>
    </message>
    <message>
        <source>list (the default), retry ID or cancel ID</source>
        <translation>list (par défaut), retry ID ou cancel ID</translation>
    </message>
    <message>
        <source>the entry to act on: its ID as the list shows it (its first characters are enough)</source>
        <translation>l&apos;entrée visée&#xa0;: son ID tel que la liste l&apos;affiche (ses premiers caractères suffisent)</translation>
    </message>
    <message>
        <source>the account whose queue to show, when more than one is set up</source>
        <translation>le compte dont afficher la file d&apos;attente, si plusieurs sont configurés</translation>
    </message>
    <message>
        <source>print the list or the outcome as JSON</source>
        <translation>affiche la liste ou le résultat en JSON</translation>
    </message>
    <message>
        <source>an Exchange account&apos;s password from this environment variable (else the system keyring; never on the command line)</source>
        <extracomment>how an Exchange (EWS) password reaches a command with no window to ask for it: the keyring, or this</extracomment>
        <translation>le mot de passe d&apos;un compte Exchange, lu dans cette variable d&apos;environnement (sinon dans le trousseau du système&#xa0;; jamais sur la ligne de commande)</translation>
    </message>
    <message>
        <source>send a message built from options, or an .eml file as it is</source>
        <translation>envoyer un message construit à partir des options, ou un fichier .eml tel quel</translation>
    </message>
    <message>
        <source>send the RFC 5322 message on standard input (a drop-in for sendmail); its Disposition-Notification-To header asks for a read receipt, Return-Receipt-To for a delivery receipt</source>
        <translation>envoyer le message RFC 5322 lu sur l&apos;entrée standard (remplace sendmail)&#xa0;; son en-tête Disposition-Notification-To demande un accusé de lecture, Return-Receipt-To un accusé de réception</translation>
    </message>
    <message>
        <source>list what waits in the account&apos;s Outbox and the messages a report says did not reach someone in the last 7 days, or retry or cancel one entry</source>
        <translation>lister ce qui attend dans la Boîte d&apos;envoi du compte et les messages qui, selon un rapport, n&apos;ont pas atteint quelqu&apos;un ces 7 derniers jours, ou réessayer ou annuler une entrée</translation>
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
        <source>list (the default): the account set up; add: set one up, replacing it, once one connection with it worked; remove: take it off this computer, with its password or sign-in</source>
        <translation>list (par défaut)&#xa0;: le compte configuré&#xa0;; add&#xa0;: en configurer un, qui le remplace, une fois qu&apos;une connexion avec lui a réussi&#xa0;; remove&#xa0;: le retirer de cet ordinateur, avec son mot de passe ou sa connexion</translation>
    </message>
    <message>
        <source>add: the mailbox&apos;s e-mail address</source>
        <translation>add&#xa0;: l&apos;adresse e-mail de la boîte aux lettres</translation>
    </message>
    <message>
        <source>add, Exchange (EWS): the EWS endpoint, e.g. https://mail.example.com/EWS/Exchange.asmx</source>
        <translation>add, Exchange (EWS)&#xa0;: l&apos;adresse EWS, par exemple https://mail.example.com/EWS/Exchange.asmx</translation>
    </message>
    <message>
        <source>add, Exchange (EWS): find the EWS endpoint from the address and password (Autodiscover, as Outlook does); a host you did not type is asked about first</source>
        <translation>add, Exchange (EWS)&#xa0;: trouver l&apos;adresse EWS à partir de l&apos;adresse e-mail et du mot de passe (découverte automatique, comme Outlook)&#xa0;; un hôte que vous n&apos;avez pas tapé vous est d&apos;abord demandé</translation>
    </message>
    <message>
        <source>add, Exchange (EWS): the sign-in user name (DOMAIN\user or UPN; default the address)</source>
        <translation>add, Exchange (EWS)&#xa0;: le nom d&apos;utilisateur de connexion (DOMAINE\utilisateur ou UPN&#xa0;; l&apos;adresse par défaut)</translation>
    </message>
    <message>
        <source>add, Exchange (EWS): the sign-in method: automatic (the server&apos;s offer: Kerberos with your ticket, NTLM, then Basic), basic, ntlm or kerberos (no password asked; default automatic)</source>
        <translation>add, Exchange (EWS)&#xa0;: la méthode de connexion&#xa0;: automatic (l’offre du serveur&#xa0;: Kerberos avec votre ticket, NTLM, puis Basic), basic, ntlm ou kerberos (aucun mot de passe demandé&#xa0;; par défaut automatic)</translation>
    </message>
    <message>
        <source>add, Exchange (EWS): the password from the environment variable VARNAME (else it is asked on the terminal); it goes into the system keyring</source>
        <translation>add, Exchange (EWS)&#xa0;: le mot de passe pris dans la variable d&apos;environnement VARNAME (sinon il est demandé dans le terminal)&#xa0;; il va dans le trousseau du système</translation>
    </message>
    <message>
        <source>add: a Microsoft 365 account, signed in with a code shown here and entered in a browser on another device</source>
        <translation>add&#xa0;: un compte Microsoft 365, connecté avec un code affiché ici et saisi dans un navigateur sur un autre appareil</translation>
    </message>
    <message>
        <source>add, Microsoft 365: the application (client) ID your organisation registered (default: the organisation&apos;s defaults file)</source>
        <translation>add, Microsoft 365&#xa0;: l&apos;ID d&apos;application (client) enregistré par votre organisation (par défaut&#xa0;: le fichier de valeurs par défaut de l&apos;organisation)</translation>
    </message>
    <message>
        <source>add, Microsoft 365: the sign-in authority (default https://login.microsoftonline.com/organizations)</source>
        <translation>add, Microsoft 365&#xa0;: l&apos;autorité de connexion (https://login.microsoftonline.com/organizations par défaut)</translation>
    </message>
    <message>
        <source>add, Microsoft 365: the Microsoft Graph URL (default: the one of the authority&apos;s cloud)</source>
        <translation>add, Microsoft 365&#xa0;: l&apos;URL Microsoft Graph (par défaut&#xa0;: celle du cloud de l&apos;autorité)</translation>
    </message>
    <message>
        <source>add: trust exactly the server&apos;s (Microsoft 365: the sign-in server&apos;s) certificate with this SHA-256 fingerprint, as the window&apos;s Trust this certificate does</source>
        <translation>add&#xa0;: faire confiance exactement au certificat du serveur (Microsoft 365&#xa0;: du serveur de connexion) qui a cette empreinte SHA-256, comme le fait «&#xa0;Faire confiance à ce certificat&#xa0;» dans la fenêtre</translation>
    </message>
    <message>
        <source>add, Microsoft 365, only on a machine with no system keyring: keep the tokens in a plain file readable by you alone (0600)</source>
        <translation>add, Microsoft 365, uniquement sur une machine sans trousseau&#xa0;: conserver les jetons dans un fichier en clair lisible par vous seul (0600)</translation>
    </message>
    <message>
        <source>list: print the account as JSON</source>
        <translation>list&#xa0;: afficher le compte en JSON</translation>
    </message>
    <message>
        <source>the Message-ID of a sent message (with or without its angle brackets), as dispatch-mail send --json prints it</source>
        <translation>le Message-ID d’un message envoyé (avec ou sans ses chevrons), tel que dispatch-mail send --json l’affiche</translation>
    </message>
    <message>
        <source>every message a report says did not reach someone (with --since: reported in that time)</source>
        <translation>chaque message qu’un rapport dit non remis à quelqu’un (avec --since&#xa0;: signalé dans ce délai)</translation>
    </message>
    <message>
        <source>with --failed: only reports of the last N minutes, hours or days (30m, 12h, 1d; at most 30d, the default)</source>
        <translation>avec --failed&#xa0;: seulement les rapports des N dernières minutes, heures ou jours (30m, 12h, 1d&#xa0;; au plus 30d, par défaut)</translation>
    </message>
    <message>
        <source>the account whose messages to look at, when more than one is set up</source>
        <translation>le compte dont regarder les messages, quand plusieurs sont configurés</translation>
    </message>
    <message>
        <source>print each message&apos;s recipients and their state as JSON</source>
        <translation>afficher les destinataires de chaque message et leur état en JSON</translation>
    </message>
    <message>
        <source>a name, or the beginning of a name or an address</source>
        <translation>un nom, ou le début d&apos;un nom ou d&apos;une adresse</translation>
    </message>
    <message>
        <source>the account whose organisation to look in, when more than one is set up</source>
        <translation>le compte dont l&apos;organisation est consultée, quand plusieurs sont configurés</translation>
    </message>
    <message>
        <source>print the matches as a JSON list of objects (name, address, and title, department and office when the directory has them)</source>
        <translation>affiche les correspondances en JSON, une liste d&apos;objets (nom, adresse, et fonction, service et bureau quand l&apos;annuaire les connaît)</translation>
    </message>
    <message>
        <source>did it arrive? each recipient of a sent message delivered, read, not delivered (and why) or no news, from the reports in the Inbox</source>
        <translation>est-il arrivé&#xa0;? chaque destinataire d’un message envoyé&#xa0;: remis, lu, non remis (et pourquoi) ou sans nouvelles, d’après les rapports de la boîte de réception</translation>
    </message>
    <message>
        <source>who the organisation&apos;s directory knows by a name: each match&apos;s name, address, title, department and office (exit 1: no one)</source>
        <translation>qui l&apos;annuaire de l&apos;organisation connaît sous un nom&#xa0;: le nom, l&apos;adresse, la fonction, le service et le bureau de chaque correspondance (code de retour 1&#xa0;: personne)</translation>
    </message>
    <message>
        <source>sign in without the window: Microsoft 365 by device code, or an Exchange password into the system keyring</source>
        <translation>se connecter sans la fenêtre&#xa0;: Microsoft 365 par code d&apos;appareil, ou un mot de passe Exchange dans le trousseau du système</translation>
    </message>
    <message>
        <source>set up the account without the window (a server with no desktop), show it, or take it off</source>
        <translation>configurer le compte sans la fenêtre (un serveur sans bureau), l&apos;afficher ou le retirer</translation>
    </message>
</context>
</TS>
