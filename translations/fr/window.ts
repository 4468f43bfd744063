<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Banner</name>
    <message>
        <source>Notification banner</source>
        <translation>Bannière de notification</translation>
    </message>
    <message>
        <source>Banner message</source>
        <translation>Message de la bannière</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Dismiss banner</source>
        <translation>Fermer la bannière</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
</context>
<context>
    <name>DefaultMail</name>
    <message>
        <source>Ma&amp;ke Dispatch the default mail program</source>
        <translation>&amp;Faire de Dispatch le programme de messagerie par défaut</translation>
    </message>
    <message>
        <source>The desktop did not make Dispatch its mail program ({why})</source>
        <translation>Le bureau n’a pas fait de Dispatch son programme de messagerie ({why})</translation>
    </message>
    <message>
        <source>Dispatch is now the desktop&apos;s mail program: mailto: links open here</source>
        <translation>Dispatch est désormais le programme de messagerie du bureau&#x202f;: les liens mailto: s’ouvrent ici</translation>
    </message>
    <message>
        <source>Dispatch is the default mail program</source>
        <translation>Dispatch est le programme de messagerie par défaut</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;System&apos;s language</source>
        <translation>Langue du &amp;système</translation>
    </message>
    <message>
        <source>Language: {name}. It applies the next time Dispatch starts.</source>
        <translation>Langue&#xa0;: {name}. Elle s&apos;appliquera au prochain démarrage de Dispatch.</translation>
    </message>
    <message>
        <source>Language: the system&apos;s ({name}). It applies the next time Dispatch starts.</source>
        <translation>Langue&#xa0;: celle du système ({name}). Elle s&apos;appliquera au prochain démarrage de Dispatch.</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;New message</source>
        <translation>&amp;Nouveau message</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Sen&amp;d</source>
        <translation>En&amp;voyer</translation>
    </message>
    <message>
        <source>Send se&amp;lected drafts</source>
        <translation>Envoyer les brouillons sé&amp;lectionnés</translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>&amp;Joindre des fichiers…</translation>
    </message>
    <message>
        <source>Insert &amp;image…</source>
        <translation>Insérer une &amp;image…</translation>
    </message>
    <message>
        <source>Dis&amp;card message (with Undo)</source>
        <translation>A&amp;bandonner le message (avec annulation)</translation>
    </message>
    <message>
        <source>&amp;Compose</source>
        <translation>&amp;Rédiger</translation>
    </message>
    <message>
        <source>&amp;Drafts</source>
        <translation>&amp;Brouillons</translation>
    </message>
    <message>
        <source>S&amp;ent</source>
        <translation>Éléments &amp;envoyés</translation>
    </message>
    <message>
        <source>More &amp;options in Compose</source>
        <translation>Plus d&apos;&amp;options dans Rédiger</translation>
    </message>
    <message>
        <source>Choose who it is &amp;from</source>
        <translation>Choisir l&apos;e&amp;xpéditeur</translation>
    </message>
    <message>
        <source>Mailboxes you send &amp;from…</source>
        <translation>Boîtes aux lettres d&apos;e&amp;xpédition…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualiser</translation>
    </message>
    <message>
        <source>Accoun&amp;t settings…</source>
        <translation>Paramètres du &amp;compte…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
    <message>
        <source>A keyboard-driven mail composer for Microsoft Exchange.
Press {keys} for the keyboard shortcuts.</source>
        <translation>Un éditeur de messages piloté au clavier pour Microsoft Exchange.
Appuyez sur {keys} pour afficher les raccourcis clavier.</translation>
    </message>
    <message>
        <source>Find works in the message: in Compose or in the Sent preview ({keys})</source>
        <translation>La recherche porte sur le message&#xa0;: dans Rédiger ou dans l&apos;aperçu des Éléments envoyés ({keys})</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>Paste as plain te&amp;xt</source>
        <translation>Coller en te&amp;xte brut</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Tout &amp;sélectionner</translation>
    </message>
    <message>
        <source>&amp;Find in message…</source>
        <translation>Rec&amp;hercher dans le message…</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>À &amp;propos de {app}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>the menu bar&apos;s menus: the window&apos;s code names each by its English title (``win.menus[&quot;&amp;File&quot;]``), the user reads it in their language (context &quot;Menu&quot;)</extracomment>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>&amp;Palette de commandes…</translation>
    </message>
    <message>
        <source>Sni&amp;ppets and signatures…</source>
        <translation>Textes &amp;rapides et signatures…</translation>
    </message>
    <message>
        <source>Switch si&amp;gnature</source>
        <translation>Changer de &amp;signature</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Go to {view}</source>
        <translation>Aller à {view}</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Open draft: {subject} — to {to}</source>
        <translation>Ouvrir le brouillon&#xa0;: {subject} — à {to}</translation>
    </message>
    <message>
        <source>Open draft: {subject}</source>
        <translation>Ouvrir le brouillon&#xa0;: {subject}</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Palette de commandes</translation>
    </message>
    <message>
        <source>Command palette search</source>
        <translation>Recherche dans la palette de commandes</translation>
    </message>
    <message>
        <source>Type a command, a view, a draft or a snippet…</source>
        <translation>Tapez une commande, un affichage, un brouillon ou un texte rapide…</translation>
    </message>
    <message>
        <source>Command palette results</source>
        <translation>Résultats de la palette de commandes</translation>
    </message>
    <message>
        <source>No command matches</source>
        <translation>Aucune commande ne correspond</translation>
    </message>
    <message>
        <source>Enter: run   ↑↓: move   Esc: close</source>
        <translation>Entrée&#xa0;: exécuter   ↑↓&#xa0;: se déplacer   Échap&#xa0;: fermer</translation>
    </message>
    <message>
        <source>No command matches “{text}”</source>
        <translation>Aucune commande ne correspond à «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>No command</source>
        <translation>Aucune commande</translation>
    </message>
    <message>
        <source>{row} of {count}</source>
        <translation>{row} sur {count}</translation>
    </message>
</context>
<context>
    <name>Power</name>
    <message>
        <source>Signature: {name}</source>
        <translation>Signature&#xa0;: {name}</translation>
    </message>
    <message>
        <source>No signature</source>
        <translation>Aucune signature</translation>
    </message>
    <message>
        <source>No signatures for this account yet: {keys} adds one</source>
        <translation>Aucune signature pour ce compte pour l&apos;instant&#xa0;: {keys} en ajoute une</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Texte rapide</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Insert snippet: {name}</source>
        <translation>Insérer le texte rapide&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Signature: none</source>
        <translation>Signature&#xa0;: aucune</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Compose</source>
        <extracomment>The keys that are not a command of a menu: they act where the keyboard is (a suggestion list, a bar, a dialog). The F1 sheet lists them with the menus&apos; commands (app/ui/window/shortcuts.py), so every key the window answers to is on it. (group, what it does, the keys in QKeySequence&apos;s words, one per choice; the group and the words are translated where shown, context &quot;Shortcuts&quot;)</extracomment>
        <translation>Rédiger</translation>
    </message>
    <message>
        <source>Recipient suggestion: take it, stay in the field</source>
        <translation>Suggestion de destinataire&#xa0;: la retenir et rester dans le champ</translation>
    </message>
    <message>
        <source>Recipient suggestion: take it, go to the next field</source>
        <translation>Suggestion de destinataire&#xa0;: la retenir et passer au champ suivant</translation>
    </message>
    <message>
        <source>Snippet: its trigger word, then Tab</source>
        <translation>Texte rapide&#xa0;: son mot déclencheur, puis Tab</translation>
    </message>
    <message>
        <source>Link field: apply / cancel</source>
        <translation>Champ du lien&#xa0;: appliquer / annuler</translation>
    </message>
    <message>
        <source>Undo send, delete or discard (while its bar shows)</source>
        <translation>Annuler l&apos;envoi, la suppression ou l&apos;abandon (tant que sa barre est affichée)</translation>
    </message>
    <message>
        <source>Send later</source>
        <translation>Envoyer plus tard</translation>
    </message>
    <message>
        <source>Tomorrow morning / Monday morning</source>
        <translation>Demain matin / lundi matin</translation>
    </message>
    <message>
        <source>At: a time you type, Enter schedules</source>
        <translation>À&#xa0;: une heure que vous tapez, Entrée planifie l&apos;envoi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <source>First / last row</source>
        <translation>Première / dernière ligne</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>Étendre la sélection</translation>
    </message>
    <message>
        <source>Select or unselect a row</source>
        <translation>Sélectionner ou désélectionner une ligne</translation>
    </message>
    <message>
        <source>Find in message</source>
        <translation>Rechercher dans le message</translation>
    </message>
    <message>
        <source>Next / previous match, close</source>
        <translation>Occurrence suivante / précédente, fermer</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Palette de commandes</translation>
    </message>
    <message>
        <source>Move, run, close</source>
        <translation>Se déplacer, exécuter, fermer</translation>
    </message>
    <message>
        <source>Mailboxes you send from</source>
        <translation>Boîtes aux lettres d&apos;expédition</translation>
    </message>
    <message>
        <source>Add the typed mailbox / remove the selected one</source>
        <translation>Ajouter la boîte aux lettres tapée / supprimer celle sélectionnée</translation>
    </message>
    <message>
        <source>Sent copy: its Sent Items or yours</source>
        <translation>Copie envoyée&#xa0;: dans ses Éléments envoyés ou dans les vôtres</translation>
    </message>
    <message>
        <source>Dialogs</source>
        <translation>Boîtes de dialogue</translation>
    </message>
    <message>
        <source>Run the dialog&apos;s main action from any field</source>
        <translation>Exécuter l&apos;action principale de la boîte de dialogue depuis n&apos;importe quel champ</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Comma</source>
        <extracomment>punctuation keys by name (a list of keys is comma-separated); translated where shown</extracomment>
        <translation>Virgule</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Point-virgule</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Filtrer les raccourcis</translation>
    </message>
    <message>
        <source>Type to filter: a command, a key (ctrl+shift), a group…</source>
        <translation>Tapez pour filtrer&#xa0;: une commande, une touche (ctrl+maj), un groupe…</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Effacer le filtre</translation>
    </message>
    <message>
        <source>Shortcut list</source>
        <translation>Liste des raccourcis</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>Spoken</name>
    <message>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <source>{words}. {moved_to}.</source>
        <translation>{words}. {moved_to}.</translation>
    </message>
</context>
<context>
    <name>StartLink</name>
    <message numerus="yes">
        <source>A new message from a link: it names %n file(s) to attach. A file is attached only if you choose to: see the list under the message.</source>
        <translation>
            <numerusform>Un nouveau message depuis un lien&#xa0;: il nomme %n fichier à joindre. Il n’est joint que si vous le choisissez&#xa0;: voyez la liste sous le message.</numerusform>
            <numerusform>Un nouveau message depuis un lien&#xa0;: il nomme %n fichiers à joindre. Un fichier n’est joint que si vous le choisissez&#xa0;: voyez la liste sous le message.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dispatch opens mailto: links and .eml files, not “{link}”.</source>
        <translation>Dispatch ouvre les liens mailto: et les fichiers .eml, pas «&#xa0;{link}&#xa0;».</translation>
    </message>
    <message>
        <source>A new message from a link: read it before you send it</source>
        <translation>Un nouveau message venu d’un lien&#x202f;: relisez-le avant de l’envoyer</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>No account</source>
        <translation>Aucun compte</translation>
    </message>
    <message>
        <source>{address}  ·  sandbox mailbox</source>
        <translation>{address}  ·  boîte de test</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors connexion</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Connection state colour</source>
        <translation>Couleur de l&apos;état de la connexion</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Occupé</translation>
    </message>
    <message>
        <source>Local journal</source>
        <translation>Journal local</translation>
    </message>
    <message>
        <source>Settings file</source>
        <translation>Fichier de paramètres</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Needs sign-in</source>
        <translation>Connexion requise</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;System</source>
        <extracomment>(choice, its words: translated where shown, context &quot;Theme&quot;)</extracomment>
        <translation>&amp;Système</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>S&amp;ombre</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>light</source>
        <translation>clair</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>sombre</translation>
    </message>
    <message>
        <source>Theme: as the system ({scheme})</source>
        <translation>Thème&#xa0;: celui du système ({scheme})</translation>
    </message>
    <message>
        <source>Theme: {name}</source>
        <translation>Thème&#xa0;: {name}</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Compose</source>
        <extracomment>the sidebar&apos;s first views: (name, label translated where shown, context &quot;Views&quot;: the page&apos;s own name, &quot;Éléments envoyés&quot; as its title and the View menu say; the sidebar widens for it, app.ui.window.sidebar_fit; its key)</extracomment>
        <translation>Rédiger</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Éléments envoyés</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>Application name</source>
        <translation>Nom de l&apos;application</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Affichages</translation>
    </message>
    <message>
        <source>{app} main window</source>
        <translation>Fenêtre principale de {app}</translation>
    </message>
    <message>
        <source>A message is still being sent. Quit when it is done, or keep the window open?</source>
        <translation>Un message est en cours d&apos;envoi. Quitter une fois l&apos;envoi terminé, ou garder la fenêtre ouverte&#xa0;?</translation>
    </message>
    <message>
        <source>this account</source>
        <translation>ce compte</translation>
    </message>
    <message>
        <source>Messages waiting to be sent</source>
        <translation>Messages en attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Quit when sent</source>
        <translation>Quitter après l&apos;envoi</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Keep open</source>
        <translation>Garder ouverte</translation>
    </message>
    <message>
        <source>Will quit when sending has finished…</source>
        <translation>Dispatch quittera une fois l&apos;envoi terminé…</translation>
    </message>
</context>
<context>
    <name>Workflows</name>
    <message>
        <source>Kept on this computer — not on server yet</source>
        <translation>Conservé sur cet ordinateur — pas encore sur le serveur</translation>
    </message>
    <message>
        <source>No connection: kept on this computer; saved to the server when it is back</source>
        <extracomment>Ctrl+S without a connection: where the draft is</extracomment>
        <translation>Pas de connexion&#xa0;: conservé sur cet ordinateur&#xa0;; enregistré sur le serveur dès son retour</translation>
    </message>
    <message>
        <source>The draft had been deleted on the server: saved as a new draft</source>
        <translation>Le brouillon avait été supprimé sur le serveur&#xa0;: enregistré comme nouveau brouillon</translation>
    </message>
    <message>
        <source>Not sent: it was taken out of the Outbox</source>
        <translation>Non envoyé&#xa0;: il a été retiré de la Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>The previous message was saved to Drafts</source>
        <translation>Le message précédent a été enregistré dans Brouillons</translation>
    </message>
    <message>
        <source>The previous message is kept on this computer until the server can be reached (see Outbox)</source>
        <translation>Le message précédent est conservé sur cet ordinateur jusqu&apos;à ce que le serveur soit joignable (voir Boîte d&apos;envoi)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>{server}: {error}</source>
        <translation>{server}&#xa0;: {error}</translation>
    </message>
    <message>
        <source>{error} (trying again in {seconds} s)</source>
        <translation>{error} (nouvelle tentative dans {seconds}&#xa0;s)</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>This message has errors: fix them (or clear it) first</source>
        <translation>Ce message contient des erreurs&#xa0;: corrigez-les d&apos;abord (ou effacez-le)</translation>
    </message>
    <message>
        <source>Saving the previous message to Drafts…</source>
        <translation>Enregistrement du message précédent dans Brouillons…</translation>
    </message>
    <message>
        <source>The previous message could not be saved to Drafts: {reason}</source>
        <translation>Impossible d&apos;enregistrer le message précédent dans Brouillons&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Saving the message in Compose to Drafts…</source>
        <translation>Enregistrement du message de Rédiger dans Brouillons…</translation>
    </message>
    <message>
        <source>The previous message could not be saved: {error}, and the copy on this computer could not be written: {reason}. It is back in Compose if Compose was empty.</source>
        <translation>Impossible d&apos;enregistrer le message précédent&#xa0;: {error}, et la copie sur cet ordinateur n&apos;a pas pu être écrite&#xa0;: {reason}. Il est de retour dans Rédiger si Rédiger était vide.</translation>
    </message>
    <message>
        <source>Saved to the server only</source>
        <translation>Enregistré sur le serveur uniquement</translation>
    </message>
    <message>
        <source>The previous message was saved to Drafts, but not on this computer: {reason}. {what_to_do}.</source>
        <translation>Le message précédent a été enregistré dans Brouillons, mais pas sur cet ordinateur&#xa0;: {reason}. {what_to_do}.</translation>
    </message>
    <message>
        <source>Nothing to save: Compose is empty</source>
        <translation>Rien à enregistrer&#xa0;: Rédiger est vide</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Saving draft…</source>
        <translation>Enregistrement du brouillon…</translation>
    </message>
    <message>
        <source>Could not save: {reason}</source>
        <translation>Impossible d&apos;enregistrer&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Not saved: {error}. The copy on this computer could not be written either: {reason}. {what_to_do}, then save again.</source>
        <translation>Non enregistré&#xa0;: {error}. La copie sur cet ordinateur n&apos;a pas pu être écrite non plus&#xa0;: {reason}. {what_to_do}, puis enregistrez à nouveau.</translation>
    </message>
    <message>
        <source>The draft was saved to the server, but the copy on this computer could not be written: {reason}. {what_to_do}: until then, what you type is only kept once saved to the server.</source>
        <translation>Le brouillon a été enregistré sur le serveur, mais la copie sur cet ordinateur n&apos;a pas pu être écrite&#xa0;: {reason}. {what_to_do}&#xa0;: d&apos;ici là, ce que vous tapez n&apos;est conservé qu&apos;une fois enregistré sur le serveur.</translation>
    </message>
    <message>
        <source>Press {keys} again to send this message</source>
        <translation>Appuyez de nouveau sur {keys} pour envoyer ce message</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>{not_done}: the message stays here. {why}</source>
        <translation>{not_done}&#xa0;: le message reste ici. {why}</translation>
    </message>
    <message>
        <source>{not_done}: {reason}</source>
        <translation>{not_done}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>Sent: {subject}</source>
        <translation>Envoyé&#xa0;: {subject}</translation>
    </message>
</context>
</TS>
