"""The address book as the window searches it: typed text to the server's answers, without Qt."""
