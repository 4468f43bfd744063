"""The one window: its frame, menus and keys, sidebar, banner, status bar, theme and the workflows that wire features together."""
