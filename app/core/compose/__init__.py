"""What the user writes is kept, whatever happens: debounced autosave into the local journal (:mod:`.autosave`),
crash recovery of what was being written (:mod:`.recovery`), a chunked mirror of the editor's text
(:mod:`.text_mirror`), spell checking on its own thread (:mod:`.spelling`) and ``.eml`` files read and written off
the loop's thread (:mod:`.eml_files`).
"""
