<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>BatchUndo</name>
    <message>
        <source>Drafts</source>
        <extracomment>where a batch taken back stays, unless its owner says otherwise</extracomment>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Undo send bar ({kept})</source>
        <translation>Barre d&apos;annulation de l&apos;envoi ({kept})</translation>
    </message>
    <message>
        <source>Undo sending these messages</source>
        <translation>Annuler l&apos;envoi de ces messages</translation>
    </message>
    <message>
        <source>Keep them in {kept}, unsent (Ctrl+Z)</source>
        <translation>Les garder dans {kept}, sans les envoyer (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Sending {what} in {left} s — Ctrl+Z or Undo keeps it in {kept}</source>
        <translation>Envoi de {what} dans {left}&#xa0;s — Ctrl+Z ou Annuler le garde dans {kept}</translation>
    </message>
    <message>
        <source>Sending {what} in {left} s — Ctrl+Z or Undo keeps them in {kept}</source>
        <translation>Envoi de {what} dans {left}&#xa0;s — Ctrl+Z ou Annuler les garde dans {kept}</translation>
    </message>
    <message>
        <source>Not sent: {what} stays in {kept}</source>
        <translation>Non envoyé&#xa0;: {what} reste dans {kept}</translation>
    </message>
    <message>
        <source>Not sent: {what} stay in {kept}</source>
        <translation>Non envoyés&#xa0;: {what} restent dans {kept}</translation>
    </message>
    <message numerus="yes">
        <source>Not sent: %Ln stay(s) in {kept}</source>
        <extracomment>part of a batch taken back: &quot;Not sent: 2 stay in Drafts&quot; (English: &quot;1 stays&quot;, &quot;2 stay&quot;)</extracomment>
        <translation>
            <numerusform>Non envoyé&#xa0;: %Ln reste dans {kept}</numerusform>
            <numerusform>Non envoyés&#xa0;: %Ln restent dans {kept}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message numerus="yes">
        <source>“{subject}” could not be delivered to %Ln recipient(s): {who}.</source>
        <translation>
            <numerusform>«&#xa0;{subject}&#xa0;» n’a pas pu être remis à %Ln destinataire&#xa0;: {who}.</numerusform>
            <numerusform>«&#xa0;{subject}&#xa0;» n’a pas pu être remis à %Ln destinataires&#xa0;: {who}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent message(s) could not be delivered to everyone: “{subject}” and the others are marked in Sent.</source>
        <translation>
            <numerusform>%Ln message envoyé n’a pas pu être remis à tous&#xa0;: «&#xa0;{subject}&#xa0;» et les autres sont marqués dans Envoyés.</numerusform>
            <numerusform>%Ln messages envoyés n’ont pas pu être remis à tous&#xa0;: «&#xa0;{subject}&#xa0;» et les autres sont marqués dans Envoyés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln address(es) will no longer be suggested.</source>
        <translation>
            <numerusform>%Ln adresse ne sera plus suggérée.</numerusform>
            <numerusform>%Ln adresses ne seront plus suggérées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a sent message a report says did not reach someone: its preview lists who, and Ctrl+Shift+B writes to them again</source>
        <translation>Sélectionnez un message envoyé qu’un rapport dit non remis à quelqu’un&#xa0;: son aperçu dit à qui, et Ctrl+Maj+B leur écrit de nouveau</translation>
    </message>
    <message>
        <source>A copy for the recipients it did not reach: check each address, then Ctrl+Return</source>
        <translation>Une copie pour les destinataires qu’il n’a pas atteints&#xa0;: vérifiez chaque adresse, puis Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Show in &amp;Sent</source>
        <translation>Afficher dans &amp;Envoyés</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>DraftsFlows</name>
    <message>
        <source>Not sent: a newer version of this draft is on this computer, not yet saved to the server. Open it (Enter) to check it, then send it from Compose</source>
        <extracomment>Send selected on a draft whose newer version is on this computer only: the server&apos;s older one is not sent (Words: the row shows it in the user&apos;s language; the outcome&apos;s explanation is the core&apos;s kind of words)</extracomment>
        <translation>Non envoyé&#xa0;: une version plus récente de ce brouillon se trouve sur cet ordinateur et n&apos;est pas encore enregistrée sur le serveur. Ouvrez-la (Entrée) pour la vérifier, puis envoyez-la depuis Rédiger</translation>
    </message>
    <message>
        <source>Sending…</source>
        <extracomment>a draft that passed the check and goes on (its row, and the status bar&apos;s count of them)</extracomment>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Select drafts, then press Ctrl+Shift+Return to send them</source>
        <translation>Sélectionnez des brouillons, puis appuyez sur Ctrl+Maj+Entrée pour les envoyer</translation>
    </message>
    <message>
        <source>Select drafts to send (Shift+Up/Down, Ctrl+A)</source>
        <translation>Sélectionnez les brouillons à envoyer (Maj+Haut/Bas, Ctrl+A)</translation>
    </message>
    <message numerus="yes">
        <source>Sending %Ln draft(s)…</source>
        <translation>
            <numerusform>Envoi de %Ln brouillon…</numerusform>
            <numerusform>Envoi de %Ln brouillons…</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <extracomment>the batch&apos;s rows while Compose&apos;s check reads them (what is sent is decided by it: DraftsQuestions.checked)</extracomment>
        <translation>Vérification…</translation>
    </message>
    <message numerus="yes">
        <source>Checking %Ln draft(s)…</source>
        <translation>
            <numerusform>Vérification de %Ln brouillon…</numerusform>
            <numerusform>Vérification de %Ln brouillons…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) could not be deleted: {why}</source>
        <translation>
            <numerusform>%Ln brouillon n&apos;a pas pu être supprimé&#xa0;: {why}</numerusform>
            <numerusform>%Ln brouillons n&apos;ont pas pu être supprimés&#xa0;: {why}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln draft(s)</source>
        <translation>
            <numerusform>%Ln brouillon supprimé</numerusform>
            <numerusform>%Ln brouillons supprimés</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>Already open in Compose</source>
        <translation>Déjà ouvert dans Rédiger</translation>
    </message>
    <message>
        <source>Opening draft…</source>
        <translation>Ouverture du brouillon…</translation>
    </message>
    <message>
        <source>Opened the version kept on this computer: it is newer than the server&apos;s (not saved to the server yet)</source>
        <translation>Version conservée sur cet ordinateur ouverte&#xa0;: elle est plus récente que celle du serveur (pas encore enregistrée sur le serveur)</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Could not delete: {why}</source>
        <translation>Suppression impossible&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Could not load the draft: {why}</source>
        <translation>Impossible de charger le brouillon&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Could not load the message: {why}</source>
        <translation>Impossible de charger le message&#xa0;: {why}</translation>
    </message>
</context>
<context>
    <name>DraftsView</name>
    <message>
        <source>No drafts. A message you save (Ctrl+S) waits here until you send it: Enter opens it, Ctrl+Shift+Return sends the selected ones.</source>
        <translation>Aucun brouillon. Un message que vous enregistrez (Ctrl+S) attend ici jusqu&apos;à son envoi&#xa0;: Entrée l&apos;ouvre, Ctrl+Maj+Entrée envoie ceux qui sont sélectionnés.</translation>
    </message>
    <message>
        <source>Undo bar</source>
        <translation>Barre d&apos;annulation</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>Ann&amp;uler</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Annuler la suppression</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Annuler (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh drafts</source>
        <translation>Actualiser les brouillons</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete selected drafts</source>
        <translation>Supprimer les brouillons sélectionnés</translation>
    </message>
    <message>
        <source>Send selected</source>
        <translation>Envoyer la sélection</translation>
    </message>
    <message>
        <source>Send selected drafts</source>
        <translation>Envoyer les brouillons sélectionnés</translation>
    </message>
    <message>
        <source>Send selected (Ctrl+Shift+Return)</source>
        <translation>Envoyer la sélection (Ctrl+Maj+Entrée)</translation>
    </message>
    <message>
        <source>Drafts list</source>
        <translation>Liste des brouillons</translation>
    </message>
    <message>
        <source>Draft preview</source>
        <translation>Aperçu du brouillon</translation>
    </message>
    <message>
        <source>Preview subject</source>
        <translation>Objet de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Preview headers</source>
        <translation>En-têtes de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Preview body</source>
        <translation>Corps de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Preview attachments</source>
        <translation>Pièces jointes de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Why it was not sent</source>
        <translation>Pourquoi il n&apos;a pas été envoyé</translation>
    </message>
    <message>
        <source>Select a draft</source>
        <translation>Sélectionnez un brouillon</translation>
    </message>
    <message>
        <source>&amp;Open draft</source>
        <translation>&amp;Ouvrir le brouillon</translation>
    </message>
    <message>
        <source>&amp;Delete draft</source>
        <translation>&amp;Supprimer le brouillon</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln draft(s) — Ctrl+Z to undo</source>
        <translation>
            <numerusform>%Ln brouillon supprimé — Ctrl+Z pour annuler</numerusform>
            <numerusform>%Ln brouillons supprimés — Ctrl+Z pour annuler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s) · loading…</source>
        <translation>
            <numerusform>%Ln brouillon · chargement…</numerusform>
            <numerusform>%Ln brouillons · chargement…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s)</source>
        <translation>
            <numerusform>%Ln brouillon</numerusform>
            <numerusform>%Ln brouillons</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <source>Reply all: write above the quoted message, then Ctrl+Return</source>
        <extracomment>what the status bar says once Compose shows it</extracomment>
        <translation>Répondre à tous&#xa0;: écrivez au-dessus du message cité, puis Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Forward: type who it goes to, then Ctrl+Return</source>
        <translation>Transférer&#xa0;: indiquez le destinataire, puis Ctrl+Entrée</translation>
    </message>
    <message>
        <source>A copy of the sent message: a new message, not saved yet</source>
        <translation>Une copie du message envoyé&#xa0;: un nouveau message, pas encore enregistré</translation>
    </message>
</context>
<context>
    <name>JournalBridge</name>
    <message>
        <source>Sending cancelled: the message is back in Compose</source>
        <translation>Envoi annulé&#xa0;: le message est de retour dans Rédiger</translation>
    </message>
    <message>
        <source>Typing is not protected: the local journal cannot be written ({why}). Messages are only kept once saved to the server.</source>
        <translation>La saisie n&apos;est pas protégée&#xa0;: impossible d&apos;écrire dans le journal local ({why}). Les messages ne sont conservés qu&apos;une fois enregistrés sur le serveur.</translation>
    </message>
    <message>
        <source>Typing is not protected</source>
        <translation>La saisie n&apos;est pas protégée</translation>
    </message>
    <message>
        <source>Journal replaced</source>
        <translation>Journal remplacé</translation>
    </message>
    <message>
        <source>The local journal was damaged: it was set aside as {name} and a new one started.</source>
        <translation>Le journal local était endommagé&#xa0;: il a été mis de côté sous le nom {name} et un nouveau journal a été créé.</translation>
    </message>
    <message>
        <source>Taken out of the Outbox by dispatch-mail: the message is back in Compose</source>
        <translation>Retiré de la Boîte d&apos;envoi par dispatch-mail&#xa0;: le message est de retour dans Rédiger</translation>
    </message>
    <message>
        <source>Taken out of the Outbox by dispatch-mail: the message goes to Drafts</source>
        <translation>Retiré de la Boîte d&apos;envoi par dispatch-mail&#xa0;: le message va dans Brouillons</translation>
    </message>
    <message>
        <source>The server asked to sign in again. Messages in the Outbox wait until you do (enter the password, or Retry).</source>
        <translation>Le serveur demande de vous reconnecter. Les messages de la Boîte d&apos;envoi attendent que vous le fassiez (saisissez le mot de passe ou choisissez Réessayer).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln other unsaved message(s) were restored to Drafts</source>
        <translation>
            <numerusform>%Ln autre message non enregistré a été restauré dans Brouillons</numerusform>
            <numerusform>%Ln autres messages non enregistrés ont été restaurés dans Brouillons</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox: messages waiting for the server</source>
        <translation>Boîte d&apos;envoi&#xa0;: messages en attente du serveur</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Out&amp;box</source>
        <translation>Boîte d&apos;en&amp;voi</translation>
    </message>
    <message>
        <source>Outbox: messages waiting for the server (Ctrl+4)</source>
        <translation>Boîte d&apos;envoi&#xa0;: messages en attente du serveur (Ctrl+4)</translation>
    </message>
    <message>
        <source>Not sent: the .eml file was taken out of the Outbox (the file is unchanged; Ctrl+O opens it to edit)</source>
        <translation>Non envoyé&#xa0;: le fichier .eml a été retiré de la Boîte d&apos;envoi (le fichier est inchangé&#xa0;; Ctrl+O l&apos;ouvre pour le modifier)</translation>
    </message>
    <message>
        <source>Not sent: the message was put in Drafts (fix the one on screen first)</source>
        <translation>Non envoyé&#xa0;: le message a été placé dans Brouillons (corrigez d&apos;abord celui qui est à l&apos;écran)</translation>
    </message>
    <message>
        <source>Not sent: the draft stays in Drafts</source>
        <translation>Non envoyé&#xa0;: le brouillon reste dans Brouillons</translation>
    </message>
    <message>
        <source>Delete this message?</source>
        <translation>Supprimer ce message&#xa0;?</translation>
    </message>
    <message>
        <source>The message is removed from the Outbox and will not be sent.</source>
        <translation>Le message est retiré de la Boîte d&apos;envoi et ne sera pas envoyé.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
    <message>
        <source>Not deleted: this computer could not record it. The message stays in the Outbox and is not sent</source>
        <translation>Non supprimé&#xa0;: cet ordinateur n&apos;a pas pu l&apos;enregistrer. Le message reste dans la Boîte d&apos;envoi et n&apos;est pas envoyé</translation>
    </message>
</context>
<context>
    <name>LimitsQuestion</name>
    <message>
        <source>Send these drafts?</source>
        <translation>Envoyer ces brouillons&#xa0;?</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Ne pas envoyer</translation>
    </message>
</context>
<context>
    <name>ListStatus</name>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Éléments envoyés</translation>
    </message>
    <message>
        <source>Could not load {name}: {why}</source>
        <translation>Impossible de charger {name}&#xa0;: {why}</translation>
    </message>
</context>
<context>
    <name>ListTable</name>
    <message>
        <source>{name} row header</source>
        <translation>En-tête de ligne de {name}</translation>
    </message>
    <message>
        <source>{name} columns</source>
        <translation>Colonnes de {name}</translation>
    </message>
    <message>
        <source>{title} title</source>
        <translation>Titre de la page {title}</translation>
    </message>
    <message>
        <source>{title} count</source>
        <translation>Nombre d&apos;éléments de la page {title}</translation>
    </message>
    <message>
        <source>No account yet — press Ctrl+, (or File → Account settings…) to add one, or use the sandbox mailbox (Ctrl+1, then “Use sandbox”).</source>
        <translation>Aucun compte pour l&apos;instant — appuyez sur Ctrl+, (ou Fichier → Paramètres du compte…) pour en ajouter un, ou utilisez la boîte aux lettres de test (Ctrl+1, puis «&#xa0;Utiliser le bac à sable&#xa0;»).</translation>
    </message>
    <message>
        <source>{name} empty</source>
        <translation>{name} vide</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>Has attachments</source>
        <translation>Contient des pièces jointes</translation>
    </message>
    <message>
        <source>{row}, {status}</source>
        <translation>{row}, {status}</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé le</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>NewerMarks</name>
    <message>
        <source>Newer version on this computer, not yet saved to the server: Enter opens it</source>
        <extracomment>a Drafts row&apos;s Status when this computer holds a newer version of it than the server (Words: the row shows it in the user&apos;s language, and it is found again by what it is, whatever the language)</extracomment>
        <translation>Version plus récente sur cet ordinateur, pas encore enregistrée sur le serveur&#xa0;: Entrée l&apos;ouvre</translation>
    </message>
</context>
<context>
    <name>OutboxKept</name>
    <message>
        <source>The server&apos;s Outbox could not be read: {why}</source>
        <translation>La Boîte d’envoi du serveur n’a pas pu être lue&#xa0;: {why}</translation>
    </message>
    <message>
        <source>It is no longer in the Outbox: press F5 to read it again</source>
        <translation>Il n’est plus dans la Boîte d’envoi&#xa0;: appuyez sur F5 pour la relire</translation>
    </message>
    <message>
        <source>Taken back: it is in Drafts, not sent (fix the message on screen first to open it)</source>
        <translation>Repris&#xa0;: il est dans Brouillons, non envoyé (corrigez d’abord le message à l’écran pour l’ouvrir)</translation>
    </message>
    <message>
        <source>Taken back from Exchange: not sent, its time removed; the message is back in Compose</source>
        <translation>Repris à Exchange&#xa0;: non envoyé, son heure retirée&#xa0;; le message est de retour dans Rédiger</translation>
    </message>
    <message>
        <source>Nothing changed: {why}</source>
        <translation>Rien n’a changé&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Deleted: it will not be sent (it is in Deleted Items)</source>
        <translation>Supprimé&#xa0;: il ne sera pas envoyé (il est dans Éléments supprimés)</translation>
    </message>
    <message>
        <source>Delete this message?</source>
        <translation>Supprimer ce message&#xa0;?</translation>
    </message>
    <message>
        <source>Exchange will not send it: it goes to Deleted Items.</source>
        <translation>Exchange ne l’enverra pas&#xa0;: il va dans Éléments supprimés.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>It is being sent right now and can no longer be deleted</source>
        <translation>Il est en cours d&apos;envoi et ne peut plus être supprimé</translation>
    </message>
    <message>
        <source>That message is not in the Sent list yet: its copy may still be on its way. Press F5 to reload the list, then look again.</source>
        <translation>Ce message n&apos;est pas encore dans Éléments envoyés&#xa0;: sa copie est peut-être encore en route. Appuyez sur F5 pour recharger la liste, puis regardez à nouveau.</translation>
    </message>
    <message>
        <source>Removed from this list: the message is in Sent (Ctrl+3)</source>
        <translation>Retiré de cette liste&#xa0;: le message se trouve dans Éléments envoyés (Ctrl+3)</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Send the selected failed message again (Ctrl+R)</source>
        <translation>Renvoyer le message non envoyé sélectionné (Ctrl+R)</translation>
    </message>
    <message>
        <source>Change time…</source>
        <translation>Changer l’heure…</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Essayer maintenant</translation>
    </message>
    <message>
        <source>Try everything waiting now instead of after the wait</source>
        <translation>Essayer tout ce qui attend maintenant, sans attendre la fin du délai</translation>
    </message>
    <message>
        <source>Nothing waiting: every message reached the server.

When the server cannot be reached, messages you send wait here and go out by themselves once it is back.</source>
        <translation>Rien en attente&#xa0;: tous les messages sont arrivés sur le serveur.

Quand le serveur est injoignable, les messages que vous envoyez attendent ici et partent d&apos;eux-mêmes dès qu&apos;il est de retour.</translation>
    </message>
    <message>
        <source>Messages waiting for the server</source>
        <translation>Messages en attente du serveur</translation>
    </message>
    <message>
        <source>Outbox row header</source>
        <translation>En-tête de ligne de la Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Outbox columns</source>
        <translation>Colonnes de la Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Edit in Compose</source>
        <translation>Modifier dans Rédiger</translation>
    </message>
    <message>
        <source>Delete from Outbox</source>
        <translation>Supprimer de la Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Retry sending</source>
        <translation>Réessayer l&apos;envoi</translation>
    </message>
    <message>
        <source>Not delivered to everyone: {subject}</source>
        <translation>Non remis à tous&#xa0;: {subject}</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation>
            <numerusform>%Ln en attente</numerusform>
            <numerusform>%Ln en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not sent</source>
        <translation>
            <numerusform>%Ln non envoyé</numerusform>
            <numerusform>%Ln non envoyés</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent: {subject}</source>
        <translation>Non envoyé&#xa0;: {subject}</translation>
    </message>
    <message>
        <source>Take back</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Open in Sent</source>
        <translation>Ouvrir dans Éléments envoyés</translation>
    </message>
    <message>
        <source>Remove from this list</source>
        <translation>Retirer de cette liste</translation>
    </message>
    <message>
        <source>Already sent: there is nothing to send again (Enter opens it in Sent)</source>
        <translation>Déjà envoyé&#xa0;: il n&apos;y a rien à renvoyer (Entrée l&apos;ouvre dans Éléments envoyés)</translation>
    </message>
    <message>
        <source>Only a message that was not sent can be sent again (Ctrl+R)</source>
        <translation>Seul un message non envoyé peut être renvoyé (Ctrl+R)</translation>
    </message>
    <message>
        <source>Take the selected message back into Compose (Enter)</source>
        <translation>Reprendre le message sélectionné dans Rédiger (Entrée)</translation>
    </message>
    <message>
        <source>Delete the selected message (Delete)</source>
        <translation>Supprimer le message sélectionné (Suppr)</translation>
    </message>
    <message>
        <source>Change when the selected message goes (Ctrl+Shift+T)</source>
        <translation>Changer quand part le message sélectionné (Ctrl+Maj+T)</translation>
    </message>
    <message>
        <source>Open the selected message in Sent (Enter)</source>
        <translation>Ouvrir le message sélectionné dans Éléments envoyés (Entrée)</translation>
    </message>
    <message>
        <source>Remove the selected sent message from this list; it stays in Sent (Delete)</source>
        <translation>Retirer de cette liste le message envoyé sélectionné&#xa0;; il reste dans Éléments envoyés (Suppr)</translation>
    </message>
    <message>
        <source>It may already have gone out (Dispatch is checking with the server): it can no longer be deleted</source>
        <translation>Il est peut-être déjà parti (Dispatch vérifie auprès du serveur)&#xa0;: il ne peut plus être supprimé</translation>
    </message>
    <message>
        <source>It may already have gone out (Dispatch is checking with the server): it can no longer be taken back</source>
        <translation>Il est peut-être déjà parti (Dispatch vérifie auprès du serveur)&#xa0;: il ne peut plus être repris</translation>
    </message>
    <message>
        <source>It is being sent right now and can no longer be taken back</source>
        <translation>Il est en cours d&apos;envoi et ne peut plus être repris</translation>
    </message>
</context>
<context>
    <name>SendSelected</name>
    <message>
        <source>Waiting to send</source>
        <extracomment>a held row&apos;s words, as the Outbox says them: short enough for the Status column at 683 px (the countdown bar under the list says when, and that Ctrl+Z keeps them)</extracomment>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Not sent: kept in Drafts (you chose not to send over the sending limits)</source>
        <extracomment>a row&apos;s words when the user chose not to send a batch over the sending limits</extracomment>
        <translation>Non envoyé&#xa0;: conservé dans Brouillons (vous avez choisi de ne pas dépasser les limites d&apos;envoi)</translation>
    </message>
    <message>
        <source>Not sent: {why}</source>
        <translation>Non envoyé&#xa0;: {why}</translation>
    </message>
    <message>
        <source>Will not be sent: {why}</source>
        <extracomment>a draft Compose&apos;s check holds back, said from the moment it is known (before the countdown): the core&apos;s words</extracomment>
        <translation>Ne sera pas envoyé&#xa0;: {why}</translation>
    </message>
    <message>
        <source>In the Outbox: {why}</source>
        <translation>Dans la Boîte d&apos;envoi&#xa0;: {why}</translation>
    </message>
    <message>
        <source>waiting to send</source>
        <translation>en attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Not sent: taken back (Undo)</source>
        <translation>Non envoyé&#xa0;: repris (Annuler)</translation>
    </message>
    <message>
        <source>Not sent: taken out of the Outbox</source>
        <translation>Non envoyé&#xa0;: retiré de la Boîte d&apos;envoi</translation>
    </message>
    <message numerus="yes">
        <source>%Ln draft(s)</source>
        <extracomment>what a batch is, in its countdown (&quot;Sending 3 drafts in 10 s&quot;)</extracomment>
        <translation>
            <numerusform>%Ln brouillon</numerusform>
            <numerusform>%Ln brouillons</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SentView</name>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent: reply &amp;all</source>
        <extracomment>Following up the previewed message: (name, words, keys, tip, what it is called). Thunderbird&apos;s and Outlook&apos;s keys where the window has them free: Reply all Ctrl+Shift+R (both), Forward Ctrl+L (Thunderbird; Outlook&apos;s Ctrl+F is Find here), Edit as new Ctrl+E (Thunderbird&apos;s &quot;Edit As New Message&quot;)</extracomment>
        <translation>Éléments envoyés&#xa0;: répondre à &amp;tous</translation>
    </message>
    <message>
        <source>Reply to everyone the sent message went to</source>
        <translation>Répondre à tous les destinataires du message envoyé</translation>
    </message>
    <message>
        <source>Reply all</source>
        <translation>Répondre à tous</translation>
    </message>
    <message>
        <source>Sent: &amp;forward</source>
        <translation>Éléments envoyés&#xa0;: trans&amp;férer</translation>
    </message>
    <message>
        <source>Forward the sent message with its attachments</source>
        <translation>Transférer le message envoyé avec ses pièces jointes</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Transférer</translation>
    </message>
    <message>
        <source>Sent: edit as ne&amp;w</source>
        <translation>Éléments envoyés&#xa0;: modifier comme &amp;nouveau</translation>
    </message>
    <message>
        <source>A copy of the sent message as a new one</source>
        <translation>Une copie du message envoyé, comme nouveau message</translation>
    </message>
    <message>
        <source>Edit as new</source>
        <translation>Modifier comme nouveau</translation>
    </message>
    <message>
        <source>Personal</source>
        <extracomment>a sensitivity other than Normal, as the preview names it (the enum&apos;s value is Exchange&apos;s word)</extracomment>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Confidentiel</translation>
    </message>
    <message>
        <source>Reply-To</source>
        <translation>Répondre à</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Critère de diffusion</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Éléments envoyés</translation>
    </message>
    <message>
        <source>Sent list</source>
        <translation>Liste des éléments envoyés</translation>
    </message>
    <message>
        <source>Message preview</source>
        <translation>Aperçu du message</translation>
    </message>
    <message>
        <source>Preview note</source>
        <translation>Note de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Select a message</source>
        <translation>Sélectionnez un message</translation>
    </message>
    <message>
        <source>Preview subject</source>
        <translation>Objet de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Preview headers</source>
        <translation>En-têtes de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Preview body</source>
        <translation>Corps de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Preview attachments</source>
        <translation>Pièces jointes de l&apos;aperçu</translation>
    </message>
    <message>
        <source>Saved attachments</source>
        <translation>Pièces jointes enregistrées</translation>
    </message>
    <message>
        <source>Sent: resend to those that fa&amp;iled</source>
        <translation>Éléments envoyés&#xa0;: ren&amp;voyer aux destinataires non atteints</translation>
    </message>
    <message>
        <source>A new message to the recipients a report says the previewed message did not reach (Ctrl+Shift+B)</source>
        <translation>Un nouveau message aux destinataires qu’un rapport dit non atteints par le message affiché (Ctrl+Maj+B)</translation>
    </message>
    <message>
        <source>Sa&amp;ve attachments…</source>
        <translation>Enregistrer les &amp;pièces jointes…</translation>
    </message>
    <message>
        <source>Save the previewed message&apos;s attachments to a folder (Ctrl+Shift+S)</source>
        <translation>Enregistrer les pièces jointes du message affiché dans un dossier (Ctrl+Maj+S)</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>Cci</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>{header}: {value}</source>
        <translation>{header}&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Attachments: {names}</source>
        <translation>Pièces jointes&#xa0;: {names}</translation>
    </message>
    <message>
        <source>{what} works on a sent message: press Ctrl+3, select it, then {keys}</source>
        <translation>{what} s&apos;applique à un message envoyé&#xa0;: appuyez sur Ctrl+3, sélectionnez-le, puis {keys}</translation>
    </message>
    <message>
        <source>Select a message first (and wait for its preview); {keys} then opens it in Compose</source>
        <translation>Sélectionnez d&apos;abord un message (et attendez son aperçu)&#xa0;; {keys} l&apos;ouvre ensuite dans Rédiger</translation>
    </message>
    <message>
        <source>Attachments are saved from the Sent preview: press Ctrl+3, select a message, then Ctrl+Shift+S</source>
        <translation>Les pièces jointes s&apos;enregistrent depuis l&apos;aperçu d&apos;Éléments envoyés&#xa0;: appuyez sur Ctrl+3, sélectionnez un message, puis Ctrl+Maj+S</translation>
    </message>
    <message>
        <source>Nothing to save: the previewed message has no attachments</source>
        <translation>Rien à enregistrer&#xa0;: le message affiché n&apos;a pas de pièce jointe</translation>
    </message>
    <message>
        <source>Select a message first; its attachments are saved from the preview</source>
        <translation>Sélectionnez d&apos;abord un message&#xa0;; ses pièces jointes s&apos;enregistrent depuis l&apos;aperçu</translation>
    </message>
    <message>
        <source>{who}: not delivered{code}. {what} {fix}</source>
        <translation>{who}&#xa0;: non remis{code}. {what} {fix}</translation>
    </message>
    <message>
        <source>{who}: {state}</source>
        <translation>{who}&#xa0;: {state}</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Remise</translation>
    </message>
    <message>
        <source>Resend to those that failed</source>
        <translation>Renvoyer aux non-atteints</translation>
    </message>
    <message>
        <source>Remove from suggestions</source>
        <translation>Retirer des suggestions</translation>
    </message>
</context>
<context>
    <name>SpokenDate</name>
    <message>
        <source>{day} at {time}</source>
        <translation>{day} à {time}</translation>
    </message>
</context>
</TS>
