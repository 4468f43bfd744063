<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccountRuntime</name>
    <message>
        <source>Waiting for other accounts (they go out when you sign in to them): {names}</source>
        <translation>En attente pour d&apos;autres comptes (ils partent quand vous vous y connectez)&#xa0;: {names}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) waiting to be sent</source>
        <translation>
            <numerusform>%Ln message en attente d&apos;envoi</numerusform>
            <numerusform>%Ln messages en attente d&apos;envoi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) not yet saved</source>
        <translation>
            <numerusform>%Ln message pas encore enregistré</numerusform>
            <numerusform>%Ln messages pas encore enregistrés</numerusform>
        </translation>
    </message>
    <message>
        <source>{sends} and {others}</source>
        <translation>{sends} et {others}</translation>
    </message>
    <message>
        <source>{messages} for {address}: now through Microsoft 365</source>
        <translation>{messages} pour {address}&#xa0;: désormais via Microsoft 365</translation>
    </message>
    <message>
        <source>Reopened the message you were writing</source>
        <translation>Le message que vous rédigiez a été rouvert</translation>
    </message>
    <message numerus="yes">
        <source>{said}; %Ln other unsaved message(s) go to Drafts when the server is reached</source>
        <translation>
            <numerusform>{said}&#xa0;; %Ln autre message non enregistré ira dans Brouillons dès que le serveur sera joignable</numerusform>
            <numerusform>{said}&#xa0;; %Ln autres messages non enregistrés iront dans Brouillons dès que le serveur sera joignable</numerusform>
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
        <translation>Dispatch n&apos;a pas pu écrire ses données sur cet ordinateur&#xa0;: {reason}. {what_to_do}&#xa0;; d&apos;ici là, les messages ne sont conservés qu&apos;une fois enregistrés sur le serveur.</translation>
    </message>
    <message>
        <source>Something went wrong ({error}: {value}). The details are in the log: {log}</source>
        <translation>Une erreur s&apos;est produite ({error}&#xa0;: {value}). Les détails figurent dans le journal&#xa0;: {log}</translation>
    </message>
    <message>
        <source>Could not connect: {why}. The account in use has not changed.</source>
        <translation>Connexion impossible&#xa0;: {why}. Le compte utilisé n&apos;a pas changé.</translation>
    </message>
    <message>
        <source>No system keyring: the Microsoft 365 sign-in is kept for this session only.</source>
        <translation>Aucun trousseau système&#xa0;: la connexion Microsoft 365 n&apos;est conservée que pour cette session.</translation>
    </message>
    <message>
        <source>No system keyring: the password is kept for this session only.</source>
        <translation>Aucun trousseau système&#xa0;: le mot de passe n&apos;est conservé que pour cette session.</translation>
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
        <translation>plus de {count} redirections&#xa0;: arrêt</translation>
    </message>
    <message>
        <source>not https: no password is sent there</source>
        <translation>pas en https&#xa0;: aucun mot de passe n&apos;y est envoyé</translation>
    </message>
    <message>
        <source>The unencrypted Autodiscover address redirects to {host}. Send your user name and password to {host}?</source>
        <translation>L&apos;adresse Autodiscover non chiffrée redirige vers {host}. Envoyer votre nom d&apos;utilisateur et votre mot de passe à {host}&#xa0;?</translation>
    </message>
    <message>
        <source>The domain&apos;s DNS (SRV record) names the server {host}. Send your user name and password to {host}?</source>
        <translation>Le DNS du domaine (enregistrement SRV) désigne le serveur {host}. Envoyer votre nom d&apos;utilisateur et votre mot de passe à {host}&#xa0;?</translation>
    </message>
    <message>
        <source>The server redirects to another domain: {host}. Send your user name and password to {host}?</source>
        <translation>Le serveur redirige vers un autre domaine&#xa0;: {host}. Envoyer votre nom d&apos;utilisateur et votre mot de passe à {host}&#xa0;?</translation>
    </message>
    <message>
        <source>not confirmed: nothing sent to {host}</source>
        <translation>non confirmé&#xa0;: rien n&apos;a été envoyé à {host}</translation>
    </message>
    <message>
        <source>certificate not trusted ({why}): nothing sent</source>
        <translation>certificat non approuvé ({why})&#xa0;: rien n&apos;a été envoyé</translation>
    </message>
    <message>
        <source>EWS URL {url}</source>
        <translation>URL EWS {url}</translation>
    </message>
    <message>
        <source>redirects to the address {address}</source>
        <translation>redirige vers l&apos;adresse {address}</translation>
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
        <translation>redirige vers {location}&#xa0;: pas en https, non suivi</translation>
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
        <translation>nom d&apos;utilisateur ou mot de passe refusé (401)</translation>
    </message>
    <message>
        <source>no Autodiscover there (404)</source>
        <translation>pas d&apos;Autodiscover à cette adresse (404)</translation>
    </message>
</context>
<context>
    <name>BatchReport</name>
    <message>
        <source>Nothing sent: kept in Drafts</source>
        <translation>Rien n&apos;a été envoyé&#xa0;: conservé dans Brouillons</translation>
    </message>
    <message>
        <source>Taken back: the draft stays in Drafts, not sent</source>
        <translation>Repris&#xa0;: le brouillon reste dans Brouillons, non envoyé</translation>
    </message>
    <message numerus="yes">
        <source>Taken back: the %Ln drafts stay in Drafts, not sent</source>
        <translation>
            <numerusform>Repris&#xa0;: le brouillon reste dans Brouillons, non envoyé</numerusform>
            <numerusform>Repris&#xa0;: les %Ln brouillons restent dans Brouillons, non envoyés</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent {sent} of {total}</source>
        <translation>Envoyés&#xa0;: {sent} sur {total}</translation>
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
            <numerusform>%Ln conservé dans la Boîte d&apos;envoi pour plus tard</numerusform>
            <numerusform>%Ln conservés dans la Boîte d&apos;envoi pour plus tard</numerusform>
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
        <translation>Dispatch ne peut pas écrire dans son dossier de données {folder} ({why}). La boîte aux lettres de test (bac à sable) y conserve son courrier&#xa0;: vérifiez que le dossier existe et que vous pouvez y écrire</translation>
    </message>
</context>
<context>
    <name>EmlFiles</name>
    <message>
        <source>“{name}” is a folder, not a file.</source>
        <translation>«&#xa0;{name}&#xa0;» est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>“{name}” is not an ordinary file (a pipe or a device).</source>
        <translation>«&#xa0;{name}&#xa0;» n&apos;est pas un fichier ordinaire (un tube ou un périphérique).</translation>
    </message>
    <message>
        <source>“{name}” could not be opened: the file no longer exists.</source>
        <translation>Impossible d&apos;ouvrir «&#xa0;{name}&#xa0;»&#xa0;: le fichier n&apos;existe plus.</translation>
    </message>
    <message>
        <source>“{name}” could not be read ({why}).</source>
        <translation>Impossible de lire «&#xa0;{name}&#xa0;» ({why}).</translation>
    </message>
    <message>
        <source>“{name}” took more than {seconds} s to read; it was not opened.</source>
        <translation>La lecture de «&#xa0;{name}&#xa0;» a pris plus de {seconds}&#xa0;s&#xa0;; il n&apos;a pas été ouvert.</translation>
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
        <translation>En attente dans la Boîte d&apos;envoi&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi en cours…</translation>
    </message>
    <message>
        <source>Fixed: Resend (Ctrl+R) sends it</source>
        <translation>Corrigé&#xa0;: Renvoyer (Ctrl+R) l&apos;envoie</translation>
    </message>
    <message>
        <source>Ready to send</source>
        <translation>Prêt à envoyer</translation>
    </message>
    <message>
        <source>Not created: {reason}</source>
        <translation>Non créé&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>the server did not answer</source>
        <translation>le serveur n&apos;a pas répondu</translation>
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
        <translation>Non envoyé&#xa0;: il est dans Brouillons. Renvoyer (Ctrl+R) l&apos;envoie.</translation>
    </message>
    <message>
        <source>Deleted from the Outbox: not sent</source>
        <translation>Supprimé de la Boîte d&apos;envoi&#xa0;: non envoyé</translation>
    </message>
    <message>
        <source>Deleted from the Outbox: its draft was not created</source>
        <translation>Supprimé de la Boîte d&apos;envoi&#xa0;: son brouillon n&apos;a pas été créé</translation>
    </message>
    <message>
        <source>Could not check with the server</source>
        <translation>Vérification auprès du serveur impossible</translation>
    </message>
    <message>
        <source>Taken back (Undo, or from the Outbox): not sent</source>
        <translation>Repris (Annuler, ou depuis la Boîte d&apos;envoi)&#xa0;: non envoyé</translation>
    </message>
    <message>
        <source>Cannot be sent as it is</source>
        <translation>Ne peut pas être envoyé en l&apos;état</translation>
    </message>
</context>
<context>
    <name>MergeSend</name>
    <message>
        <source>Send {rows} messages? Each row of the table becomes one message, sent to its own address. A row that cannot be sent as it is is not sent and says why.</source>
        <translation>Envoyer {rows} messages&#xa0;? Chaque ligne du tableau devient un message, envoyé à sa propre adresse. Une ligne qui ne peut pas être envoyée en l&apos;état n&apos;est pas envoyée et en indique la raison.</translation>
    </message>
    <message>
        <source>Send the {now} that fit now and keep the other {later} in the Outbox, to go from {time}?</source>
        <translation>Envoyer maintenant les {now} qui tiennent dans la limite et garder les {later} autres dans la Boîte d&apos;envoi, pour un envoi à partir de {time}&#xa0;?</translation>
    </message>
    <message>
        <source>At {rate} messages a minute, the last one goes out at about {time}.</source>
        <translation>À {rate} messages par minute, le dernier part vers {time}.</translation>
    </message>
    <message>
        <source>Nothing sent: kept in Drafts.</source>
        <translation>Rien n&apos;a été envoyé&#xa0;: conservé dans Brouillons.</translation>
    </message>
    <message>
        <source>Sending {count} now</source>
        <translation>Envoi de {count} maintenant</translation>
    </message>
    <message numerus="yes">
        <source>{count} kept in the Outbox, to go from {time}</source>
        <translation>
            <numerusform>{count} conservé dans la Boîte d&apos;envoi, envoi à partir de {time}</numerusform>
            <numerusform>{count} conservés dans la Boîte d&apos;envoi, envoi à partir de {time}</numerusform>
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
        <translation>Un message n&apos;a pas pu être envoyé. Il attend dans la boîte d&apos;envoi.</translation>
    </message>
    <message>
        <source>A message you sent did not arrive.</source>
        <translation>Un message que vous avez envoyé n&apos;est pas arrivé.</translation>
    </message>
    <message>
        <source>“{subject}” to {recipient}</source>
        <translation>«&#xa0;{subject}&#xa0;» à {recipient}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Show in Outbox</source>
        <translation>Afficher dans la boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>Notifications: off</source>
        <translation>Notifications&#xa0;: désactivées</translation>
    </message>
    <message>
        <source>&amp;No notifications</source>
        <translation>&amp;Aucune notification</translation>
    </message>
    <message>
        <source>Only “A &amp;message was sent”</source>
        <translation>Seulement «&#xa0;Un &amp;message a été envoyé&#xa0;»</translation>
    </message>
    <message>
        <source>Notifications: they say only that a message was sent</source>
        <translation>Notifications&#xa0;: elles disent seulement qu&apos;un message a été envoyé</translation>
    </message>
    <message>
        <source>With its &amp;subject and recipient</source>
        <translation>Avec l&apos;&amp;objet et le destinataire</translation>
    </message>
    <message>
        <source>Notifications: they show the subject and the recipient</source>
        <translation>Notifications&#xa0;: elles montrent l&apos;objet et le destinataire</translation>
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
        <translation>«&#xa0;{subject}&#xa0;» n&apos;a pas été envoyé&#xa0;: il attendait d&apos;être envoyé quand Dispatch s&apos;est fermé. Envoyez-le à nouveau ou continuez à le modifier.</translation>
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
        <translation>Impossible de confirmer l&apos;envoi, il n&apos;a donc pas été renvoyé. Regardez dans Éléments envoyés&#xa0;; Réessayer l&apos;envoie à nouveau.</translation>
    </message>
    <message>
        <source>gave up after {attempts} attempts: {reason}</source>
        <translation>abandon après {attempts} tentatives&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>could not check yet: {reason}</source>
        <translation>vérification impossible pour l&apos;instant&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>not sent after {attempts} attempts; it is in Drafts</source>
        <translation>non envoyé après {attempts} tentatives&#xa0;; il est dans les Brouillons</translation>
    </message>
    <message>
        <source>not sent yet; sending again</source>
        <translation>pas encore envoyé&#xa0;; nouvel envoi en cours</translation>
    </message>
    <message>
        <source>Sending in {seconds} s — Enter takes it back</source>
        <translation>Envoi dans {seconds}&#xa0;s — Entrée le reprend</translation>
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
        <translation>{n}&#xa0;s</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <source>Not deleted: this computer could not record it. It will not be sent now; press Delete again</source>
        <extracomment>the reason a send shows when its delete could not be recorded (it stays DELETING: not sent)</extracomment>
        <translation>Non supprimé&#xa0;: cet ordinateur n&apos;a pas pu l&apos;enregistrer. Il ne sera pas envoyé maintenant&#xa0;; appuyez à nouveau sur Suppr</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Saving before sending…</source>
        <translation>Enregistrement avant l&apos;envoi…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi en cours…</translation>
    </message>
    <message>
        <source>Checking whether it was sent…</source>
        <translation>Vérification de l&apos;envoi…</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Non envoyé&#xa0;: {reason}</translation>
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
        <source>Waiting: the server&apos;s certificate is not trusted</source>
        <translation>En attente&#xa0;: le certificat du serveur n&apos;est pas approuvé</translation>
    </message>
    <message>
        <source>Waiting: Dispatch cannot use its data folder</source>
        <translation>En attente&#xa0;: Dispatch ne peut pas utiliser son dossier de données</translation>
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
        <translation>En attente d&apos;envoi</translation>
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
        <translation>Non enregistré&#xa0;: {reason}</translation>
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
</context>
<context>
    <name>OutboxStatus</name>
    <message>
        <source>waiting to send</source>
        <translation>en attente d&apos;envoi</translation>
    </message>
    <message>
        <source>In the Outbox ({row}): it goes out by itself (Ctrl+4)</source>
        <translation>Dans la Boîte d&apos;envoi ({row})&#xa0;: il partira tout seul (Ctrl+4)</translation>
    </message>
    <message>
        <source>server unreachable — retrying in {wait}</source>
        <extracomment>an Outbox row&apos;s words as the middle of a sentence, in the catalogue of their own (the row&apos;s first word is in lower case there, as in English; a translation may keep it as its language writes it)</extracomment>
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
        <source>waiting: the server&apos;s certificate is not trusted</source>
        <translation>en attente&#xa0;: le certificat du serveur n&apos;est pas approuvé</translation>
    </message>
    <message>
        <source>waiting: Dispatch cannot use its data folder</source>
        <translation>en attente&#xa0;: Dispatch ne peut pas utiliser son dossier de données</translation>
    </message>
    <message>
        <source>saving before sending…</source>
        <translation>enregistrement avant l&apos;envoi…</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>envoi en cours…</translation>
    </message>
    <message>
        <source>checking whether it was sent…</source>
        <translation>vérification de l&apos;envoi…</translation>
    </message>
    <message>
        <source>sending in {seconds} s — Enter takes it back</source>
        <translation>envoi dans {seconds}&#xa0;s — Entrée le reprend</translation>
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
        <translation>Non envoyé&#xa0;: {explanation} — il est dans la Boîte d&apos;envoi (Ctrl+4)&#xa0;; Entrée l&apos;y reprend</translation>
    </message>
    <message>
        <source>Sent: {subject}</source>
        <translation>Envoyé&#xa0;: {subject}</translation>
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
        <translation>Une commande dispatch-mail envoie pour ce compte&#xa0;; la Boîte d&apos;envoi s&apos;ouvrira quand elle aura terminé.</translation>
    </message>
    <message>
        <source>Another Dispatch window sends for this account: this window does not send for it. What you type is still kept on this computer; the Outbox opens here when that window is closed.</source>
        <translation>Une autre fenêtre Dispatch envoie pour ce compte&#xa0;: cette fenêtre n&apos;envoie pas pour lui. Ce que vous tapez reste conservé sur cet ordinateur&#xa0;; la Boîte d&apos;envoi s&apos;ouvrira ici quand l&apos;autre fenêtre sera fermée.</translation>
    </message>
    <message>
        <source>Outbox: a command sends</source>
        <extracomment>the same, in a few words (the status bar, beside the account and its state: short enough for a 683 px window)</extracomment>
        <translation>Boîte d&apos;envoi&#xa0;: une commande envoie</translation>
    </message>
    <message>
        <source>Outbox: not here</source>
        <translation>Boîte d&apos;envoi&#xa0;: pas ici</translation>
    </message>
</context>
<context>
    <name>QuitQuestion</name>
    <message>
        <source>The message in Compose is kept on this computer: it reopens there the next time Dispatch starts.</source>
        <extracomment>said as the window closes with unsent words in Compose (the journal has them; the next start reopens them there, saying &quot;Reopened the message you were writing&quot;)</extracomment>
        <translation>Le message en cours dans Rédiger est conservé sur cet ordinateur&#xa0;: il sera rouvert dans Rédiger au prochain démarrage de Dispatch.</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>“{name}” is not sent: it was in its undo countdown and stays in Drafts, unsent.</source>
        <translation>«&#xa0;{name}&#xa0;» n&apos;est pas envoyé&#xa0;: il était dans son délai d&apos;annulation et reste dans Brouillons, non envoyé.</translation>
    </message>
    <message>
        <source>“{name}” is not sent: it was in its undo countdown and comes back to Compose, unsent, the next time Dispatch runs.</source>
        <translation>«&#xa0;{name}&#xa0;» n&apos;est pas envoyé&#xa0;: il était dans son délai d&apos;annulation et reviendra dans Rédiger, non envoyé, au prochain lancement de Dispatch.</translation>
    </message>
    <message>
        <source>“{name}” is scheduled for {time}: it goes out then if Dispatch is running, otherwise the next time Dispatch runs signed in as {who}.</source>
        <translation>«&#xa0;{name}&#xa0;» est programmé pour {time}&#xa0;: il partira à ce moment-là si Dispatch est ouvert, sinon au prochain lancement de Dispatch connecté en tant que {who}.</translation>
    </message>
    <message>
        <source>“{name}” may already have gone out: Dispatch checks the next time it runs signed in as {who} (it is never sent twice).</source>
        <translation>«&#xa0;{name}&#xa0;» est peut-être déjà parti&#xa0;: Dispatch le vérifiera au prochain lancement connecté en tant que {who} (il n&apos;est jamais envoyé deux fois).</translation>
    </message>
    <message>
        <source>“{name}” was not sent ({reason}): it stays in the Outbox until you send it again or delete it.</source>
        <translation>«&#xa0;{name}&#xa0;» n&apos;a pas été envoyé ({reason})&#xa0;: il reste dans la Boîte d&apos;envoi jusqu&apos;à ce que vous le renvoyiez ou le supprimiez.</translation>
    </message>
    <message>
        <source>“{name}” was not sent: it stays in the Outbox until you send it again or delete it.</source>
        <translation>«&#xa0;{name}&#xa0;» n&apos;a pas été envoyé&#xa0;: il reste dans la Boîte d&apos;envoi jusqu&apos;à ce que vous le renvoyiez ou le supprimiez.</translation>
    </message>
    <message>
        <source>“{name}” goes out the next time Dispatch runs signed in as {who}.</source>
        <translation>«&#xa0;{name}&#xa0;» partira au prochain lancement de Dispatch connecté en tant que {who}.</translation>
    </message>
    <message>
        <source>1 message is waiting in the Outbox, on this computer:</source>
        <translation>1 message attend dans la Boîte d&apos;envoi, sur cet ordinateur&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>%Ln messages are waiting in the Outbox, on this computer:</source>
        <translation>
            <numerusform>%Ln message attend dans la Boîte d&apos;envoi, sur cet ordinateur&#xa0;:</numerusform>
            <numerusform>%Ln messages attendent dans la Boîte d&apos;envoi, sur cet ordinateur&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>• {line}</source>
        <translation>• {line}</translation>
    </message>
    <message numerus="yes">
        <source>• …and %Ln more (see the Outbox, Ctrl+4).</source>
        <translation>
            <numerusform>• …et %Ln autre (voir la Boîte d&apos;envoi, Ctrl+4).</numerusform>
            <numerusform>• …et %Ln autres (voir la Boîte d&apos;envoi, Ctrl+4).</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit anyway?</source>
        <translation>Quitter quand même&#xa0;?</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <source>Not sent: {explanation}</source>
        <translation>Non envoyé&#xa0;: {explanation}</translation>
    </message>
</context>
<context>
    <name>SendChecks</name>
    <message>
        <source>The domain of “{address}” does not exist (the DNS has no “{domain}”): a typing mistake?</source>
        <translation>Le domaine de «&#xa0;{address}&#xa0;» n’existe pas (le DNS ne connaît pas «&#xa0;{domain}&#xa0;»)&#xa0;: une faute de frappe&#xa0;?</translation>
    </message>
</context>
<context>
    <name>SendingLimits</name>
    <message>
        <source>Waiting for {name}&apos;s {limit}-recipients-a-day limit</source>
        <translation>En attente de la limite de {limit} destinataires par jour de {name}</translation>
    </message>
    <message>
        <source>Not sent: more than {limit} recipients, which {name} refuses</source>
        <extracomment>a row&apos;s words when its message has more recipients than one message may have</extracomment>
        <translation>Non envoyé&#xa0;: plus de {limit} destinataires, ce que {name} refuse</translation>
    </message>
    <message>
        <source>In the Outbox until {time}: waiting for {name}&apos;s {limit}-recipients-a-day limit</source>
        <translation>Dans la Boîte d&apos;envoi jusqu&apos;à {time}&#xa0;: en attente de la limite de {limit} destinataires par jour de {name}</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>le serveur</translation>
    </message>
    <message numerus="yes">
        <source>{refused} of these {total} recipients would be refused today by {name}&apos;s {limit}-a-day limit.</source>
        <translation>
            <numerusform>{refused} de ces {total} destinataires serait refusé aujourd&apos;hui par la limite de {limit} par jour de {name}.</numerusform>
            <numerusform>{refused} de ces {total} destinataires seraient refusés aujourd&apos;hui par la limite de {limit} par jour de {name}.</numerusform>
        </translation>
    </message>
    <message>
        <source>1 message has more than {limit} recipients, which {name} refuses: it is not sent.</source>
        <translation>1 message a plus de {limit} destinataires, ce que {name} refuse&#xa0;: il n&apos;est pas envoyé.</translation>
    </message>
    <message numerus="yes">
        <source>{count} messages have more than {limit} recipients, which {name} refuses: they are not sent.</source>
        <translation>
            <numerusform>{count} message a plus de {limit} destinataires, ce que {name} refuse&#xa0;: il n&apos;est pas envoyé.</numerusform>
            <numerusform>{count} messages ont plus de {limit} destinataires, ce que {name} refuse&#xa0;: ils ne sont pas envoyés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>No dictionary for {asked}; using {fallback}.</source>
        <translation>Aucun dictionnaire pour {asked}&#xa0;; {fallback} est utilisé.</translation>
    </message>
    <message>
        <source>Spell check is starting…</source>
        <extracomment>what the spell check says until its dictionary is loaded</extracomment>
        <translation>Démarrage du vérificateur d&apos;orthographe…</translation>
    </message>
    <message>
        <source>Spell check is off: the enchant library is missing ({hint}).</source>
        <translation>Vérification orthographique désactivée&#xa0;: la bibliothèque enchant est absente ({hint}).</translation>
    </message>
    <message>
        <source>Spell check is off.</source>
        <translation>Vérification orthographique désactivée.</translation>
    </message>
    <message>
        <source>Spell check is off: no dictionary is installed ({hint}).</source>
        <translation>Vérification orthographique désactivée&#xa0;: aucun dictionnaire n&apos;est installé ({hint}).</translation>
    </message>
    <message>
        <source>Spell check is off: the {tag} dictionary could not be opened.</source>
        <translation>Vérification orthographique désactivée&#xa0;: impossible d&apos;ouvrir le dictionnaire {tag}.</translation>
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
        <translation>{first}&#xa0;; {then}</translation>
    </message>
    <message>
        <source>{first} {then}</source>
        <translation>{first} {then}</translation>
    </message>
</context>
</TS>
