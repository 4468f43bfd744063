<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccountRuntime</name>
    <message>
        <source>Waiting for other accounts (they go out when you sign in to them): {names}</source>
        <translation>En attente pour d'autres comptes (ils partent quand vous vous y connectez) : {names}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) waiting to be sent</source>
        <translation>
            <numerusform>%Ln message en attente d'envoi</numerusform>
            <numerusform>%Ln messages en attente d'envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) not yet saved</source>
        <translation>
            <numerusform>%Ln message pas encore enregistré</numerusform>
            <numerusform>%Ln messages pas encore enregistrés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send later: %Ln message(s) held on this computer are now kept by Exchange (one whose time has passed is sent now)</source>
        <translation>
            <numerusform>Envoyer plus tard : %Ln message gardé sur cet ordinateur est désormais gardé par Exchange (envoyé maintenant si son heure est passée)</numerusform>
            <numerusform>Envoyer plus tard : %Ln messages gardés sur cet ordinateur sont désormais gardés par Exchange (celui dont l’heure est passée part maintenant)</numerusform>
        </translation>
    </message>
    <message>
        <source>{sends} and {others}</source>
        <translation>{sends} et {others}</translation>
    </message>
    <message>
        <source>{messages} for {address}: now through Microsoft 365</source>
        <translation>{messages} pour {address} : désormais via Microsoft 365</translation>
    </message>
    <message>
        <source>Reopened the message you were writing</source>
        <translation>Le message que vous rédigiez a été rouvert</translation>
    </message>
    <message numerus="yes">
        <source>{said}; %Ln other unsaved message(s) go to Drafts when the server is reached</source>
        <translation>
            <numerusform>{said} ; %Ln autre message non enregistré ira dans Brouillons dès que le serveur sera joignable</numerusform>
            <numerusform>{said} ; %Ln autres messages non enregistrés iront dans Brouillons dès que le serveur sera joignable</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AppMain</name>
    <message>
        <source>Not written on this computer</source>
        <translation>Non écrit sur cet ordinateur</translation>
    </message>
    <message>
        <source>Dispatch could not write its data on this computer: {reason}. {what_to_do}; until then, messages are only kept once saved to the server.</source>
        <translation>Dispatch n'a pas pu écrire ses données sur cet ordinateur : {reason}. {what_to_do} ; d'ici là, les messages ne sont conservés qu'une fois enregistrés sur le serveur.</translation>
    </message>
    <message>
        <source>Something went wrong ({error}: {value}). The details are in the log: {log}</source>
        <translation>Une erreur s'est produite ({error} : {value}). Les détails figurent dans le journal : {log}</translation>
    </message>
    <message>
        <source>Could not connect: {why}. The account in use has not changed.</source>
        <translation>Connexion impossible : {why}. Le compte utilisé n'a pas changé.</translation>
    </message>
    <message>
        <source>No system keyring: the Microsoft 365 sign-in is kept for this session only.</source>
        <translation>Aucun trousseau système : la connexion Microsoft 365 n'est conservée que pour cette session.</translation>
    </message>
    <message>
        <source>No system keyring: the password is kept for this session only.</source>
        <translation>Aucun trousseau système : le mot de passe n'est conservé que pour cette session.</translation>
    </message>
</context>
<context>
    <name>Autodiscover</name>
    <message>
        <source>Redirects</source>
        <translation>Redirections</translation>
    </message>
    <message>
        <source>more than {count} redirects: stopped</source>
        <translation>plus de {count} redirections : arrêt</translation>
    </message>
    <message>
        <source>not https: no password is sent there</source>
        <translation>pas en https : aucun mot de passe n'y est envoyé</translation>
    </message>
    <message>
        <source>The unencrypted Autodiscover address redirects to {host}. Send your user name and password to {host}?</source>
        <translation>L'adresse Autodiscover non chiffrée redirige vers {host}. Envoyer votre nom d'utilisateur et votre mot de passe à {host} ?</translation>
    </message>
    <message>
        <source>The domain's DNS (SRV record) names the server {host}. Send your user name and password to {host}?</source>
        <translation>Le DNS du domaine (enregistrement SRV) désigne le serveur {host}. Envoyer votre nom d'utilisateur et votre mot de passe à {host} ?</translation>
    </message>
    <message>
        <source>The server redirects to another domain: {host}. Send your user name and password to {host}?</source>
        <translation>Le serveur redirige vers un autre domaine : {host}. Envoyer votre nom d'utilisateur et votre mot de passe à {host} ?</translation>
    </message>
    <message>
        <source>not confirmed: nothing sent to {host}</source>
        <translation>non confirmé : rien n'a été envoyé à {host}</translation>
    </message>
    <message>
        <source>certificate not trusted ({why}): nothing sent</source>
        <translation>certificat non approuvé ({why}) : rien n'a été envoyé</translation>
    </message>
    <message>
        <source>EWS URL {url}</source>
        <translation>URL EWS {url}</translation>
    </message>
    <message>
        <source>redirects to the address {address}</source>
        <translation>redirige vers l'adresse {address}</translation>
    </message>
    <message>
        <source>no usable answer</source>
        <translation>aucune réponse exploitable</translation>
    </message>
    <message>
        <source>no redirect</source>
        <translation>aucune redirection</translation>
    </message>
    <message>
        <source>redirects to {location}: not https, not followed</source>
        <translation>redirige vers {location} : pas en https, non suivi</translation>
    </message>
    <message>
        <source>no record</source>
        <translation>aucun enregistrement</translation>
    </message>
    <message>
        <source>names {target}</source>
        <translation>désigne {target}</translation>
    </message>
    <message>
        <source>the mailbox is in Microsoft 365</source>
        <translation>la boîte aux lettres est dans Microsoft 365</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>aucune réponse</translation>
    </message>
    <message>
        <source>redirects to {location}</source>
        <translation>redirige vers {location}</translation>
    </message>
    <message>
        <source>refused the user name or password (401)</source>
        <translation>nom d'utilisateur ou mot de passe refusé (401)</translation>
    </message>
    <message>
        <source>no Autodiscover there (404)</source>
        <translation>pas d'Autodiscover à cette adresse (404)</translation>
    </message>
</context>
<context>
    <name>BatchReport</name>
    <message>
        <source>Nothing sent: kept in Drafts</source>
        <translation>Rien n'a été envoyé : conservé dans Brouillons</translation>
    </message>
    <message>
        <source>Taken back: the draft stays in Drafts, not sent</source>
        <translation>Repris : le brouillon reste dans Brouillons, non envoyé</translation>
    </message>
    <message numerus="yes">
        <source>Taken back: the %Ln drafts stay in Drafts, not sent</source>
        <translation>
            <numerusform>Repris : le brouillon reste dans Brouillons, non envoyé</numerusform>
            <numerusform>Repris : les %Ln brouillons restent dans Brouillons, non envoyés</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent {sent} of {total}</source>
        <translation>Envoyés : {sent} sur {total}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) taken back, kept in Drafts</source>
        <translation>
            <numerusform>%Ln brouillon repris, conservé dans Brouillons</numerusform>
            <numerusform>%Ln brouillons repris, conservés dans Brouillons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln kept in the Outbox for later</source>
        <translation>
            <numerusform>%Ln conservé dans la Boîte d'envoi pour plus tard</numerusform>
            <numerusform>%Ln conservés dans la Boîte d'envoi pour plus tard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not sent (see Status)</source>
        <translation>
            <numerusform>%Ln non envoyé (voir État)</numerusform>
            <numerusform>%Ln non envoyés (voir État)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Clock</name>
    <message>
        <source>{day} {time}</source>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <source>{day} {date} {month} {time}</source>
        <translation>{day} {date} {month} {time}</translation>
    </message>
    <message>
        <source>{day} {date} {month} {time} {year}</source>
        <translation>{day} {date} {month} {year} {time}</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Dispatch cannot write to its data folder {folder} ({why}). The sandbox mailbox keeps its mail there: check that the folder exists and that you may write to it</source>
        <translation>Dispatch ne peut pas écrire dans son dossier de données {folder} ({why}). La boîte aux lettres de test (bac à sable) y conserve son courrier : vérifiez que le dossier existe et que vous pouvez y écrire</translation>
    </message>
</context>
<context>
    <name>EmlFiles</name>
    <message>
        <source>“{name}” is a folder, not a file.</source>
        <translation>« {name} » est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>“{name}” is not an ordinary file (a pipe or a device).</source>
        <translation>« {name} » n'est pas un fichier ordinaire (un tube ou un périphérique).</translation>
    </message>
    <message>
        <source>“{name}” could not be opened: the file no longer exists.</source>
        <translation>Impossible d'ouvrir « {name} » : le fichier n'existe plus.</translation>
    </message>
    <message>
        <source>“{name}” could not be read ({why}).</source>
        <translation>Impossible de lire « {name} » ({why}).</translation>
    </message>
    <message>
        <source>“{name}” took more than {seconds} s to read; it was not opened.</source>
        <translation>La lecture de « {name} » a pris plus de {seconds} s ; il n'a pas été ouvert.</translation>
    </message>
</context>
<context>
    <name>MergeRow</name>
    <message>
        <source>Creating its draft…</source>
        <translation>Création de son brouillon…</translation>
    </message>
    <message>
        <source>Waiting in the Outbox: {reason}</source>
        <translation>En attente dans la Boîte d'envoi : {reason}</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi en cours…</translation>
    </message>
    <message>
        <source>Fixed: Resend (Ctrl+R) sends it</source>
        <translation>Corrigé : Renvoyer (Ctrl+R) l'envoie</translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation>Prêt à envoyer</translation>
    </message>
    <message>
        <source>Not created: {reason}</source>
        <translation>Non créé : {reason}</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>le serveur n'a pas répondu</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Sent (found in Sent Items)</source>
        <translation>Envoyé (trouvé dans Éléments envoyés)</translation>
    </message>
    <message>
        <source>Not sent: it is in Drafts. Resend (Ctrl+R) sends it.</source>
        <translation>Non envoyé : il est dans Brouillons. Renvoyer (Ctrl+R) l'envoie.</translation>
    </message>
    <message>
        <source>Deleted from the Outbox: not sent</source>
        <translation>Supprimé de la Boîte d'envoi : non envoyé</translation>
    </message>
    <message>
        <source>Deleted from the Outbox: its draft was not created</source>
        <translation>Supprimé de la Boîte d'envoi : son brouillon n'a pas été créé</translation>
    </message>
    <message>
        <source>Could not check with the server</source>
        <translation>Vérification auprès du serveur impossible</translation>
    </message>
    <message>
        <source>Taken back (Undo, or from the Outbox): not sent</source>
        <translation>Repris (Annuler, ou depuis la Boîte d'envoi) : non envoyé</translation>
    </message>
    <message>
        <source>Cannot be sent as it is</source>
        <translation>Ne peut pas être envoyé en l'état</translation>
    </message>
</context>
<context>
    <name>MergeSend</name>
    <message>
        <source>Send {rows} messages? Each row of the table becomes one message, sent to its own address. A row that cannot be sent as it is is not sent and says why.</source>
        <translation>Envoyer {rows} messages ? Chaque ligne du tableau devient un message, envoyé à sa propre adresse. Une ligne qui ne peut pas être envoyée en l'état n'est pas envoyée et en indique la raison.</translation>
    </message>
    <message>
        <source>Send the {now} that fit now and keep the other {later} in the Outbox, to go from {time}?</source>
        <translation>Envoyer maintenant les {now} qui tiennent dans la limite et garder les {later} autres dans la Boîte d'envoi, pour un envoi à partir de {time} ?</translation>
    </message>
    <message>
        <source>At {rate} messages a minute, the last one goes out at about {time}.</source>
        <translation>À {rate} messages par minute, le dernier part vers {time}.</translation>
    </message>
    <message>
        <source>Nothing sent: kept in Drafts.</source>
        <translation>Rien n'a été envoyé : conservé dans Brouillons.</translation>
    </message>
    <message>
        <source>Sending {count} now</source>
        <translation>Envoi de {count} maintenant</translation>
    </message>
    <message numerus="yes">
        <source>{count} kept in the Outbox, to go from {time}</source>
        <translation>
            <numerusform>{count} conservé dans la Boîte d'envoi, envoi à partir de {time}</numerusform>
            <numerusform>{count} conservés dans la Boîte d'envoi, envoi à partir de {time}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} not sent (more than {limit} recipients)</source>
        <translation>
            <numerusform>{count} non envoyé (plus de {limit} destinataires)</numerusform>
            <numerusform>{count} non envoyés (plus de {limit} destinataires)</numerusform>
        </translation>
    </message>
    <message>
        <source>{plan}.</source>
        <translation>{plan}.</translation>
    </message>
    <message>
        <source>&amp;Send {now} now, keep {later} for later</source>
        <translation>&amp;Envoyer {now} maintenant, garder {later} pour plus tard</translation>
    </message>
    <message>
        <source>&amp;Send the other {now}</source>
        <translation>&amp;Envoyer les {now} autres</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>Scheduled message sent</source>
        <translation>Message programmé envoyé</translation>
    </message>
    <message>
        <source>Message not sent</source>
        <translation>Message non envoyé</translation>
    </message>
    <message>
        <source>Message from dispatch-mail sent</source>
        <translation>Message de dispatch-mail envoyé</translation>
    </message>
    <message>
        <source>Message not delivered</source>
        <translation>Message non distribué</translation>
    </message>
    <message>
        <source>A message was sent.</source>
        <translation>Un message a été envoyé.</translation>
    </message>
    <message>
        <source>A message could not be sent. It waits in the Outbox.</source>
        <translation>Un message n'a pas pu être envoyé. Il attend dans la boîte d'envoi.</translation>
    </message>
    <message>
        <source>A message you sent did not arrive.</source>
        <translation>Un message que vous avez envoyé n'est pas arrivé.</translation>
    </message>
    <message numerus="yes">
        <source>%n scheduled message(s) were sent.</source>
        <translation>
            <numerusform>%n message programmé a été envoyé.</numerusform>
            <numerusform>%n messages programmés ont été envoyés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) could not be sent. They wait in the Outbox.</source>
        <translation>
            <numerusform>%n message n'a pas pu être envoyé. Il attend dans la boîte d'envoi.</numerusform>
            <numerusform>%n messages n'ont pas pu être envoyés. Ils attendent dans la boîte d'envoi.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) from dispatch-mail were sent.</source>
        <translation>
            <numerusform>%n message de dispatch-mail a été envoyé.</numerusform>
            <numerusform>%n messages de dispatch-mail ont été envoyés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) you sent did not arrive.</source>
        <translation>
            <numerusform>%n message que vous avez envoyé n'est pas arrivé.</numerusform>
            <numerusform>%n messages que vous avez envoyés ne sont pas arrivés.</numerusform>
        </translation>
    </message>
    <message>
        <source>“{subject}” to {recipient}</source>
        <translation>« {subject} » à {recipient}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Show in Outbox</source>
        <translation>Afficher dans la boîte d'envoi</translation>
    </message>
    <message>
        <source>Show in Sent</source>
        <translation>Afficher dans Envoyés</translation>
    </message>
    <message>
        <source>Notifications: off</source>
        <translation>Notifications : désactivées</translation>
    </message>
    <message>
        <source>&amp;No notifications</source>
        <translation>&amp;Aucune notification</translation>
    </message>
    <message>
        <source>Only “A &amp;message was sent”</source>
        <translation>Seulement « Un &amp;message a été envoyé »</translation>
    </message>
    <message>
        <source>Notifications: they say only that a message was sent</source>
        <translation>Notifications : elles disent seulement qu'un message a été envoyé</translation>
    </message>
    <message>
        <source>With its &amp;subject and recipient</source>
        <translation>Avec l'&amp;objet et le destinataire</translation>
    </message>
    <message>
        <source>Notifications: they show the subject and the recipient</source>
        <translation>Notifications : elles montrent l'objet et le destinataire</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notifications</translation>
    </message>
    <message>
        <source>Desktop notifications of sends while Dispatch is in the background</source>
        <translation>Notifications du bureau pour les envois pendant que Dispatch est en arrière-plan</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>“{subject}” was not sent: it was waiting to be sent when Dispatch closed. Send it again or keep editing.</source>
        <translation>« {subject} » n'a pas été envoyé : il attendait d'être envoyé quand Dispatch s'est fermé. Envoyez-le à nouveau ou continuez à le modifier.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
</context>
<context>
    <name>OutboxRow</name>
    <message>
        <source>Already sent (found in Sent Items)</source>
        <translation>Déjà envoyé (trouvé dans Éléments envoyés)</translation>
    </message>
    <message>
        <source>Sent (confirmed in Sent Items)</source>
        <translation>Envoyé (confirmé dans Éléments envoyés)</translation>
    </message>
    <message>
        <source>Could not confirm that it was sent, so it was not sent again. Look in Sent Items; Retry sends it again.</source>
        <translation>Impossible de confirmer l'envoi, il n'a donc pas été renvoyé. Regardez dans Éléments envoyés ; Réessayer l'envoie à nouveau.</translation>
    </message>
    <message>
        <source>Kept by Exchange: sends at {time}</source>
        <translation>Gardé par Exchange : envoi à {time}</translation>
    </message>
    <message>
        <source>gave up after {attempts} attempts: {reason}</source>
        <translation>abandon après {attempts} tentatives : {reason}</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>could not check yet: {reason}</source>
        <translation>vérification impossible pour l'instant : {reason}</translation>
    </message>
    <message>
        <source>not sent after {attempts} attempts; it is in Drafts</source>
        <translation>non envoyé après {attempts} tentatives ; il est dans les Brouillons</translation>
    </message>
    <message>
        <source>not sent yet; sending again</source>
        <translation>pas encore envoyé ; nouvel envoi en cours</translation>
    </message>
    <message>
        <source>Sending in {seconds} s — Enter takes it back</source>
        <translation>Envoi dans {seconds} s — Entrée le reprend</translation>
    </message>
    <message>
        <source>Sends at {time} — {reason}</source>
        <translation>Envoi le {time} — {reason}</translation>
    </message>
    <message>
        <source>Sends at {time}</source>
        <translation>Envoi le {time}</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>Not deleted: this computer could not record it. It will not be sent now; press Delete again</source>
        <extracomment>the reason a send shows when its delete could not be recorded (it stays DELETING: not sent)</extracomment>
        <translation>Non supprimé : cet ordinateur n'a pas pu l'enregistrer. Il ne sera pas envoyé maintenant ; appuyez à nouveau sur Suppr</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Saving before sending…</source>
        <translation>Enregistrement avant l'envoi…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi en cours…</translation>
    </message>
    <message>
        <source>Checking whether it was sent…</source>
        <translation>Vérification de l'envoi…</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Non envoyé : {reason}</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Waiting: the server's certificate is not trusted</source>
        <translation>En attente : le certificat du serveur n'est pas approuvé</translation>
    </message>
    <message>
        <source>Waiting: Dispatch cannot use its data folder</source>
        <translation>En attente : Dispatch ne peut pas utiliser son dossier de données</translation>
    </message>
    <message>
        <source>Waiting for sign-in</source>
        <translation>En attente de connexion</translation>
    </message>
    <message>
        <source>Server unreachable — retrying in {wait}</source>
        <translation>Serveur injoignable — nouvel essai dans {wait}</translation>
    </message>
    <message>
        <source>Server busy — waiting {wait}</source>
        <translation>Serveur occupé — attente de {wait}</translation>
    </message>
    <message>
        <source>Retrying in {wait} — {reason}</source>
        <translation>Nouvel essai dans {wait} — {reason}</translation>
    </message>
    <message>
        <source>Retrying in {wait}</source>
        <translation>Nouvel essai dans {wait}</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>En attente d'envoi</translation>
    </message>
    <message>
        <source>Server unreachable — trying again now</source>
        <extracomment>a send whose last try did not reach the server, tried again now (its save under way, or due this moment)</extracomment>
        <translation>Serveur injoignable — nouvel essai en cours</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Non enregistré : {reason}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Waiting for sign-in — not on server yet</source>
        <translation>En attente de connexion — pas encore sur le serveur</translation>
    </message>
    <message>
        <source>Retrying in {wait} — not on server yet ({reason})</source>
        <translation>Nouvel essai dans {wait} — pas encore sur le serveur ({reason})</translation>
    </message>
    <message>
        <source>Retrying in {wait} — not on server yet</source>
        <translation>Nouvel essai dans {wait} — pas encore sur le serveur</translation>
    </message>
    <message>
        <source>Waiting — not on server yet</source>
        <translation>En attente — pas encore sur le serveur</translation>
    </message>
    <message>
        <source>(no recipients)</source>
        <translation>(aucun destinataire)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>{state} — {news}</source>
        <translation>{state} — {news}</translation>
    </message>
    <message>
        <source>Being sent by Exchange now</source>
        <translation>En cours d’envoi par Exchange</translation>
    </message>
    <message>
        <source>Sends at {time} (kept by Exchange)</source>
        <translation>Envoi à {time} (gardé par Exchange)</translation>
    </message>
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <source>waiting to send</source>
        <translation>en attente d'envoi</translation>
    </message>
    <message>
        <source>In the Outbox ({row}): it goes out by itself (Ctrl+4)</source>
        <translation>Dans la Boîte d'envoi ({row}) : il partira tout seul (Ctrl+4)</translation>
    </message>
    <message>
        <source>server unreachable — retrying in {wait}</source>
        <extracomment>an Outbox row's words as the middle of a sentence, in the catalogue of their own (the row's first word is in lower case there, as in English; a translation may keep it as its language writes it)</extracomment>
        <translation>serveur injoignable — nouvel essai dans {wait}</translation>
    </message>
    <message>
        <source>server unreachable — trying again now</source>
        <translation>serveur injoignable — nouvel essai en cours</translation>
    </message>
    <message>
        <source>server busy — waiting {wait}</source>
        <translation>serveur occupé — attente de {wait}</translation>
    </message>
    <message>
        <source>retrying in {wait} — {reason}</source>
        <translation>nouvel essai dans {wait} — {reason}</translation>
    </message>
    <message>
        <source>retrying in {wait}</source>
        <translation>nouvel essai dans {wait}</translation>
    </message>
    <message>
        <source>waiting for sign-in</source>
        <translation>en attente de connexion</translation>
    </message>
    <message>
        <source>waiting: the server's certificate is not trusted</source>
        <translation>en attente : le certificat du serveur n'est pas approuvé</translation>
    </message>
    <message>
        <source>waiting: Dispatch cannot use its data folder</source>
        <translation>en attente : Dispatch ne peut pas utiliser son dossier de données</translation>
    </message>
    <message>
        <source>saving before sending…</source>
        <translation>enregistrement avant l'envoi…</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>envoi en cours…</translation>
    </message>
    <message>
        <source>checking whether it was sent…</source>
        <translation>vérification de l'envoi…</translation>
    </message>
    <message>
        <source>sending in {seconds} s — Enter takes it back</source>
        <translation>envoi dans {seconds} s — Entrée le reprend</translation>
    </message>
    <message>
        <source>sends at {time}</source>
        <translation>envoi le {time}</translation>
    </message>
    <message>
        <source>sends at {time} — {reason}</source>
        <translation>envoi le {time} — {reason}</translation>
    </message>
    <message>
        <source>Not sent: {explanation} — it is in the Outbox (Ctrl+4); Enter there takes it back</source>
        <translation>Non envoyé : {explanation} — il est dans la Boîte d'envoi (Ctrl+4) ; Entrée l'y reprend</translation>
    </message>
    <message>
        <source>Sent: {subject}</source>
        <translation>Envoyé : {subject}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
</context>
<context>
    <name>QueueKeeper</name>
    <message>
        <source>A dispatch-mail command is sending for this account; the Outbox opens when it is done.</source>
        <translation>Une commande dispatch-mail envoie pour ce compte ; la Boîte d'envoi s'ouvrira quand elle aura terminé.</translation>
    </message>
    <message>
        <source>Another Dispatch window sends for this account: this window does not send for it. What you type is still kept on this computer; the Outbox opens here when that window is closed.</source>
        <translation>Une autre fenêtre Dispatch envoie pour ce compte : cette fenêtre n'envoie pas pour lui. Ce que vous tapez reste conservé sur cet ordinateur ; la Boîte d'envoi s'ouvrira ici quand l'autre fenêtre sera fermée.</translation>
    </message>
    <message>
        <source>Outbox: a command sends</source>
        <extracomment>the same, in a few words (the status bar, beside the account and its state: short enough for a 683 px window)</extracomment>
        <translation>Boîte d'envoi : une commande envoie</translation>
    </message>
    <message>
        <source>Outbox: not here</source>
        <translation>Boîte d'envoi : pas ici</translation>
    </message>
</context>
<context>
    <name>QuitQuestion</name>
    <message>
        <source>The message in Compose is kept on this computer: it reopens there the next time Dispatch starts.</source>
        <extracomment>said as the window closes with unsent words in Compose (the journal has them; the next start reopens them there, saying "Reopened the message you were writing")</extracomment>
        <translation>Le message en cours dans Rédiger est conservé sur cet ordinateur : il sera rouvert dans Rédiger au prochain démarrage de Dispatch.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>“{name}” is not sent: it was in its undo countdown and stays in Drafts, unsent.</source>
        <translation>« {name} » n'est pas envoyé : il était dans son délai d'annulation et reste dans Brouillons, non envoyé.</translation>
    </message>
    <message>
        <source>“{name}” is not sent: it was in its undo countdown and comes back to Compose, unsent, the next time Dispatch runs.</source>
        <translation>« {name} » n'est pas envoyé : il était dans son délai d'annulation et reviendra dans Rédiger, non envoyé, au prochain lancement de Dispatch.</translation>
    </message>
    <message>
        <source>“{name}” is scheduled for {time}: it goes out then if Dispatch is running, otherwise the next time Dispatch runs signed in as {who}.</source>
        <translation>« {name} » est programmé pour {time} : il partira à ce moment-là si Dispatch est ouvert, sinon au prochain lancement de Dispatch connecté en tant que {who}.</translation>
    </message>
    <message>
        <source>“{name}” may already have gone out: Dispatch checks the next time it runs signed in as {who} (it is never sent twice).</source>
        <translation>« {name} » est peut-être déjà parti : Dispatch le vérifiera au prochain lancement connecté en tant que {who} (il n'est jamais envoyé deux fois).</translation>
    </message>
    <message>
        <source>“{name}” was not sent ({reason}): it stays in the Outbox until you send it again or delete it.</source>
        <translation>« {name} » n'a pas été envoyé ({reason}) : il reste dans la Boîte d'envoi jusqu'à ce que vous le renvoyiez ou le supprimiez.</translation>
    </message>
    <message>
        <source>“{name}” was not sent: it stays in the Outbox until you send it again or delete it.</source>
        <translation>« {name} » n'a pas été envoyé : il reste dans la Boîte d'envoi jusqu'à ce que vous le renvoyiez ou le supprimiez.</translation>
    </message>
    <message>
        <source>“{name}” goes to Exchange the next time Dispatch runs signed in as {who}; Exchange keeps it until {time}, then sends it.</source>
        <translation>« {name} » part chez Exchange au prochain lancement de Dispatch connecté en tant que {who} ; Exchange le garde jusqu’à {time}, puis l’envoie.</translation>
    </message>
    <message>
        <source>“{name}” goes out the next time Dispatch runs signed in as {who}.</source>
        <translation>« {name} » partira au prochain lancement de Dispatch connecté en tant que {who}.</translation>
    </message>
    <message>
        <source>1 message is waiting in the Outbox, on this computer:</source>
        <translation>1 message attend dans la Boîte d'envoi, sur cet ordinateur :</translation>
    </message>
    <message numerus="yes">
        <source>%Ln messages are waiting in the Outbox, on this computer:</source>
        <translation>
            <numerusform>%Ln message attend dans la Boîte d'envoi, sur cet ordinateur :</numerusform>
            <numerusform>%Ln messages attendent dans la Boîte d'envoi, sur cet ordinateur :</numerusform>
        </translation>
    </message>
    <message>
        <source>• {line}</source>
        <translation>• {line}</translation>
    </message>
    <message numerus="yes">
        <source>• …and %Ln more (see the Outbox, Ctrl+4).</source>
        <translation>
            <numerusform>• …et %Ln autre (voir la Boîte d'envoi, Ctrl+4).</numerusform>
            <numerusform>• …et %Ln autres (voir la Boîte d'envoi, Ctrl+4).</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit anyway?</source>
        <translation>Quitter quand même ?</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Not sent: {explanation}</source>
        <translation>Non envoyé : {explanation}</translation>
    </message>
</context>
<context>
    <name>Scheduled</name>
    <message>
        <source>Already sent at {time} — it is in Sent</source>
        <translation>Déjà envoyé à {time} — il est dans Éléments envoyés</translation>
    </message>
    <message>
        <source>Already taken back (from another computer) — it is in Drafts</source>
        <translation>Déjà repris (depuis un autre ordinateur) — il est dans Brouillons</translation>
    </message>
    <message>
        <source>No longer in the Outbox: Exchange is sending it or it was deleted elsewhere. Look in Sent in a moment.</source>
        <translation>Plus dans la Boîte d’envoi : Exchange l’envoie ou il a été supprimé ailleurs. Regardez dans Éléments envoyés dans un instant.</translation>
    </message>
    <message>
        <source>It changed in the Outbox meanwhile: look at it again</source>
        <translation>Il a changé entre-temps dans la Boîte d’envoi : regardez-le de nouveau</translation>
    </message>
    <message>
        <source>Taken back: it is in Drafts (it could not be opened: {reason})</source>
        <translation>Repris : il est dans Brouillons (il n’a pas pu être ouvert : {reason})</translation>
    </message>
    <message>
        <source>Sending “{subject}” now</source>
        <translation>Envoi de « {subject} » maintenant</translation>
    </message>
    <message>
        <source>“{subject}” now sends at {time}</source>
        <translation>« {subject} » part désormais à {time}</translation>
    </message>
</context>
<context>
    <name>SendChecks</name>
    <message>
        <source>The domain of “{address}” does not exist (the DNS has no “{domain}”): a typing mistake?</source>
        <translation>Le domaine de « {address} » n’existe pas (le DNS ne connaît pas « {domain} ») : une faute de frappe ?</translation>
    </message>
</context>
<context>
    <name>SendingLimits</name>
    <message>
        <source>Waiting for {name}'s {limit}-recipients-a-day limit</source>
        <translation>En attente de la limite de {limit} destinataires par jour de {name}</translation>
    </message>
    <message>
        <source>Not sent: more than {limit} recipients, which {name} refuses</source>
        <extracomment>a row's words when its message has more recipients than one message may have</extracomment>
        <translation>Non envoyé : plus de {limit} destinataires, ce que {name} refuse</translation>
    </message>
    <message>
        <source>In the Outbox until {time}: waiting for {name}'s {limit}-recipients-a-day limit</source>
        <translation>Dans la Boîte d'envoi jusqu'à {time} : en attente de la limite de {limit} destinataires par jour de {name}</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>le serveur</translation>
    </message>
    <message numerus="yes">
        <source>{refused} of these {total} recipients would be refused today by {name}'s {limit}-a-day limit.</source>
        <translation>
            <numerusform>{refused} de ces {total} destinataires serait refusé aujourd'hui par la limite de {limit} par jour de {name}.</numerusform>
            <numerusform>{refused} de ces {total} destinataires seraient refusés aujourd'hui par la limite de {limit} par jour de {name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message has more than {limit} recipients, which {name} refuses: it is not sent.</source>
        <translation>1 message a plus de {limit} destinataires, ce que {name} refuse : il n'est pas envoyé.</translation>
    </message>
    <message numerus="yes">
        <source>{count} messages have more than {limit} recipients, which {name} refuses: they are not sent.</source>
        <translation>
            <numerusform>{count} message a plus de {limit} destinataires, ce que {name} refuse : il n'est pas envoyé.</numerusform>
            <numerusform>{count} messages ont plus de {limit} destinataires, ce que {name} refuse : ils ne sont pas envoyés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>No dictionary for {asked}; using {fallback}.</source>
        <translation>Aucun dictionnaire pour {asked} ; {fallback} est utilisé.</translation>
    </message>
    <message>
        <source>Spell check is starting…</source>
        <extracomment>what the spell check says until its dictionary is loaded</extracomment>
        <translation>Démarrage du vérificateur d'orthographe…</translation>
    </message>
    <message>
        <source>Spell check is off: the enchant library is missing ({hint}).</source>
        <translation>Vérification orthographique désactivée : la bibliothèque enchant est absente ({hint}).</translation>
    </message>
    <message>
        <source>Spell check is off.</source>
        <translation>Vérification orthographique désactivée.</translation>
    </message>
    <message>
        <source>Spell check is off: no dictionary is installed ({hint}).</source>
        <translation>Vérification orthographique désactivée : aucun dictionnaire n'est installé ({hint}).</translation>
    </message>
    <message>
        <source>Spell check is off: the {tag} dictionary could not be opened.</source>
        <translation>Vérification orthographique désactivée : impossible d'ouvrir le dictionnaire {tag}.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>{above}
{below}</source>
        <translation>{above}
{below}</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>{first} ; {then}</translation>
    </message>
    <message>
        <source>{first} {then}</source>
        <translation>{first} {then}</translation>
    </message>
</context>
</TS>
