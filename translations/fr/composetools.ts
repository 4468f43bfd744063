<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AttachmentSaver</name>
    <message>
        <source>Save attachments to folder</source>
        <translation>Enregistrer les pièces jointes dans un dossier</translation>
    </message>
    <message>
        <source>Save here</source>
        <translation>Enregistrer ici</translation>
    </message>
    <message>
        <source>Could not save the attachments in {folder}: {reason}</source>
        <translation>Impossible d&apos;enregistrer les pièces jointes dans {folder}&#xa0;: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n attachment(s) to {folder}: {names}</source>
        <translation>
            <numerusform>%n pièce jointe enregistrée dans {folder}&#xa0;: {names}</numerusform>
            <numerusform>%n pièces jointes enregistrées dans {folder}&#xa0;: {names}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>It was not inserted.</source>
        <translation>Elle n&apos;a pas été insérée.</translation>
    </message>
    <message>
        <source>It was not attached.</source>
        <translation>Il n&apos;a pas été joint.</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not a file.</source>
        <translation>«&#xa0;{name}&#xa0;» est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>“{name}” is not an ordinary file (a pipe or a device).</source>
        <translation>«&#xa0;{name}&#xa0;» n&apos;est pas un fichier ordinaire (un tube ou un périphérique).</translation>
    </message>
    <message>
        <source>“{name}” is {size}; the server accepts at most {limit} per message.</source>
        <translation>«&#xa0;{name}&#xa0;» fait {size}&#xa0;; le serveur accepte au plus {limit} par message.</translation>
    </message>
    <message>
        <source>“{name}” could not be read: the file no longer exists (it was moved or deleted).</source>
        <translation>Impossible de lire «&#xa0;{name}&#xa0;»&#xa0;: le fichier n&apos;existe plus (il a été déplacé ou supprimé).</translation>
    </message>
    <message>
        <source>“{name}” could not be read ({reason}).</source>
        <translation>Impossible de lire «&#xa0;{name}&#xa0;» ({reason}).</translation>
    </message>
    <message>
        <source>“{path}” is in a folder of keys (~/.ssh, ~/.gnupg or the keyring): never attached from a link.</source>
        <translation>«&#xa0;{path}&#xa0;» est dans un dossier de clés (~/.ssh, ~/.gnupg ou le trousseau)&#xa0;: jamais joint depuis un lien.</translation>
    </message>
    <message>
        <source>“{path}” is in Dispatch&apos;s own folders (its settings and data): never attached from a link.</source>
        <translation>«&#xa0;{path}&#xa0;» est dans les dossiers de Dispatch (ses réglages et ses données)&#xa0;: jamais joint depuis un lien.</translation>
    </message>
    <message>
        <source>“{path}” is a hidden file or in a hidden folder: never attached from a link.</source>
        <translation>«&#xa0;{path}&#xa0;» est un fichier caché ou dans un dossier caché&#xa0;: jamais joint depuis un lien.</translation>
    </message>
    <message>
        <source>“{path}” is a system file (a device or a process&apos;s file): never attached.</source>
        <translation>«&#xa0;{path}&#xa0;» est un fichier du système (un périphérique ou un fichier de processus)&#xa0;: jamais joint.</translation>
    </message>
    <message>
        <source>“{path}” is a folder, not a file.</source>
        <translation>«&#xa0;{path}&#xa0;» est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>“{path}” is not an ordinary file (a pipe or a device).</source>
        <translation>«&#xa0;{path}&#xa0;» n’est pas un fichier ordinaire (un tube ou un périphérique).</translation>
    </message>
    <message>
        <source>“{path}” does not exist.</source>
        <translation>«&#xa0;{path}&#xa0;» n’existe pas.</translation>
    </message>
    <message>
        <source>“{name}” ({size}) was not inserted: the attachments would total {files}, about {total} as sent (files grow by a third on the way); the server accepts at most {limit} per message.</source>
        <translation>«&#xa0;{name}&#xa0;» ({size}) n&apos;a pas été inséré&#xa0;: les pièces jointes totaliseraient {files}, soit environ {total} à l&apos;envoi (les fichiers grossissent d&apos;un tiers en route)&#xa0;; le serveur accepte au plus {limit} par message.</translation>
    </message>
    <message>
        <source>“{name}” ({size}) was not attached: the attachments would total {files}, about {total} as sent (files grow by a third on the way); the server accepts at most {limit} per message.</source>
        <translation>«&#xa0;{name}&#xa0;» ({size}) n&apos;a pas été joint&#xa0;: les pièces jointes totaliseraient {files}, soit environ {total} à l&apos;envoi (les fichiers grossissent d&apos;un tiers en route)&#xa0;; le serveur accepte au plus {limit} par message.</translation>
    </message>
    <message>
        <source>“{name}” as “{clean}”</source>
        <translation>«&#xa0;{name}&#xa0;» sous le nom «&#xa0;{clean}&#xa0;»</translation>
    </message>
    <message>
        <source>Attached {what}: attachment names cannot contain folder separators (/ or \) or control characters.</source>
        <translation>Pièces jointes ajoutées&#xa0;: {what}. Le nom d&apos;une pièce jointe ne peut contenir ni séparateur de dossier (/ ou \) ni caractère de contrôle.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>Attachment error</source>
        <translation>Erreur de pièce jointe</translation>
    </message>
    <message>
        <source>Attachment note</source>
        <translation>Remarque sur les pièces jointes</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Supprimer la pièce jointe</translation>
    </message>
    <message>
        <source>“{name}” is no longer attached: its file was moved or deleted after you attached it. Attach it again if you need it.</source>
        <translation>«&#xa0;{name}&#xa0;» n&apos;est plus joint&#xa0;: son fichier a été déplacé ou supprimé après que vous l&apos;avez joint. Joignez-le de nouveau si vous en avez besoin.</translation>
    </message>
    <message>
        <source>Drop files here or press Ctrl+Shift+A to attach</source>
        <translation>Déposez des fichiers ici ou appuyez sur Ctrl+Maj+A pour les joindre</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
</context>
<context>
    <name>EmlAsIs</name>
    <message>
        <source>This file is from {sender}: the server refuses it unless this account may send as, or on behalf of, that mailbox.</source>
        <translation>Ce fichier vient de {sender}&#xa0;: le serveur le refuse, sauf si ce compte peut envoyer en tant que cette boîte aux lettres ou de sa part.</translation>
    </message>
    <message>
        <source>This file has no Message-ID: Dispatch adds one as its first line — the only change made to it — so that the send can be confirmed exactly once.</source>
        <translation>Ce fichier n&apos;a pas de Message-ID&#xa0;: Dispatch en ajoute un en première ligne (la seule modification apportée) afin que l&apos;envoi puisse être confirmé une seule fois.</translation>
    </message>
    <message>
        <source>Already sent: this message (its Message-ID) is in Sent Items. The Outbox never sends a message twice, so there is nothing to send.</source>
        <translation>Déjà envoyé&#xa0;: ce message (son Message-ID) se trouve dans les Éléments envoyés. La Boîte d&apos;envoi n&apos;envoie jamais un message deux fois&#xa0;; il n&apos;y a donc rien à envoyer.</translation>
    </message>
    <message>
        <source>Already sent on {date} at {time}: this message (its Message-ID) is in Sent Items. The Outbox never sends a message twice, so there is nothing to send.</source>
        <translation>Déjà envoyé le {date} à {time}&#xa0;: ce message (son Message-ID) se trouve dans les Éléments envoyés. La Boîte d&apos;envoi n&apos;envoie jamais un message deux fois&#xa0;; il n&apos;y a donc rien à envoyer.</translation>
    </message>
    <message>
        <source>Sent Items could not be checked ({why}). If this message was sent before, the Outbox finds it there and does not send it again.</source>
        <translation>Impossible de vérifier les Éléments envoyés ({why}). Si ce message a déjà été envoyé, la Boîte d&apos;envoi l&apos;y trouvera et ne l&apos;enverra pas de nouveau.</translation>
    </message>
    <message>
        <source>From: {value}</source>
        <translation>De&#xa0;: {value}</translation>
    </message>
    <message>
        <source>To: {value}</source>
        <translation>À&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Cc: {value}</source>
        <translation>Cc&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Bcc: {value}</source>
        <translation>Cci&#xa0;: {value}</translation>
    </message>
    <message>
        <source>Subject: {value}</source>
        <translation>Objet&#xa0;: {value}</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>{name} was already sent</source>
        <translation>{name} a déjà été envoyé</translation>
    </message>
    <message>
        <source>Send {name} as it is</source>
        <translation>Envoyer {name} tel quel</translation>
    </message>
    <message>
        <source>Send .eml file as it is</source>
        <translation>Envoyer un fichier .eml tel quel</translation>
    </message>
    <message>
        <source>“{name}” will be sent exactly as the file holds it, from the account&apos;s mailbox; a copy goes to Sent Items.</source>
        <translation>«&#xa0;{name}&#xa0;» sera envoyé exactement tel que le fichier le contient, depuis la boîte aux lettres du compte&#xa0;; une copie est placée dans les Éléments envoyés.</translation>
    </message>
    <message>
        <source>Already sent</source>
        <translation>Déjà envoyé</translation>
    </message>
    <message>
        <source>The file&apos;s message (read-only)</source>
        <translation>Le message du fichier (lecture seule)</translation>
    </message>
    <message>
        <source>Attachments: {names}</source>
        <translation>Pièces jointes&#xa0;: {names}</translation>
    </message>
    <message>
        <source>No attachments</source>
        <translation>Aucune pièce jointe</translation>
    </message>
    <message>
        <source>&amp;Send as it is</source>
        <translation>&amp;Envoyer tel quel</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Ouverture de {name}…</translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation>Impossible d&apos;ouvrir {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Not sent: {name}: {reason}</source>
        <translation>Non envoyé&#xa0;: {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Sending {name} as it is: its progress is in the Outbox (Ctrl+4)</source>
        <translation>Envoi de {name} tel quel&#xa0;: suivez sa progression dans la Boîte d&apos;envoi (Ctrl+4)</translation>
    </message>
    <message>
        <source>Not sent: {name}</source>
        <translation>Non envoyé&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Already sent: {name}</source>
        <translation>Déjà envoyé&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Already sent on {date} at {time}: {name}</source>
        <translation>Déjà envoyé le {date} à {time}&#xa0;: {name}</translation>
    </message>
    <message>
        <source>no answer from the server</source>
        <translation>pas de réponse du serveur</translation>
    </message>
</context>
<context>
    <name>EmlFiles</name>
    <message>
        <source>Mail messages (*.eml)</source>
        <translation>Messages électroniques (*.eml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Open .eml file…</source>
        <translation>&amp;Ouvrir un fichier .eml…</translation>
    </message>
    <message>
        <source>Send .&amp;eml file as it is…</source>
        <translation>Envoyer un fichier .eml te&amp;l quel…</translation>
    </message>
    <message>
        <source>Save as .e&amp;ml file…</source>
        <translation>Enregistrer en tant que fichier .e&amp;ml…</translation>
    </message>
    <message>
        <source>Open .eml file</source>
        <translation>Ouvrir un fichier .eml</translation>
    </message>
    <message>
        <source>Set up an account first (Ctrl+,): a message opens as a draft of the account</source>
        <translation>Configurez d&apos;abord un compte (Ctrl+,)&#xa0;: un message s&apos;ouvre comme brouillon du compte</translation>
    </message>
    <message>
        <source>Send .eml file as it is</source>
        <translation>Envoyer un fichier .eml tel quel</translation>
    </message>
    <message>
        <source>Set up an account first (Ctrl+,): a file is sent from the account&apos;s mailbox</source>
        <translation>Configurez d&apos;abord un compte (Ctrl+,)&#xa0;: un fichier est envoyé depuis la boîte aux lettres du compte</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Ouverture de {name}…</translation>
    </message>
    <message>
        <source>Could not open {name}: {reason}</source>
        <translation>Impossible d&apos;ouvrir {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Opened {name} as a new message: Ctrl+S saves it to Drafts. {notes}</source>
        <translation>{name} ouvert comme nouveau message&#xa0;: Ctrl+S l&apos;enregistre dans les Brouillons. {notes}</translation>
    </message>
    <message>
        <source>Opened {name} as a new message: Ctrl+S saves it to Drafts</source>
        <translation>{name} ouvert comme nouveau message&#xa0;: Ctrl+S l&apos;enregistre dans les Brouillons</translation>
    </message>
    <message>
        <source>Set up an account first (Ctrl+,)</source>
        <translation>Configurez d&apos;abord un compte (Ctrl+,)</translation>
    </message>
    <message>
        <source>Save as .eml file</source>
        <translation>Enregistrer en tant que fichier .eml</translation>
    </message>
    <message>
        <source>Nothing to save: Compose is empty</source>
        <translation>Rien à enregistrer&#xa0;: la vue Rédiger est vide</translation>
    </message>
    <message>
        <source>Select a message in Drafts first, then Ctrl+Shift+E</source>
        <translation>Sélectionnez d&apos;abord un message dans les Brouillons, puis Ctrl+Maj+E</translation>
    </message>
    <message>
        <source>Select a message in Sent first, then Ctrl+Shift+E</source>
        <translation>Sélectionnez d&apos;abord un message dans les Éléments envoyés, puis Ctrl+Maj+E</translation>
    </message>
    <message>
        <source>Save as .eml: open a message in Compose, or select one in Drafts or Sent</source>
        <translation>Enregistrer en .eml&#xa0;: ouvrez un message dans Rédiger, ou sélectionnez-en un dans les Brouillons ou les Éléments envoyés</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Enregistrement de {name}…</translation>
    </message>
    <message>
        <source>Could not save {name}: the message could not be fetched: {reason}</source>
        <translation>Impossible d&apos;enregistrer {name}&#xa0;: le message n&apos;a pas pu être récupéré&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation>Impossible d&apos;enregistrer {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Enregistré sous {path}</translation>
    </message>
    <message>
        <source>Open or attach?</source>
        <translation>Ouvrir ou joindre&#xa0;?</translation>
    </message>
    <message>
        <source>“{name}” is a saved e-mail message. Open it as a new draft, or attach it to this message?</source>
        <translation>«&#xa0;{name}&#xa0;» est un message électronique enregistré. L&apos;ouvrir comme nouveau brouillon, ou le joindre à ce message&#xa0;?</translation>
    </message>
    <message>
        <source>Open or attach the dropped message</source>
        <translation>Ouvrir ou joindre le message déposé</translation>
    </message>
    <message>
        <source>&amp;Open as a new draft</source>
        <translation>&amp;Ouvrir comme nouveau brouillon</translation>
    </message>
    <message>
        <source>&amp;Attach to this message</source>
        <translation>&amp;Joindre à ce message</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>Find in message</source>
        <translation>Rechercher dans le message</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Rechercher&#xa0;:</translation>
    </message>
    <message>
        <source>Find text</source>
        <translation>Texte à rechercher</translation>
    </message>
    <message>
        <source>Text to find — Enter: next, Shift+Enter: previous, Esc: close</source>
        <translation>Texte à rechercher — Entrée&#xa0;: suivant, Maj+Entrée&#xa0;: précédent, Échap&#xa0;: fermer</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Rechercher le suivant</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Rechercher le précédent</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <source>Find result</source>
        <translation>Résultat de la recherche</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>Found: {text}</source>
        <translation>Trouvé&#xa0;: {text}</translation>
    </message>
</context>
<context>
    <name>InlineImages</name>
    <message>
        <source>Insert image</source>
        <translation>Insérer une image</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>“{name}” is not a picture this app can show.</source>
        <translation>«&#xa0;{name}&#xa0;» n&apos;est pas une image que cette application peut afficher.</translation>
    </message>
</context>
<context>
    <name>MoreOptions</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Personal</source>
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
        <source>More options</source>
        <translation>Plus d&apos;options</translation>
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
        <source>Categories, separated by commas</source>
        <translation>Catégories, séparées par des virgules</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>En-têtes</translation>
    </message>
</context>
<context>
    <name>Spelling</name>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Spelling su&amp;ggestions</source>
        <translation>Su&amp;ggestions d&apos;orthographe</translation>
    </message>
    <message>
        <source>Spelling &amp;language…</source>
        <translation>&amp;Langue de vérification…</translation>
    </message>
    <message>
        <source>Spelling &amp;language: {language}…</source>
        <translation>&amp;Langue de vérification&#xa0;: {language}…</translation>
    </message>
    <message>
        <source>Spelling suggestions</source>
        <translation>Suggestions d&apos;orthographe</translation>
    </message>
    <message>
        <source>Spell check in {language}</source>
        <translation>Vérification de l&apos;orthographe en {language}</translation>
    </message>
    <message>
        <source>Spelling suggestions work in the message body (Compose: Ctrl+1, then Tab to the body)</source>
        <translation>Les suggestions d&apos;orthographe fonctionnent dans le corps du message (Rédiger&#xa0;: Ctrl+1, puis Tab jusqu&apos;au corps)</translation>
    </message>
    <message>
        <source>Spell check is off (Ctrl+Shift+F7 chooses a language)</source>
        <translation>La vérification de l&apos;orthographe est désactivée (Ctrl+Maj+F7 pour choisir une langue)</translation>
    </message>
    <message>
        <source>No misspelt word at or before the cursor</source>
        <translation>Aucune faute d&apos;orthographe à la position du curseur ni avant</translation>
    </message>
    <message>
        <source>Spelling suggestions for “{word}”</source>
        <translation>Suggestions d&apos;orthographe pour «&#xa0;{word}&#xa0;»</translation>
    </message>
    <message>
        <source>Looking up suggestions for “{word}”…</source>
        <translation>Recherche de suggestions pour «&#xa0;{word}&#xa0;»…</translation>
    </message>
    <message>
        <source>&amp;Add “{word}” to dictionary</source>
        <translation>Ajouter «&#xa0;{word}&#xa0;» au &amp;dictionnaire</translation>
    </message>
    <message>
        <source>&amp;Ignore “{word}”</source>
        <translation>&amp;Ignorer «&#xa0;{word}&#xa0;»</translation>
    </message>
    <message>
        <source>No suggestions for “{word}”</source>
        <translation>Aucune suggestion pour «&#xa0;{word}&#xa0;»</translation>
    </message>
    <message>
        <source>“{word}” could not be added</source>
        <translation>Impossible d&apos;ajouter «&#xa0;{word}&#xa0;»</translation>
    </message>
    <message>
        <source>Spelling language</source>
        <translation>Langue de vérification</translation>
    </message>
    <message>
        <source>Spell check off</source>
        <translation>Vérification de l&apos;orthographe désactivée</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Snippets</source>
        <translation>Textes rapides</translation>
    </message>
    <message>
        <source>&amp;Add snippet</source>
        <translation>&amp;Ajouter un texte rapide</translation>
    </message>
    <message>
        <source>&amp;Delete snippet</source>
        <translation>&amp;Supprimer le texte rapide</translation>
    </message>
    <message>
        <source>Snippet name</source>
        <translation>Nom du texte rapide</translation>
    </message>
    <message>
        <source>Snippet text</source>
        <translation>Contenu du texte rapide</translation>
    </message>
    <message>
        <source>New snippet {n}</source>
        <translation>Nouveau texte rapide {n}</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>&amp;Add signature</source>
        <translation>&amp;Ajouter une signature</translation>
    </message>
    <message>
        <source>&amp;Delete signature</source>
        <translation>&amp;Supprimer la signature</translation>
    </message>
    <message>
        <source>Signature name</source>
        <translation>Nom de la signature</translation>
    </message>
    <message>
        <source>Signature text</source>
        <translation>Texte de la signature</translation>
    </message>
    <message>
        <source>New signature {n}</source>
        <translation>Nouvelle signature {n}</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>Trigger word</source>
        <translation>Mot déclencheur</translation>
    </message>
    <message>
        <source>a word; type it in the message, then Tab</source>
        <translation>un mot&#xa0;: tapez-le dans le message, puis Tab</translation>
    </message>
    <message>
        <source>&amp;Trigger</source>
        <translation>Mot dé&amp;clencheur</translation>
    </message>
    <message>
        <source>&amp;Rich text</source>
        <translation>Texte mis en &amp;forme</translation>
    </message>
    <message>
        <source>Te&amp;xt</source>
        <translation>Te&amp;xte</translation>
    </message>
    <message>
        <source>Use for ne&amp;w messages</source>
        <translation>Utiliser pour les nouveaux &amp;messages</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>A signature holds one picture: delete the one it has to paste another.</source>
        <translation>Une signature contient une seule image&#xa0;: supprimez celle qu&apos;elle contient pour en coller une autre.</translation>
    </message>
    <message>
        <source>The picture is {size}; a signature has room for {room} of picture. Use a smaller one.</source>
        <translation>L&apos;image fait {size}&#xa0;; une signature peut contenir {room} d&apos;image. Utilisez une image plus petite.</translation>
    </message>
    <message>
        <source>Snippets and signatures</source>
        <translation>Textes rapides et signatures</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>as {my_name} puts it in a snippet</source>
        <translation>tel que {my_name} l&apos;insère dans un texte rapide</translation>
    </message>
    <message>
        <source>Your na&amp;me</source>
        <translation>&amp;Votre nom</translation>
    </message>
    <message>
        <source>Sn&amp;ippets</source>
        <translation>Textes ra&amp;pides</translation>
    </message>
    <message>
        <source>Si&amp;gnatures</source>
        <translation>Si&amp;gnatures</translation>
    </message>
    <message>
        <source>Placeholders: {names}. Ctrl+Tab: next tab. Signatures are {account}&apos;s.</source>
        <translation>Espaces réservés&#xa0;: {names}. Ctrl+Tab&#xa0;: onglet suivant. Les signatures sont celles de {account}.</translation>
    </message>
    <message>
        <source>Placeholders: {names}. Ctrl+Tab: next tab.</source>
        <translation>Espaces réservés&#xa0;: {names}. Ctrl+Tab&#xa0;: onglet suivant.</translation>
    </message>
    <message>
        <source>Snippets error</source>
        <translation>Erreur des textes rapides</translation>
    </message>
    <message>
        <source>Every signature needs a name.</source>
        <translation>Chaque signature doit avoir un nom.</translation>
    </message>
    <message>
        <source>Two signatures have the same name.</source>
        <translation>Deux signatures portent le même nom.</translation>
    </message>
</context>
</TS>
