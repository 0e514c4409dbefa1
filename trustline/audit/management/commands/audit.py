"""`trustline audit verify | checkpoint | keygen`: check the hash chain, export a
signed checkpoint of it, make the key that signs checkpoints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trustline.audit import checkpoints
from trustline.audit.services import ChainBroken, verify


class Command(BaseCommand):
    help = "Check the audit trail's hash chain, or export and check signed checkpoints."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        check = actions.add_parser("verify", help="walk the chain; name the first bad event")
        check.add_argument("--checkpoint", type=Path, help="a checkpoint JSON file to compare")
        check.add_argument("--public-key", help="the key `audit keygen` printed, or its file")
        take = actions.add_parser("checkpoint", help="print or write a signed checkpoint")
        take.add_argument("--output", type=Path, help="write to this new file instead")
        keygen = actions.add_parser("keygen", help="write a new private signing key")
        keygen.add_argument("output", type=Path, help="the new key file (mode 0600)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "verify":
                self.verify(options["checkpoint"], options["public_key"])
            elif options["action"] == "checkpoint":
                self.checkpoint(options["output"])
            else:
                self.keygen(options["output"])
        except (ChainBroken, checkpoints.CheckpointInvalid, checkpoints.SigningKeyMissing) as why:
            raise CommandError(str(why)) from None

    def verify(self, checkpoint: Path | None, public_key: str | None) -> None:
        if checkpoint is None and public_key is None:
            self.stdout.write(f"{verify().count} events, chain intact.")
            return
        if checkpoint is None or public_key is None:
            raise CommandError("--checkpoint and --public-key go together.")
        checked = checkpoints.checkpoint_check(
            document=checkpoints.parse(read(checkpoint)),
            public_key=checkpoints.read_public_key(public_key),
        )
        grown = checked.tip.last_id - checked.last_event_id
        self.stdout.write(
            f"Checkpoint of {checked.taken_at} holds: events 1 to {checked.last_event_id} "
            f"are unchanged. Chain intact: {checked.tip.count} events now, {grown} written "
            "since the checkpoint."
        )

    def checkpoint(self, output: Path | None) -> None:
        signing_key = checkpoints.load_signing_key()
        text = checkpoints.to_json(checkpoints.checkpoint_take(signing_key=signing_key))
        if output is None:
            self.stdout.write(text, ending="")
            return
        try:
            # Mode "x": a checkpoint already handed to the board is never overwritten.
            with output.open("x", encoding="utf-8") as out:
                out.write(text)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error}") from None
        self.stdout.write(f"Checkpoint written to {output}.")

    def keygen(self, output: Path) -> None:
        try:
            public = checkpoints.keygen(output)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error}") from None
        self.stdout.write(
            f"Private key written to {output} (mode 0600): point "
            "TRUSTLINE_AUDIT_SIGNING_KEY_FILE at it and keep a copy offline.\n"
            f"Public key, for the oversight board to verify checkpoints with:\n{public}"
        )


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error}") from None
