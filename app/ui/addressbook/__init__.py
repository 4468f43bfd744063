"""The address book dialog (Ctrl+Shift+B from Compose): the organisation's directory searched by keys, its
entries added to To, Cc or Bcc, a group's members shown and a group expanded in a field."""
