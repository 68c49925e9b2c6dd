# Sourced by test parts: creates (once) and activates the project's Python virtualenv at
# .venv, and installs tests/requirements.txt into it. Safe to source several times.
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
# shellcheck disable=SC1091
. "$VENV/bin/activate"
stamp="$VENV/.requirements.sha"
want=$(sha256sum "$ROOT/tests/requirements.txt" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  python -m pip install --quiet -r "$ROOT/tests/requirements.txt"
  echo "$want" > "$stamp"
fi
