"""The program the kill -9 harness kills (tests/storage/test_kill_harness.py).

It edits a model as the window does: every edit is applied, journaled, then acknowledged
on stdout ("edit N": from then on it must survive a crash); every few edits it saves with
the journal's "saved" note and restarts the journal on the new file, and says "saved N".
The property ``n`` of the model holds the number of the last edit, so the harness can tell
which edits survived.

Two orders of Save: ``storage`` notes the save between the write and the replace
(``native.save``'s ``before_replace``); ``window`` does what the window's Save does: it
makes the bytes, notes their hash, then writes them (``native.save_bytes``) and restarts
the journal on those bytes, without reading the file back.

Usage: python -m tests.helpers.kill_child FOLDER SEED [storage|window]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from egov_modeler.model.commands import SetPropertyCommand
from egov_modeler.storage.journal import Journal, file_base, journal_path_for
from egov_modeler.storage.native import load, model_bytes, save, save_bytes
from egov_modeler.storage.templates import load_template

SAVE_EVERY = 4


def main(folder: str, seed: int, order: str = "storage") -> None:
    rng = random.Random(seed)
    document = Path(folder) / "gia-lai.egov"
    journals = Path(folder) / "journals"
    if document.exists():
        model = load(document)
    else:
        model = load_template("provincial")
        for index in range(300):  # a bigger file, so a kill often lands inside Save
            model.properties.append((f"padding {index}", "x" * 200))
        save(model, document)
    journal = Journal(journal_path_for(journals, str(document)), file_base(document),
                      document=str(document), fsync_interval=0.0)
    number = int(dict(model.properties).get("n", "0"))
    while True:
        number += 1
        command = SetPropertyCommand(model.id, "n", str(number))
        model.execute(command)
        journal.append("do", command)
        print(f"edit {number}", flush=True)
        if number % SAVE_EVERY == 0 or rng.random() < 0.1:
            if order == "window":
                written = file_base(document, model_bytes(model))
                journal.mark_saving(written["sha256"])
                save_bytes(written.raw, document)
            else:
                save(model, document, before_replace=journal.mark_saving)
                written = file_base(document)
            journal.close(delete=True)
            journal = Journal(journal_path_for(journals, str(document)), written,
                              document=str(document), fsync_interval=0.0)
            print(f"saved {number}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), *sys.argv[3:4])
